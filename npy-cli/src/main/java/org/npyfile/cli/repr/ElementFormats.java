package org.npyfile.cli.repr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyTypeException;

/**
 * numpy's {@code _get_format_function}: the element formatter of each dtype, set up from all the
 * values that will be printed (numpy's {@code BoolFormat}, {@code IntegerFormat},
 * {@code FloatingFormat}, {@code ComplexFloatingFormat}, {@code DatetimeFormat},
 * {@code TimedeltaFormat}, {@code repr} for strings, {@code str} for void, and
 * {@code StructuredVoidFormat} with {@code SubArrayFormat} for records).
 */
final class ElementFormats {

    private ElementFormats() {
    }

    /**
     * The formatter for a column.
     *
     * @param column the values, in C order
     * @param zeroDimensional whether the column is a 0-d array (numpy then prints {@code True}
     *     without its alignment space)
     * @param options the print options
     * @return the formatter, indexed by position in the column
     * @throws NpyException if a value cannot be decoded (an invalid code point in a {@code U} string)
     */
    static ElementFormat of(NpyArray column, boolean zeroDimensional, PrintOptions options) throws NpyException {
        return of(column, zeroDimensional, false, options);
    }

    /**
     * numpy's {@code str} of a structured scalar ({@code _void_scalar_to_string}): the fields as the
     * array formatters print them, except that floats print as the {@code str} of their scalar.
     *
     * @param record a 0-d structured array
     * @param options the print options
     * @return the text, for example {@code (1.5, 2, 'a')}
     * @throws NpyException if a value cannot be decoded
     */
    static String recordScalar(NpyArray record, PrintOptions options) throws NpyException {
        return of(record, true, true, options).format(0);
    }

    private static ElementFormat of(NpyArray column, boolean zeroDimensional, boolean scalarFloats,
            PrintOptions options) throws NpyException {
        DType dtype = column.dtype();
        return switch (dtype.kind()) {
            case BOOL -> bools(column.asBooleanArray(), zeroDimensional);
            case INT, UINT -> integers(longs(column), dtype.kind() == DType.Kind.UINT && dtype.itemSize() == 8);
            case FLOAT -> scalarFloats ? scalarFloats(column) : floats(column, options);
            case COMPLEX -> complexes(column, options);
            case BYTES -> bytes(column.asStringArray());
            case UNICODE -> strings(column.asStringArray());
            case VOID -> voids(column);
            case DATETIME -> datetimes(column.asLongArray(), DatetimeText.forUnit(dtype.unit()));
            case TIMEDELTA -> timedeltas(column.asLongArray());
            case RECORD -> records(column, zeroDimensional, scalarFloats, options);
            case OBJECT -> throw new NpyTypeException("printing dtype " + dtype.descr() + " (Python objects) is not supported");
        };
    }

    private static ElementFormat bools(boolean[] values, boolean zeroDimensional) {
        String truth = zeroDimensional ? "True" : " True";
        return i -> values[i] ? truth : "False";
    }

    /** Integers as longs; unsigned 64-bit values as their raw bits. */
    static long[] longs(NpyArray column) throws NpyException {
        return column.dtype().itemSize() == 8 ? column.asLongArray() : column.toLongArray();
    }

    private static ElementFormat integers(long[] values, boolean unsigned64) {
        int width = 0;
        if (values.length > 0) {
            long max = values[0];
            long min = values[0];
            for (long v : values) {
                if (unsigned64 ? Long.compareUnsigned(v, max) > 0 : v > max) {
                    max = v;
                }
                if (unsigned64 ? Long.compareUnsigned(v, min) < 0 : v < min) {
                    min = v;
                }
            }
            width = Math.max(text(max, unsigned64).length(), text(min, unsigned64).length());
        }
        int w = width;
        return i -> pad(text(values[i], unsigned64), w);
    }

    private static String text(long v, boolean unsigned64) {
        return unsigned64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    private static String pad(String s, int width) {
        int missing = width - PythonText.length(s);
        return missing > 0 ? " ".repeat(missing) + s : s;
    }

    /** The dtype of a float, or of each part of a complex number, of this many bytes. */
    static FloatDType floatType(int partSize) {
        return partSize == 16 ? LongDouble.X87_EXTENDED : FloatType.ofSize(partSize);
    }

    /** Every float (or complex part) of a column, in order. */
    static FloatValue[] floatValues(NpyArray column, int partSize) {
        ByteBuffer data = column.data();
        FloatValue[] values = new FloatValue[data.remaining() / partSize];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (partSize) {
                case 2 -> FloatType.HALF.value(data.getShort(2 * i) & 0xffffL);
                case 4 -> FloatType.SINGLE.value(data.getInt(4 * i) & 0xffff_ffffL);
                case 8 -> FloatType.DOUBLE.value(data.getLong(8 * i));
                default -> LongDouble.X87_EXTENDED.read(data, 16 * i);
            };
        }
        return values;
    }

    private static ElementFormat floats(NpyArray column, PrintOptions options) {
        int size = column.dtype().itemSize();
        FloatValue[] values = floatValues(column, size);
        FloatFormat format = new FloatFormat(floatType(size), values, false, options.precision());
        return i -> format.format(values[i]);
    }

