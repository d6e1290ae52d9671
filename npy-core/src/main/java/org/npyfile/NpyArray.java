package org.npyfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.npyfile.DType.Kind;
import org.npyfile.internal.Shape;
import org.npyfile.internal.Codec;
import org.npyfile.internal.HeaderFormat;

/**
 * An array in memory: dtype, shape, memory order and the element bytes exactly as a {@code .npy}
 * file stores them (the file's byte order, the file's layout).
 *
 * <p>Typed accessors copy the elements into a new Java array, in the array's own layout
 * (Fortran order for a Fortran-order array; call {@link #toCOrder()} first for C order):
 * <ul>
 *   <li>{@code asXxxArray()} are exact: the dtype's storage matches the Java type. Unsigned
 *       integers come back as their raw bits ({@code asIntArray()} on {@code <u4} gives
 *       {@code -1} for 4294967295, as {@link Integer#toUnsignedLong(int)} reads it); float16
 *       decodes to float; complex comes as interleaved real and imaginary parts.</li>
 *   <li>{@code toXxxArray()} widen values losslessly: {@code toLongArray()} on {@code <u4} gives
 *       0..4294967295.</li>
 * </ul>
 * A request that cannot be met losslessly throws {@link NpyTypeException} naming the dtype and
 * shape. Instances are immutable; {@link #data()} is a read-only view.
 */
public final class NpyArray {

    private final DType dtype;
    private final long[] shape;
    private final boolean fortranOrder;
    /** Writable, heap-backed, position 0, in the dtype's byte order; never handed out. */
    private final ByteBuffer bytes;
    private final long count;

    NpyArray(DType dtype, long[] shape, boolean fortranOrder, ByteBuffer bytes) {
        this.dtype = dtype;
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.bytes = bytes.order(dtype.byteOrder());
        // From the shape, not the bytes: a record of zero-size fields has elements but no bytes.
        this.count = Shape.count(shape);
    }

    // ---------------------------------------------------------------- factories

    /**
     * A C-order {@code |b1} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(boolean[] data, long... shape) {
        ByteBuffer b = allocate(DType.BOOL, data.length, shape);
        Codec.put(b, data, 0, data.length);
        return create(DType.BOOL, data.length, shape, b);
    }

    /**
     * A C-order {@code |i1} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(byte[] data, long... shape) {
        return ofRaw(DType.INT8, data, shape);
    }

    /**
     * A C-order {@code <i2} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(short[] data, long... shape) {
        return ofRaw(DType.INT16, data, shape);
    }

    /**
     * A C-order {@code <i4} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(int[] data, long... shape) {
        return ofRaw(DType.INT32, data, shape);
    }

    /**
     * A C-order {@code <i8} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(long[] data, long... shape) {
        return ofRaw(DType.INT64, data, shape);
    }

    /**
     * A C-order {@code <f4} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(float[] data, long... shape) {
        return ofRaw(DType.FLOAT32, data, shape);
    }

    /**
     * A C-order {@code <f8} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(double[] data, long... shape) {
        return ofRaw(DType.FLOAT64, data, shape);
    }

    /**
     * A C-order unsigned array from raw bits: {@code |u1} for {@code byte[]}, {@code <u2} for
     * {@code short[]}, {@code <u4} for {@code int[]}, {@code <u8} for {@code long[]}.
     *
     * @param data a {@code byte[]}, {@code short[]}, {@code int[]} or {@code long[]} of raw bits in C order
     * @param shape the dimensions; none means one dimension of the data's length
     * @return the array
     * @throws IllegalArgumentException if data is another type or the shape does not match its length
     */
    public static NpyArray ofUnsigned(Object data, long... shape) {
        DType dtype;
        if (data instanceof byte[]) {
            dtype = DType.UINT8;
        } else if (data instanceof short[]) {
            dtype = DType.UINT16;
        } else if (data instanceof int[]) {
            dtype = DType.UINT32;
        } else if (data instanceof long[]) {
            dtype = DType.UINT64;
        } else {
            throw new IllegalArgumentException("ofUnsigned takes byte[], short[], int[] or long[], not "
                    + (data == null ? "null" : data.getClass().getSimpleName()));
        }
        return ofRaw(dtype, data, shape);
    }

