package org.npyfile.cli.repr;

import java.nio.ByteOrder;
import java.util.List;
import org.npyfile.DType;

/**
 * How numpy names a dtype when it prints an array: {@code dtype.name} ({@code float32},
 * {@code datetime64[ns]}), the short repr after {@code dtype=} ({@code float32}, {@code '>f8'},
 * {@code '<U7'}, {@code 'datetime64[ns]'}, a list or dict for structured dtypes) and whether the
 * repr leaves the dtype out because the values imply it ({@code arrayprint.dtype_is_implied}).
 */
public final class DTypeText {

    private DTypeText() {
    }

    /**
     * numpy's {@code dtype.name}.
     *
     * @param d the dtype
     * @return for example {@code int64}, {@code float16}, {@code bool}, {@code bytes40},
     *     {@code str224}, {@code void64}, {@code datetime64[ns]}
     */
    public static String name(DType d) {
        int bits = 8 * d.itemSize();
        return switch (d.kind()) {
            case BOOL -> "bool";
            case INT -> "int" + bits;
            case UINT -> "uint" + bits;
            case FLOAT -> "float" + bits;
            case COMPLEX -> "complex" + bits;
            case BYTES -> "bytes" + bits;
            case UNICODE -> "str" + bits;
            case VOID, RECORD -> "void" + bits;
            case DATETIME -> "datetime64" + unitSuffix(d);
            case TIMEDELTA -> "timedelta64" + unitSuffix(d);
            case OBJECT -> "object";
        };
    }

    private static String unitSuffix(DType d) {
        return d.unit().isEmpty() ? "" : "[" + d.unit() + "]";
    }

    /**
     * Whether {@code repr} omits {@code dtype=}: native int64, float64, complex128 and bool.
     *
     * @param d the dtype
     * @return true if the values imply the dtype
     */
    public static boolean isImplied(DType d) {
        if (!isNative(d)) {
            return false;
        }
        return switch (d.kind()) {
            case BOOL -> true;
            case INT, FLOAT -> d.itemSize() == 8;
            case COMPLEX -> d.itemSize() == 16;
            default -> false;
        };
    }

    /**
     * numpy's {@code dtype_short_repr}: what follows {@code dtype=} in an array's repr.
     *
     * @param d the dtype
     * @return for example {@code int8}, {@code '>f8'}, {@code '|S5'}, {@code 'datetime64[ns]'},
     *     {@code [('x', '<i4'), ('y', '>f8')]}
     */
    public static String shortRepr(DType d) {
        switch (d.kind()) {
            case RECORD -> {
                return struct(d);
            }
            case BYTES, UNICODE, VOID -> {
                return "'" + d.descr() + "'";
            }
            default -> {
                if (!isNative(d)) {
                    return "'" + d.descr() + "'";
                }
                String name = name(d);
                return name.chars().allMatch(Character::isLetterOrDigit) ? name : "'" + name + "'";
            }
        }
    }

    private static boolean isNative(DType d) {
        return !d.hasByteOrder() || d.byteOrder() == ByteOrder.nativeOrder();
    }

    /** {@code str(dtype)} of a structured dtype: the list form when packed, else the dict form. */
    static String struct(DType d) {
        List<DType.Field> fields = d.fields();
        long at = 0;
        boolean packed = true;
        for (DType.Field f : fields) {
            packed &= f.offset() == at;
            at = f.offset() + f.byteSize();
        }
        packed &= at == d.itemSize();
        StringBuilder out = new StringBuilder();
        if (packed) {
            out.append('[');
            for (int i = 0; i < fields.size(); i++) {
                DType.Field f = fields.get(i);
                out.append(i == 0 ? "(" : ", (");
                if (f.title() != null) {
                    out.append('(').append(PythonText.str(f.title())).append(", ")
                            .append(PythonText.str(f.name())).append("), ");
                } else {
                    out.append(PythonText.str(f.name())).append(", ");
                }
                out.append(construction(f.dtype()));
                if (f.shape().length > 0) {
                    out.append(", ").append(PythonText.tuple(f.shape()));
                }
                out.append(')');
            }
            return out.append(']').toString();
        }
        out.append("{'names': [");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(PythonText.str(fields.get(i).name()));
        }
        out.append("], 'formats': [");
        for (int i = 0; i < fields.size(); i++) {
            DType.Field f = fields.get(i);
            String type = construction(f.dtype());
            out.append(i == 0 ? "" : ", ")
                    .append(f.shape().length == 0 ? type : "(" + type + ", " + PythonText.tuple(f.shape()) + ")");
        }
        out.append("], 'offsets': [");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(fields.get(i).offset());
        }
        out.append(']');
        if (fields.stream().anyMatch(f -> f.title() != null)) {
            out.append(", 'titles': [");
            for (int i = 0; i < fields.size(); i++) {
                String title = fields.get(i).title();
                out.append(i == 0 ? "" : ", ").append(title == null ? "None" : PythonText.str(title));
            }
            out.append(']');
        }
        return out.append(", 'itemsize': ").append(d.itemSize()).append('}').toString();
    }

    /** numpy's {@code _construction_repr(dtype, short=True)} for a field's type. */
    private static String construction(DType d) {
        if (d.kind() == DType.Kind.RECORD) {
            return struct(d);
        }
        String order = !d.hasByteOrder() ? "" : d.byteOrder() == ByteOrder.BIG_ENDIAN ? ">" : "<";
        return switch (d.kind()) {
            case BOOL -> "'?'";
            case BYTES -> "'S" + d.itemSize() + "'";
            case VOID -> "'V" + d.itemSize() + "'";
            case UNICODE -> "'" + order + "U" + d.length() + "'";
            case DATETIME -> "'" + order + "M8" + unitSuffix(d) + "'";
            case TIMEDELTA -> "'" + order + "m8" + unitSuffix(d) + "'";
            default -> "'" + order + d.kind().code() + d.itemSize() + "'";
        };
    }
}