    /** numpy's {@code formatter={'float_kind': str}}: each float as the {@code str} of its scalar. */
    private static ElementFormat scalarFloats(NpyArray column) {
        int size = column.dtype().itemSize();
        FloatValue[] values = floatValues(column, size);
        FloatDType type = floatType(size);
        return i -> ScalarText.floatStr(values[i], type);
    }

    private static ElementFormat complexes(NpyArray column, PrintOptions options) {
        int partSize = column.dtype().itemSize() / 2;
        FloatValue[] parts = floatValues(column, partSize);
        FloatValue[] real = new FloatValue[parts.length / 2];
        FloatValue[] imag = new FloatValue[parts.length / 2];
        for (int i = 0; i < real.length; i++) {
            real[i] = parts[2 * i];
            imag[i] = parts[2 * i + 1];
        }
        FloatDType type = floatType(partSize);
        FloatFormat realFormat = new FloatFormat(type, real, false, options.precision());
        FloatFormat imagFormat = new FloatFormat(type, imag, true, options.precision());
        return i -> {
            String im = imagFormat.format(imag[i]);
            int end = im.length();
            while (end > 0 && im.charAt(end - 1) == ' ') {
                end--;
            }
            return realFormat.format(real[i]) + im.substring(0, end) + 'j' + im.substring(end);
        };
    }

    private static ElementFormat bytes(String[] latin1) {
        return i -> PythonText.bytes(latin1[i].getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ElementFormat strings(String[] values) {
        return i -> PythonText.str(values[i]);
    }

    private static ElementFormat voids(NpyArray column) {
        ByteBuffer data = column.data();
        int size = column.dtype().itemSize();
        return i -> {
            byte[] element = new byte[size];
            data.get(i * size, element);
            return PythonText.voidBytes(element);
        };
    }

    /** numpy's {@code _TimelikeFormat}: width from the largest and smallest non-NaT tick counts only. */
    private static int timelikeWidth(long[] ticks, java.util.function.LongFunction<String> text) {
        boolean any = false;
        boolean nat = false;
        long max = 0;
        long min = 0;
        for (long t : ticks) {
            if (t == DatetimeText.NAT) {
                nat = true;
            } else if (!any) {
                any = true;
                max = t;
                min = t;
            } else {
                max = Math.max(max, t);
                min = Math.min(min, t);
            }
        }
        int width = any ? Math.max(PythonText.length(text.apply(max)), PythonText.length(text.apply(min))) : 0;
        return nat ? Math.max(width, "'NaT'".length()) : width;
    }

    private static ElementFormat datetimes(long[] ticks, DatetimeText iso) {
        java.util.function.LongFunction<String> quoted = t -> "'" + iso.format(t) + "'";
        int width = timelikeWidth(ticks, quoted);
        return i -> pad(ticks[i] == DatetimeText.NAT ? "'NaT'" : quoted.apply(ticks[i]), width);
    }

    private static ElementFormat timedeltas(long[] ticks) {
        int width = timelikeWidth(ticks, Long::toString);
        return i -> pad(ticks[i] == DatetimeText.NAT ? "'NaT'" : Long.toString(ticks[i]), width);
    }

    private static ElementFormat records(NpyArray column, boolean zeroDimensional, boolean scalarFloats,
            PrintOptions options) throws NpyException {
        List<DType.Field> fields = column.dtype().fields();
        List<ElementFormat> formats = new ArrayList<>(fields.size());
        for (DType.Field f : fields) {
            NpyArray values = column.field(f.name()).toCOrder();
            ElementFormat scalar = of(values, zeroDimensional && f.shape().length == 0, scalarFloats, options);
            long[] shape = f.shape();
            if (shape.length == 0) {
                formats.add(scalar);
            } else {
                int count = Math.toIntExact(f.elementCount());
                formats.add(i -> subArray(scalar, i * count, shape, 0, options,
                        options.summarises(count)));
            }
        }
        return i -> {
            StringBuilder out = new StringBuilder("(");
            for (int k = 0; k < formats.size(); k++) {
                out.append(k == 0 ? "" : ", ").append(formats.get(k).format(i));
            }
            return out.append(formats.size() == 1 ? ",)" : ")").toString();
        };
    }

    /** numpy's {@code SubArrayFormat.format_array}: nested brackets, one line, summarised by the first axis. */
    private static String subArray(ElementFormat scalar, int start, long[] shape, int axis, PrintOptions options,
            boolean summary) {
        if (axis == shape.length) {
            return scalar.format(start);
        }
        int stride = 1;
        for (int k = axis + 1; k < shape.length; k++) {
            stride *= (int) shape[k];
        }
        int length = (int) shape[axis];
        int edge = options.edgeItems();
        List<String> items = new ArrayList<>();
        if (summary && length > 2 * edge) {
            for (int j = 0; j < edge; j++) {
                items.add(subArray(scalar, start + j * stride, shape, axis + 1, options, summary));
            }
            items.add("...");
            for (int j = length - edge; j < length; j++) {
                items.add(subArray(scalar, start + j * stride, shape, axis + 1, options, summary));
            }
        } else {
            for (int j = 0; j < length; j++) {
                items.add(subArray(scalar, start + j * stride, shape, axis + 1, options, summary));
            }
        }
        return "[" + String.join(", ", items) + "]";
    }
}