    /**
     * A C-order {@code <f2} array, each float rounded to the nearest half as numpy rounds.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray ofFloat16(float[] data, long... shape) {
        ByteBuffer b = allocate(DType.FLOAT16, data.length, shape);
        Codec.put(b, true, data, 0, data.length);
        return create(DType.FLOAT16, data.length, shape, b);
    }

    /**
     * A C-order {@code <c8} array from interleaved real and imaginary parts.
     *
     * @param interleaved re0, im0, re1, im1, ... in C order
     * @param shape the dimensions; none means one dimension of {@code interleaved.length / 2}
     * @return the array
     * @throws IllegalArgumentException if the length is odd or the shape does not match it
     */
    public static NpyArray ofComplex64(float[] interleaved, long... shape) {
        return ofRaw(DType.COMPLEX64, interleaved, shape);
    }

    /**
     * A C-order {@code <c16} array from interleaved real and imaginary parts.
     *
     * @param interleaved re0, im0, re1, im1, ... in C order
     * @param shape the dimensions; none means one dimension of {@code interleaved.length / 2}
     * @return the array
     * @throws IllegalArgumentException if the length is odd or the shape does not match it
     */
    public static NpyArray ofComplex128(double[] interleaved, long... shape) {
        return ofRaw(DType.COMPLEX128, interleaved, shape);
    }

    /**
     * A C-order {@code <M8[unit]} array.
     *
     * @param ticks ticks since the epoch in the unit; {@code Long.MIN_VALUE} is NaT
     * @param unit numpy's unit ({@code "ns"}, {@code "D"}, {@code "10s"}, ...)
     * @param shape the dimensions; none means one dimension of {@code ticks.length}
     * @return the array
     * @throws IllegalArgumentException if the unit is unknown or the shape does not match
     */
    public static NpyArray ofDatetime64(long[] ticks, String unit, long... shape) {
        return ofRaw(DType.datetime64(unit), ticks, shape);
    }

    /**
     * A C-order {@code <m8[unit]} array.
     *
     * @param ticks tick counts in the unit; {@code Long.MIN_VALUE} is NaT
     * @param unit numpy's unit
     * @param shape the dimensions; none means one dimension of {@code ticks.length}
     * @return the array
     * @throws IllegalArgumentException if the unit is unknown or the shape does not match
     */
    public static NpyArray ofTimedelta64(long[] ticks, String unit, long... shape) {
        return ofRaw(DType.timedelta64(unit), ticks, shape);
    }

    /**
     * A C-order {@code <U<n>} array, n being the longest string's code point count (at least 1),
     * as {@code numpy.array(list_of_str)} makes it.
     *
     * @param data the strings in C order; trailing NULs do not survive a round trip, as in numpy
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the shape does not match
     */
    public static NpyArray ofStrings(String[] data, long... shape) {
        int longest = 1;
        for (String s : data) {
            longest = Math.max(longest, s.codePointCount(0, s.length()));
        }
        return ofStrings(DType.unicode(longest), data, shape);
    }

    /**
     * A C-order array of an {@code S<n>} or {@code U<n>} dtype. {@code S} stores each character
     * as one byte and takes only characters up to U+00FF.
     *
     * @param dtype the string dtype, in any byte order
     * @param data the strings in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws IllegalArgumentException if the dtype is not a string type, a string does not fit,
     *     or the shape does not match
     */
    public static NpyArray ofStrings(DType dtype, String[] data, long... shape) {
        if (dtype.kind() != Kind.BYTES && dtype.kind() != Kind.UNICODE) {
            throw new IllegalArgumentException("ofStrings needs an S or U dtype, not " + dtype);
        }
        ByteBuffer b = allocate(dtype, data.length, shape);
        Codec.put(b, dtype, data, 0, data.length);
        return create(dtype, data.length, shape, b);
    }

