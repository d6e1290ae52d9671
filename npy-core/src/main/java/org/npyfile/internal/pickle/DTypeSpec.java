package org.npyfile.internal.pickle;

import java.nio.ByteOrder;
import java.util.List;
import org.npyfile.internal.PythonRepr;

/**
 * A numpy dtype as its pickle describes it: kind, item size, byte order, datetime unit, fields
 * and sub-array. {@link #descr()} prints what numpy's {@code dtype_to_descr} writes into a header.
 *
 * @param kind numpy's kind character: b i u f c O S U V M m
 * @param itemSize the item size in bytes
 * @param order '<', '>' or '|' (byte order does not apply)
 * @param unit the datetime unit with its multiplier ({@code "10ms"}), or "" (generic, or not a datetime)
 * @param fields the fields in order for a structured dtype, or null
 * @param subBase the element type of a sub-array dtype, or null
 * @param subShape the shape of a sub-array dtype, or null
 * @param depth 1 for a plain dtype, one more than its deepest field or base otherwise
 * @param weight how many dtypes the descr prints, every shared field dtype counted again
 */
record DTypeSpec(char kind, int itemSize, char order, String unit, List<Field> fields, DTypeSpec subBase,
        long[] subShape, int depth, long weight) {

    /** The native byte order's character. */
    static final char NATIVE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? '<' : '>';

    /**
     * A field of a structured dtype.
     *
     * @param name the name
     * @param title the title, or null
     * @param dtype the field's dtype
     * @param offset the byte offset in a record
     */
    record Field(String name, String title, DTypeSpec dtype, long offset) {
    }

    /** The dtype of a freshly reconstructed, not yet built array: numpy's {@code 'b'}. */
    static DTypeSpec initialArray() {
        return plain('i', 1, '|', "");
    }

    /** A plain dtype; the byte order is ignored where it does not apply. */
    static DTypeSpec plain(char kind, int itemSize, char order, String unit) {
        return new DTypeSpec(kind, itemSize, orderApplies(kind, itemSize) ? order : '|', unit, null, null, null, 1, 1);
    }

    /** A structured dtype ({@code V} with fields). */
    static DTypeSpec record(int itemSize, List<Field> fields) {
        int depth = 0;
        long weight = 1;
        for (Field f : fields) {
            depth = Math.max(depth, f.dtype().depth());
            weight = saturatingAdd(weight, f.dtype().weight());
        }
        return new DTypeSpec('V', itemSize, '|', "", List.copyOf(fields), null, null, depth + 1, weight);
    }

    /** A sub-array dtype: {@code count} elements of base in the given shape. */
    static DTypeSpec subArray(DTypeSpec base, long[] shape, int itemSize) {
        return new DTypeSpec('V', itemSize, '|', "", null, base, shape.clone(), base.depth() + 1,
                saturatingAdd(base.weight(), 1));
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static boolean orderApplies(char kind, int itemSize) {
        return switch (kind) {
            case 'O', 'S', 'V', 'b' -> false;
            case 'U', 'M', 'm' -> true;
            default -> itemSize > 1;
        };
    }

    boolean structured() {
        return fields != null;
    }

    /** numpy's {@code hasobject}: an object dtype, or a record or sub-array holding one. */
    boolean hasObject() {
        if (kind == 'O') {
            return true;
        }
        if (subBase != null && subBase.hasObject()) {
            return true;
        }
        if (fields != null) {
            for (Field f : fields) {
                if (f.dtype().hasObject()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** numpy's {@code dtype.str} of a dtype without fields or sub-array. */
    String str() {
        StringBuilder s = new StringBuilder().append(order).append(kind);
        switch (kind) {
            case 'O' -> { }
            case 'U' -> s.append(itemSize / 4);
            case 'M', 'm' -> {
                s.append(itemSize);
                if (!unit.isEmpty()) {
                    s.append('[').append(unit).append(']');
                }
            }
            default -> s.append(itemSize);
        }
        return s.toString();
    }

    /**
     * The descr as {@link PickledArray#descr()} and {@link NumpyDType#descr()} give it: {@code dtype.str}
     * unquoted for a plain dtype, the {@code dtype.descr} list for a structured one, and
     * {@code (base, shape)} for a sub-array.
     *
     * @throws IllegalStateException if fields overlap or are out of offset order, which numpy's
     *     {@code dtype.descr} cannot express either
     */
    String descr() {
        if (subBase != null) {
            return literal();
        }
        return structured() ? recordDescr() : str();
    }

    /** The descr as a Python literal: quoted where it is a str. */
    String literal() {
        if (subBase != null) {
            return "(" + subBase.literal() + ", " + shapeRepr(subShape) + ")";
        }
        return structured() ? recordDescr() : PythonRepr.str(str());
    }

    private String recordDescr() {
        StringBuilder s = new StringBuilder("[");
        long at = 0;
        for (Field f : fields) {
            if (f.offset() > at) {
                entry(s, "('', '|V" + (f.offset() - at) + "')");
                at = f.offset();
            } else if (f.offset() < at) {
                throw new IllegalStateException("field " + PythonRepr.str(f.name()) + " at offset " + f.offset()
                        + " overlaps the field before it or is out of order");
            }
            String name = f.title() == null ? PythonRepr.str(f.name())
                    : "(" + PythonRepr.str(f.title()) + ", " + PythonRepr.str(f.name()) + ")";
            DTypeSpec t = f.dtype();
            String type = t.subBase != null ? t.subBase.literal() + ", " + shapeRepr(t.subShape) : t.literal();
            entry(s, "(" + name + ", " + type + ")");
            at += t.itemSize();
        }
        if (itemSize > at) {
            entry(s, "('', '|V" + (itemSize - at) + "')");
        }
        return s.append(']').toString();
    }

    private static void entry(StringBuilder list, String item) {
        if (list.length() > 1) {
            list.append(", ");
        }
        list.append(item);
    }

    static String shapeRepr(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }
}