    /**
     * An array of any dtype from its raw element bytes, copied.
     *
     * @param dtype the dtype; the bytes are in its byte order
     * @param fortranOrder whether the bytes are in Fortran order
     * @param shape the dimensions
     * @param data the element bytes, from position to limit; exactly element count × item size
     * @return the array
     * @throws IllegalArgumentException if the byte count does not match the shape, or the array
     *     would exceed {@link NpyLimits#MAX_IN_MEMORY_BYTES}
     */
    public static NpyArray of(DType dtype, boolean fortranOrder, long[] shape, ByteBuffer data) {
        long[] dims = shape.clone();
        long expected = Shape.byteSize(dims, dtype.itemSize());
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("shape " + Shape.repr(dims) + " of " + dtype
                    + " needs " + expected + " bytes, got " + data.remaining());
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).clear();
        return new NpyArray(dtype, dims, fortranOrder && Shape.layoutsDiffer(dims), copy);
    }

    private static NpyArray ofRaw(DType dtype, Object data, long[] shape) {
        int values = java.lang.reflect.Array.getLength(data);
        int perElement = dtype.kind() == Kind.COMPLEX ? 2 : 1;
        if (values % perElement != 0) {
            throw new IllegalArgumentException("complex data needs an even number of parts, got " + values);
        }
        int count = values / perElement;
        ByteBuffer b = allocate(dtype, count, shape);
        if (data instanceof byte[] a) {
            Codec.put(b, a, 0, a.length);
        } else if (data instanceof short[] a) {
            Codec.put(b, a, 0, a.length);
        } else if (data instanceof int[] a) {
            Codec.put(b, a, 0, a.length);
        } else if (data instanceof long[] a) {
            Codec.put(b, a, 0, a.length);
        } else if (data instanceof float[] a) {
            Codec.put(b, false, a, 0, a.length);
        } else {
            double[] a = (double[]) data;
            Codec.put(b, a, 0, a.length);
        }
        return create(dtype, count, shape, b);
    }

    private static ByteBuffer allocate(DType dtype, int count, long[] shape) {
        long[] dims = shape.length == 0 ? new long[] {count} : shape;
        long elements = Shape.count(dims);
        if (elements != count) {
            throw new IllegalArgumentException("shape " + Shape.repr(dims) + " holds "
                    + elements + " elements, the data has " + count);
        }
        long bytes = (long) count * dtype.itemSize();
        if (bytes > NpyLimits.MAX_IN_MEMORY_BYTES) {
            throw new IllegalArgumentException(bytes + " bytes exceed what one in-memory array can hold");
        }
        return ByteBuffer.allocate((int) bytes).order(dtype.byteOrder());
    }

    private static NpyArray create(DType dtype, int count, long[] shape, ByteBuffer filled) {
        long[] dims = shape.length == 0 ? new long[] {count} : shape.clone();
        return new NpyArray(dtype, dims, false, filled.clear());
    }

    // ---------------------------------------------------------------- description

    /**
     * The element type.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape; {@code []} for a 0-d array
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Whether the data is in Fortran (column-major) order.
     *
     * @return the layout flag
     */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /**
     * The number of elements.
     *
     * @return the product of the shape, 1 for 0-d
     */
    public long elementCount() {
        return count;
    }

    /**
     * The header {@code numpy.save} writes for this array.
     *
     * @return the header, with the version and data offset numpy would choose
     */
    public NpyHeader header() {
        return NpyHeader.of(dtype, fortranOrder, shape);
    }

    /**
     * The element bytes exactly as stored: the dtype's byte order, the array's layout.
     *
     * @return a read-only view (position 0, byte order set to the dtype's); no copy
     */
    public ByteBuffer data() {
        return bytes.asReadOnlyBuffer().order(dtype.byteOrder());
    }

    /** The heap buffer itself (a duplicate), for bulk writes inside the package; callers must not modify it. */
    ByteBuffer heapBytes() {
        return bytes.duplicate().order(dtype.byteOrder());
    }

    // ---------------------------------------------------------------- layout

    /**
     * This array in C order.
     *
     * @return this array if it is in C order, else a transposed copy with the same values
     */
    public NpyArray toCOrder() {
        if (!fortranOrder) {
            return this;
        }
        return new NpyArray(dtype, shape, false, Codec.transpose(bytes, shape, dtype.itemSize(), true));
    }

    /**
     * This array in Fortran order.
     *
     * @return this array if it is in Fortran order, else a transposed copy with the same values
     */
    public NpyArray toFortranOrder() {
        if (fortranOrder) {
            return this;
        }
        return new NpyArray(dtype, shape, true, Codec.transpose(bytes, shape, dtype.itemSize(), false));
    }

    /**
     * This array with its elements stored in another byte order; values do not change.
     *
     * @param order the byte order
     * @return this array if nothing changes, else a copy
     */
    public NpyArray withByteOrder(ByteOrder order) {
        DType target = dtype.withByteOrder(order);
        if (target.equals(dtype)) {
            return this;
        }
        ByteBuffer copy = ByteBuffer.allocate(bytes.capacity());
        if (dtype.kind() == Kind.RECORD) {
            copy.put(bytes.duplicate()).clear();
            List<int[]> plan = new ArrayList<>();
            swapPlan(dtype, order, 0, plan);
            Codec.swapInPlace(copy.array(), dtype.itemSize(), plan);
        } else {
            Codec.copySwapped(bytes.duplicate(), dtype.byteOrder(), copy, order, dtype.scalarSize());
        }
        return new NpyArray(target, shape, fortranOrder, copy.clear());
    }

    /** Collects {offset, scalar size, scalar count} runs within one record whose byte order changes. */
    private static void swapPlan(DType record, ByteOrder order, int base, List<int[]> plan) {
        for (DType.Field f : record.fields()) {
            DType t = f.dtype();
            int at = base + f.offset();
            if (t.kind() == Kind.RECORD) {
                for (long k = 0; k < f.elementCount(); k++) {
                    swapPlan(t, order, (int) (at + k * t.itemSize()), plan);
                }
            } else if (t.hasByteOrder() && t.byteOrder() != order && t.scalarSize() > 1) {
                plan.add(new int[] {at, t.scalarSize(), (int) (f.byteSize() / t.scalarSize())});
            }
        }
    }

    /**
     * The values of one field of a structured array: {@code array['x']} in numpy. The result has
     * the field's dtype and this array's shape, followed by the field's sub-array shape; it is a
     * copy, so every typed accessor works on it.
     *
     * @param name the field's name or title; nested fields are reached by calling this again
     * @return the field's values, in this array's layout (C order if the field is a sub-array)
     * @throws NpyTypeException if this array is not structured or has no such field
     */
    public NpyArray field(String name) throws NpyTypeException {
        if (dtype.kind() != Kind.RECORD) {
            throw new NpyTypeException("field(\"" + name + "\") needs a structured array; this one holds dtype "
                    + dtype.descr() + " with shape " + Shape.repr(shape));
        }
        DType.Field f = dtype.field(name).orElseThrow(() -> new NpyTypeException("no field '" + name
                + "' in dtype " + dtype.descr() + " (shape " + Shape.repr(shape) + ")"));
        NpyArray src = f.shape().length > 0 ? toCOrder() : this;
        int itemSize = dtype.itemSize();
        int fieldBytes = (int) f.byteSize();
        byte[] in = src.bytes.array();
        // A field's bytes never exceed its record's, so this fits the array already held.
        byte[] out = new byte[fieldBytes == 0 ? 0 : Math.toIntExact(elementCount() * fieldBytes)];
        for (int i = 0, n = fieldBytes == 0 ? 0 : count(); i < n; i++) {
            System.arraycopy(in, i * itemSize + f.offset(), out, i * fieldBytes, fieldBytes);
        }
        long[] fieldShape = f.shape();
        long[] resultShape = Arrays.copyOf(shape, shape.length + fieldShape.length);
        System.arraycopy(fieldShape, 0, resultShape, shape.length, fieldShape.length);
        return new NpyArray(f.dtype(), resultShape, src.fortranOrder && fieldShape.length == 0, ByteBuffer.wrap(out));
    }

    /**
     * A C-order structured array from one array of values per field.
     *
     * @param recordType a structured dtype, see {@link DType#record()}
     * @param shape the record array's dimensions; {@code []} for 0-d
     * @param columns per field name, its values in C order: the record shape followed by the
     *     field's sub-array shape, of the field's dtype (a different byte order is converted)
     * @return the array; padding bytes are zero
     * @throws IllegalArgumentException if the dtype is not structured, a field has no column or a
     *     column no field, or a column's dtype or element count does not match its field
     */
    public static NpyArray ofRecords(DType recordType, long[] shape, Map<String, NpyArray> columns) {
        if (recordType.kind() != Kind.RECORD) {
            throw new IllegalArgumentException("ofRecords needs a structured dtype, not " + recordType);
        }
        long[] dims = shape.clone();
        long count = Shape.count(dims);
        Set<String> unused = new LinkedHashSet<>(columns.keySet());
        ByteBuffer out = ByteBuffer.allocate(checkedSize(count * recordType.itemSize()));
        byte[] target = out.array();
        for (DType.Field f : recordType.fields()) {
            NpyArray column = columns.containsKey(f.name()) ? columns.get(f.name())
                    : f.title() != null && columns.containsKey(f.title()) ? columns.get(f.title()) : null;
            if (column == null) {
                throw new IllegalArgumentException("no column for field '" + f.name() + "' of " + recordType);
            }
            unused.remove(columns.containsKey(f.name()) ? f.name() : f.title());
            if (column.dtype.kind() != Kind.RECORD && f.dtype().kind() != Kind.RECORD) {
                column = column.withByteOrder(f.dtype().byteOrder());
            }
            if (!column.dtype.equals(f.dtype())) {
                throw new IllegalArgumentException("column '" + f.name() + "' holds " + column.dtype
                        + ", the field needs " + f.dtype());
            }
            if (column.elementCount() != count * f.elementCount()) {
                throw new IllegalArgumentException("column '" + f.name() + "' holds " + column.elementCount()
                        + " elements, the field needs " + count * f.elementCount());
            }
            byte[] in = column.toCOrder().bytes.array();
            int fieldBytes = (int) f.byteSize();
            for (int i = 0; i < count; i++) {
                System.arraycopy(in, i * fieldBytes, target, i * recordType.itemSize() + f.offset(), fieldBytes);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("no field of " + recordType + " for columns " + unused);
        }
        return new NpyArray(recordType, dims, false, out);
    }

    /**
     * A C-order structured array with one scalar field per column, packed in map order as
     * {@code numpy.dtype([(name, column.dtype), ...])} lays them out.
     *
     * @param columns per field name, its values; all of one shape, which the records take
     * @return the array
     * @throws IllegalArgumentException if there are no columns or their shapes differ
     */
    public static NpyArray ofRecords(Map<String, NpyArray> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("ofRecords needs at least one column");
        }
        DType.RecordBuilder builder = DType.record();
        long[] recordShape = null;
        for (Map.Entry<String, NpyArray> e : columns.entrySet()) {
            builder.field(e.getKey(), e.getValue().dtype);
            if (recordShape == null) {
                recordShape = e.getValue().shape;
            } else if (!Arrays.equals(recordShape, e.getValue().shape)) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has shape "
                        + Shape.repr(e.getValue().shape) + ", others " + Shape.repr(recordShape));
            }
        }
        return ofRecords(builder.build(), recordShape, columns);
    }

    private static int checkedSize(long bytes) {
        if (bytes > NpyLimits.MAX_IN_MEMORY_BYTES) {
            throw new IllegalArgumentException(bytes + " bytes exceed what one in-memory array can hold");
        }
        return (int) bytes;
    }

    /**
     * The same elements under another shape, in the array's own layout order.
     *
     * @param newShape the dimensions; none for a 0-d array
     * @return a new array sharing nothing mutable with this one
     * @throws IllegalArgumentException if the element counts differ
     */
    public NpyArray reshape(long... newShape) {
        long count = Shape.count(newShape);
        if (count != elementCount()) {
            throw new IllegalArgumentException("cannot reshape " + elementCount() + " elements into shape "
                    + Shape.repr(newShape));
        }
        return new NpyArray(dtype, newShape.clone(), fortranOrder && Shape.layoutsDiffer(newShape), bytes);
    }

    // ---------------------------------------------------------------- exact accessors

    /**
     * The elements of a {@code |b1} array.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public boolean[] asBooleanArray() throws NpyTypeException {
        JavaType.BOOLEAN.check("asBooleanArray()", dtype, shape);
        boolean[] out = new boolean[count()];
        Codec.get(source(), out, 0, out.length);
        return out;
    }

    /**
     * The bytes of an {@code |i1}, {@code |u1} (raw bits) or {@code |b1} (0 or 1) array.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public byte[] asByteArray() throws NpyTypeException {
        JavaType.BYTE.check("asByteArray()", dtype, shape);
        byte[] out = new byte[count()];
        Codec.get(source(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code i2} or {@code u2} (raw bits) array.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public short[] asShortArray() throws NpyTypeException {
        JavaType.SHORT.check("asShortArray()", dtype, shape);
        short[] out = new short[count()];
        Codec.get(source(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code i4} or {@code u4} (raw bits) array.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public int[] asIntArray() throws NpyTypeException {
        JavaType.INT.check("asIntArray()", dtype, shape);
        int[] out = new int[count()];
        Codec.get(source(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code i8}, {@code u8} (raw bits), {@code M8} or {@code m8} (ticks) array.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public long[] asLongArray() throws NpyTypeException {
        JavaType.LONG.check("asLongArray()", dtype, shape);
        long[] out = new long[count()];
        Codec.get(source(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code f4} or {@code f2} array, or the interleaved parts of a {@code c8} array.
     *
     * @return a new array, in this array's layout order (twice the element count for complex)
     * @throws NpyTypeException for any other dtype
     */
    public float[] asFloatArray() throws NpyTypeException {
        JavaType.FLOAT.check("asFloatArray()", dtype, shape);
        float[] out = new float[Math.multiplyExact(count(), JavaType.valuesPerElement(dtype))];
        Codec.get(source(), isHalf(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code f8} array, or the interleaved parts of a {@code c16} array.
     *
     * @return a new array, in this array's layout order (twice the element count for complex)
     * @throws NpyTypeException for any other dtype
     */
    public double[] asDoubleArray() throws NpyTypeException {
        JavaType.DOUBLE.check("asDoubleArray()", dtype, shape);
        double[] out = new double[Math.multiplyExact(count(), JavaType.valuesPerElement(dtype))];
        Codec.get(source(), out, 0, out.length);
        return out;
    }

    /**
     * The strings of an {@code S} or {@code U} array, trailing NULs stripped as numpy does.
     * {@code S} bytes come back as the latin-1 characters of the same values, so no byte is lost.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public String[] asStringArray() throws NpyException {
        JavaType.STRING.check("asStringArray()", dtype, shape);
        String[] out = new String[count()];
        Codec.get(source(), dtype, out, 0, out.length);
        return out;
    }

    // ---------------------------------------------------------------- widening accessors

    /**
     * The values of an {@code i1}, {@code u1} (0..255) or {@code i2} array, widened.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public short[] toShortArray() throws NpyTypeException {
        if (isInteger(2, true)) {
            return asShortArray();
        }
        if (!isInteger(1, false)) {
            throw mismatch("toShortArray()");
        }
        byte[] raw = asByteArray();
        short[] out = new short[raw.length];
        boolean unsigned = dtype.kind() == Kind.UINT;
        for (int i = 0; i < raw.length; i++) {
            out[i] = (short) (unsigned ? raw[i] & 0xFF : raw[i]);
        }
        return out;
    }

    /**
     * The values of any integer array of up to 32 bits except {@code u4}, widened
     * ({@code u2} gives 0..65535).
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public int[] toIntArray() throws NpyTypeException {
        if (isInteger(4, true)) {
            return asIntArray();
        }
        if (!isInteger(2, false) && !isInteger(1, false)) {
            throw mismatch("toIntArray()");
        }
        long[] wide = widen();
        int[] out = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = (int) wide[i];
        }
        return out;
    }

    /**
     * The values of any integer array except {@code u8}, widened ({@code u4} gives 0..4294967295),
     * and the ticks of {@code M8} and {@code m8} arrays.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for {@code u8} (use {@link #asLongArray()} for its raw bits) and
     *     non-integer dtypes
     */
    public long[] toLongArray() throws NpyTypeException {
        if (isInteger(8, true) || dtype.kind() == Kind.DATETIME || dtype.kind() == Kind.TIMEDELTA) {
            return asLongArray();
        }
        if (!(isInteger(4, false) || isInteger(2, false) || isInteger(1, false))) {
            throw mismatch("toLongArray()");
        }
        return widen();
    }

    /**
     * The values of an {@code f2} or {@code f4} array, or of an integer array of up to 16 bits,
     * all of which a float holds exactly.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public float[] toFloatArray() throws NpyTypeException {
        if (dtype.kind() == Kind.FLOAT && dtype.itemSize() <= 4) {
            return asFloatArray();
        }
        if (!(isInteger(2, false) || isInteger(1, false))) {
            throw mismatch("toFloatArray()");
        }
        long[] wide = widen();
        float[] out = new float[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = wide[i];
        }
        return out;
    }

    /**
     * The values of any float array, or of an integer array of up to 32 bits, all of which a
     * double holds exactly.
     *
     * @return a new array, in this array's layout order
     * @throws NpyTypeException for any other dtype
     */
    public double[] toDoubleArray() throws NpyTypeException {
        if (dtype.kind() == Kind.FLOAT) {
            if (dtype.itemSize() == 8) {
                return asDoubleArray();
            }
            float[] narrow = asFloatArray();
            double[] out = new double[narrow.length];
            for (int i = 0; i < narrow.length; i++) {
                out[i] = narrow[i];
            }
            return out;
        }
        if (!(isInteger(4, false) || isInteger(2, false) || isInteger(1, false))) {
            throw mismatch("toDoubleArray()");
        }
        long[] wide = widen();
        double[] out = new double[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = wide[i];
        }
        return out;
    }

    /** Any integer of up to 4 bytes as exact long values. */
    private long[] widen() throws NpyTypeException {
        boolean unsigned = dtype.kind() == Kind.UINT;
        long[] out = new long[count()];
        switch (dtype.itemSize()) {
            case 1 -> {
                byte[] raw = asByteArray();
                for (int i = 0; i < raw.length; i++) {
                    out[i] = unsigned ? raw[i] & 0xFFL : raw[i];
                }
            }
            case 2 -> {
                short[] raw = asShortArray();
                for (int i = 0; i < raw.length; i++) {
                    out[i] = unsigned ? raw[i] & 0xFFFFL : raw[i];
                }
            }
            default -> {
                int[] raw = asIntArray();
                for (int i = 0; i < raw.length; i++) {
                    out[i] = unsigned ? raw[i] & 0xFFFF_FFFFL : raw[i];
                }
            }
        }
        return out;
    }

    /** An integer type of the size; for signedOnly, unsigned types do not count. */
    private boolean isInteger(int size, boolean signedOnly) {
        return dtype.itemSize() == size
                && (dtype.kind() == Kind.INT || !signedOnly && dtype.kind() == Kind.UINT);
    }

    private boolean isHalf() {
        return dtype.kind() == Kind.FLOAT && dtype.itemSize() == 2;
    }

    private int count() {
        return (int) elementCount();
    }

    private ByteBuffer source() {
        return bytes.duplicate().order(dtype.byteOrder());
    }

    private NpyTypeException mismatch(String accessor) {
        return JavaType.mismatch(accessor, dtype, shape);
    }

    // ---------------------------------------------------------------- object

    /**
     * Equal when dtype, shape, layout flag and element bytes are all equal.
     *
     * @param o the other object
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype.equals(dtype) && Arrays.equals(a.shape, shape)
                && a.fortranOrder == fortranOrder && a.bytes.equals(bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), fortranOrder, bytes);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + ", shape " + Shape.repr(shape) + ", "
                + (fortranOrder ? "Fortran" : "C") + " order]";
    }
}
