package org.npyfile;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.npyfile.DType.Kind;
import org.npyfile.internal.Casts;
import org.npyfile.internal.Codec;
import org.npyfile.internal.Float16;
import org.npyfile.internal.Heap;
import org.npyfile.internal.LongDoubles;
import org.npyfile.internal.Nested;
import org.npyfile.internal.Records;
import org.npyfile.internal.Shape;

/**
 * An array in memory: dtype, shape, memory order and the element bytes exactly as a {@code .npy}
 * file stores them (the file's byte order, the file's layout).
 *
 * <p>Every accessor speaks numpy's logical (C) order, whatever the stored layout: flat arrays list
 * the elements with the last index varying fastest, nested ones ({@code float[][]}) are rows,
 * and {@code getFloat(i, j)} is {@code a[i, j]}. Only {@link #data()} gives the stored bytes.
 * <ul>
 *   <li>{@code asXxxArray()} and {@link #as(Class)} are exact: the dtype's storage matches the
 *       Java type. Unsigned integers come back as their raw bits ({@code asIntArray()} on
 *       {@code <u4} gives {@code -1} for 4294967295, as {@link Integer#toUnsignedLong(int)} reads
 *       it); float16 decodes to float; complex comes as interleaved real and imaginary parts.</li>
 *   <li>{@code toXxxArray()} widen values losslessly: {@code toLongArray()} on {@code <u4} gives
 *       0..4294967295.</li>
 *   <li>{@link #astype(DType, Casting)} converts with numpy's rules where values may change
 *       (float64 to float32, int64 to int32, floats to integers), only when asked.</li>
 * </ul>
 * A request the dtype cannot meet throws the unchecked {@link NpyTypeException} naming the dtype
 * and shape; a shape or index that does not fit throws {@link NpyShapeException}. Instances are
 * immutable; {@link #data()} is a read-only view.
 */
public final class NpyArray {

    private final DType dtype;
    private final Shape shape;
    private final boolean fortranOrder;
    /**
     * Writable, heap-backed, position 0, in the dtype's byte order; never handed out. For a dtype
     * that holds objects: the pickle that stores them.
     */
    private final ByteBuffer bytes;
    /** For a dtype that holds objects: the elements in C order as plain values (unmodifiable); else null. */
    private final List<Object> objects;

    NpyArray(DType dtype, long[] shape, boolean fortranOrder, ByteBuffer bytes) {
        this(dtype, Shape.of(shape), fortranOrder, bytes, null);
    }

    NpyArray(DType dtype, long[] shape, boolean fortranOrder, ByteBuffer pickle, List<Object> objects) {
        this(dtype, Shape.of(shape), fortranOrder, pickle, objects);
    }

    private NpyArray(DType dtype, Shape shape, boolean fortranOrder, ByteBuffer bytes) {
        this(dtype, shape, fortranOrder, bytes, null);
    }

    private NpyArray(DType dtype, Shape shape, boolean fortranOrder, ByteBuffer bytes, List<Object> objects) {
        this.dtype = dtype;
        this.shape = shape;
        // Fortran order is recorded only where it changes the layout, as numpy does.
        this.fortranOrder = fortranOrder && shape.layoutsDiffer();
        this.bytes = bytes.order(dtype.byteOrder());
        this.objects = objects;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A C-order {@code |b1} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(boolean[] data, long... shape) {
        return ofFlat(DType.BOOL, data, shape);
    }

    /**
     * A C-order {@code |i1} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(byte[] data, long... shape) {
        return ofFlat(DType.INT8, data, shape);
    }

    /**
     * A C-order {@code <i2} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(short[] data, long... shape) {
        return ofFlat(DType.INT16, data, shape);
    }

    /**
     * A C-order {@code <i4} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(int[] data, long... shape) {
        return ofFlat(DType.INT32, data, shape);
    }

    /**
     * A C-order {@code <i8} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(long[] data, long... shape) {
        return ofFlat(DType.INT64, data, shape);
    }

    /**
     * A C-order {@code <f4} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(float[] data, long... shape) {
        return ofFlat(DType.FLOAT32, data, shape);
    }

    /**
     * A C-order {@code <f8} array.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray of(double[] data, long... shape) {
        return ofFlat(DType.FLOAT64, data, shape);
    }

    /**
     * A C-order {@code |b1} array of shape (rows, columns).
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(boolean[][] rows) {
        return ofNested(DType.BOOL, rows, 2);
    }

    /**
     * A C-order {@code |i1} array of shape (rows, columns).
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(byte[][] rows) {
        return ofNested(DType.INT8, rows, 2);
    }

    /**
     * A C-order {@code <i2} array of shape (rows, columns).
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(short[][] rows) {
        return ofNested(DType.INT16, rows, 2);
    }

    /**
     * A C-order {@code <i4} array of shape (rows, columns).
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(int[][] rows) {
        return ofNested(DType.INT32, rows, 2);
    }

    /**
     * A C-order {@code <i8} array of shape (rows, columns).
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(long[][] rows) {
        return ofNested(DType.INT64, rows, 2);
    }

    /**
     * A C-order {@code <f4} array of shape (rows, columns): a weight matrix as numpy stores it.
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(float[][] rows) {
        return ofNested(DType.FLOAT32, rows, 2);
    }

    /**
     * A C-order {@code <f8} array of shape (rows, columns).
     *
     * @param rows the rows, all of one length
     * @return the array
     * @throws NpyShapeException if the rows differ in length or one is null
     */
    public static NpyArray of(double[][] rows) {
        return ofNested(DType.FLOAT64, rows, 2);
    }

    /**
     * A C-order {@code |u1} array of shape (n, rows, columns): a stack of 8-bit images, say.
     * (The values are the bytes' raw bits; see {@link #ofUnsigned(byte[], long...)}.)
     *
     * @param planes the planes, all of one shape
     * @return the array, of dtype {@code |i1}
     * @throws NpyShapeException if the planes or rows differ in length or one is null
     */
    public static NpyArray of(byte[][][] planes) {
        return ofNested(DType.INT8, planes, 3);
    }

    /**
     * A C-order {@code <i4} array of shape (n, rows, columns).
     *
     * @param planes the planes, all of one shape
     * @return the array
     * @throws NpyShapeException if the planes or rows differ in length or one is null
     */
    public static NpyArray of(int[][][] planes) {
        return ofNested(DType.INT32, planes, 3);
    }

    /**
     * A C-order {@code <i8} array of shape (n, rows, columns).
     *
     * @param planes the planes, all of one shape
     * @return the array
     * @throws NpyShapeException if the planes or rows differ in length or one is null
     */
    public static NpyArray of(long[][][] planes) {
        return ofNested(DType.INT64, planes, 3);
    }

    /**
     * A C-order {@code <f4} array of shape (n, rows, columns).
     *
     * @param planes the planes, all of one shape
     * @return the array
     * @throws NpyShapeException if the planes or rows differ in length or one is null
     */
    public static NpyArray of(float[][][] planes) {
        return ofNested(DType.FLOAT32, planes, 3);
    }

    /**
     * A C-order {@code <f8} array of shape (n, rows, columns).
     *
     * @param planes the planes, all of one shape
     * @return the array
     * @throws NpyShapeException if the planes or rows differ in length or one is null
     */
    public static NpyArray of(double[][][] planes) {
        return ofNested(DType.FLOAT64, planes, 3);
    }

    /**
     * A C-order {@code |u1} array from raw bits.
     *
     * @param data the values' bits in C order ({@code (byte) 255} is 255)
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofUnsigned(byte[] data, long... shape) {
        return ofFlat(DType.UINT8, data, shape);
    }

    /**
     * A C-order {@code <u2} array from raw bits.
     *
     * @param data the values' bits in C order ({@code (short) 65535} is 65535)
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofUnsigned(short[] data, long... shape) {
        return ofFlat(DType.UINT16, data, shape);
    }

    /**
     * A C-order {@code <u4} array from raw bits.
     *
     * @param data the values' bits in C order ({@code -1} is 4294967295)
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofUnsigned(int[] data, long... shape) {
        return ofFlat(DType.UINT32, data, shape);
    }

    /**
     * A C-order {@code <u8} array from raw bits.
     *
     * @param data the values' bits in C order ({@code -1} is 2<sup>64</sup> - 1)
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofUnsigned(long[] data, long... shape) {
        return ofFlat(DType.UINT64, data, shape);
    }

    /**
     * A C-order {@code <f2} array, each float rounded to the nearest half as numpy rounds.
     *
     * @param data the values in C order
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly {@code data.length} elements
     */
    public static NpyArray ofFloat16(float[] data, long... shape) {
        return ofFlat(DType.FLOAT16, data, shape);
    }

    /**
     * A C-order {@code <c8} array from interleaved real and imaginary parts.
     *
     * @param interleaved re0, im0, re1, im1, ... in C order
     * @param shape the dimensions; none means one dimension of {@code interleaved.length / 2}
     * @return the array
     * @throws NpyShapeException if the length is odd or the shape does not match it
     */
    public static NpyArray ofComplex64(float[] interleaved, long... shape) {
        return ofFlat(DType.COMPLEX64, interleaved, shape);
    }

    /**
     * A C-order {@code <c16} array from interleaved real and imaginary parts.
     *
     * @param interleaved re0, im0, re1, im1, ... in C order
     * @param shape the dimensions; none means one dimension of {@code interleaved.length / 2}
     * @return the array
     * @throws NpyShapeException if the length is odd or the shape does not match it
     */
    public static NpyArray ofComplex128(double[] interleaved, long... shape) {
        return ofFlat(DType.COMPLEX128, interleaved, shape);
    }

    /**
     * A C-order {@code <M8[unit]} array.
     *
     * @param ticks ticks since the epoch in the unit; {@code Long.MIN_VALUE} is NaT
     * @param unit numpy's unit ({@code "ns"}, {@code "D"}, {@code "10s"}, ...)
     * @param shape the dimensions; none means one dimension of {@code ticks.length}
     * @return the array
     * @throws IllegalArgumentException if the unit is unknown
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofDatetime64(long[] ticks, String unit, long... shape) {
        return ofFlat(DType.datetime64(unit), ticks, shape);
    }

    /**
     * A C-order {@code <m8[unit]} array.
     *
     * @param ticks tick counts in the unit; {@code Long.MIN_VALUE} is NaT
     * @param unit numpy's unit
     * @param shape the dimensions; none means one dimension of {@code ticks.length}
     * @return the array
     * @throws IllegalArgumentException if the unit is unknown
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofTimedelta64(long[] ticks, String unit, long... shape) {
        return ofFlat(DType.timedelta64(unit), ticks, shape);
    }

    /**
     * A C-order {@code <U<n>} array, n being the longest string's code point count (at least 1),
     * as {@code numpy.array(list_of_str)} makes it.
     *
     * @param data the strings in C order; trailing NULs do not survive a round trip, as in numpy
     * @param shape the dimensions; none means one dimension of {@code data.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
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
     * @throws NpyTypeException if the dtype is not a string type
     * @throws IllegalArgumentException if a string does not fit
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofStrings(DType dtype, String[] data, long... shape) {
        if (!dtype.isString()) {
            throw new NpyTypeException("ofStrings needs an S or U dtype, not " + dtype);
        }
        return ofFlat(dtype, data, shape);
    }

    /**
     * A C-order object ({@code |O}) array, stored as numpy stores it: a pickle that numpy loads with
     * {@code allow_pickle=True}. Only plain values go in, and {@link #asObjectArray()} gives back
     * exactly what numpy will load.
     *
     * @param elements the elements in C order: {@code null}, {@link Boolean}, {@link Long} (or
     *     {@link Integer}, {@link Short}, {@link Byte}), {@link java.math.BigInteger}, {@link Double}
     *     (or {@link Float}), {@link String}, {@code byte[]}, {@link org.npyfile.python.PyComplex},
     *     {@link org.npyfile.python.PyTuple}, {@link List}, {@link Map}, {@link NpyArray} and
     *     {@link DType}, nested as deep as needed
     * @param shape the dimensions; none means one dimension of {@code elements.size()}
     * @return the array
     * @throws NpyShapeException if the shape does not hold exactly that many elements
     * @throws IllegalArgumentException if a value is of another type, or nests itself
     */
    public static NpyArray ofObjects(List<?> elements, long... shape) {
        return ObjectArrays.of(elements, shape.length == 0 ? new long[] {elements.size()} : shape);
    }

    /**
     * A C-order {@code <f16} array of long doubles in the x87 extended format (what numpy on
     * x86-64 stores), each value rounded to the nearest long double (ties to even).
     *
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofLongDoubles(BigDecimal[] values, long... shape) {
        return ofLongDoubles(LongDoubleFormat.X87_EXTENDED, values, shape);
    }

    /**
     * A C-order {@code <f16} array of long doubles in a given format.
     *
     * @param format the layout numpy on the reading machine expects
     * @param values the values in C order, each rounded to the nearest long double (ties to even)
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofLongDoubles(LongDoubleFormat format, BigDecimal[] values, long... shape) {
        DType dtype = DType.of(Kind.FLOAT, 16, ByteOrder.LITTLE_ENDIAN);
        Shape dims = flatShape(values.length, shape);
        ByteBuffer b = allocate(dims.byteSize(16), dtype);
        for (int i = 0; i < values.length; i++) {
            LongDoubles.fromBigDecimal(values[i], b, i * 16, ByteOrder.LITTLE_ENDIAN, internal(format));
        }
        return new NpyArray(dtype, dims, false, b);
    }

    /**
     * A C-order {@code <f16} array of long doubles in the x87 extended format, each double
     * converted exactly (NaN and infinities kept).
     *
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @return the array
     * @throws NpyShapeException if the shape does not match
     */
    public static NpyArray ofLongDoubles(double[] values, long... shape) {
        DType dtype = DType.of(Kind.FLOAT, 16, ByteOrder.LITTLE_ENDIAN);
        Shape dims = flatShape(values.length, shape);
        ByteBuffer b = allocate(dims.byteSize(16), dtype);
        for (int i = 0; i < values.length; i++) {
            LongDoubles.fromDouble(values[i], b, i * 16, ByteOrder.LITTLE_ENDIAN, LongDoubles.Format.X87_EXTENDED);
        }
        return new NpyArray(dtype, dims, false, b);
    }

    static Shape flatShape(int count, long[] shape) {
        Shape dims = Shape.of(shape.length == 0 ? new long[] {count} : shape);
        if (dims.elementCount() != count) {
            throw new NpyShapeException("shape " + dims.repr() + " holds " + dims.elementCount()
                    + " elements, the data has " + count);
        }
        return dims;
    }

    private static LongDoubles.Format internal(LongDoubleFormat format) {
        return format == LongDoubleFormat.BINARY128 ? LongDoubles.Format.BINARY128 : LongDoubles.Format.X87_EXTENDED;
    }

    /**
     * An array of any dtype from its raw element bytes, copied.
     *
     * @param dtype the dtype; the bytes are in its byte order
     * @param fortranOrder whether the bytes are in Fortran order
     * @param shape the dimensions
     * @param data the element bytes, from position to limit; exactly element count × item size
     * @return the array
     * @throws NpyShapeException if the byte count does not match the shape, or the array would
     *     exceed {@link NpyLimits#MAX_IN_MEMORY_BYTES}
     * @throws NpyTypeException for a dtype that holds objects (see {@link #ofObjects})
     */
    public static NpyArray of(DType dtype, boolean fortranOrder, long[] shape, ByteBuffer data) {
        if (dtype.hasObjects()) {
            throw new NpyTypeException("dtype " + dtype.descr() + " holds Python objects, which have no element bytes;"
                    + " use NpyArray.ofObjects");
        }
        Shape dims = Shape.of(shape);
        long expected = dims.byteSize(dtype.itemSize());
        if (data.remaining() != expected) {
            throw new NpyShapeException("shape " + dims.repr() + " of " + dtype + " needs " + expected + " bytes, got "
                    + data.remaining());
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).clear();
        return new NpyArray(dtype, dims, fortranOrder, copy);
    }

    /** A C-order array from a flat Java array of the dtype's Java type. */
    private static NpyArray ofFlat(DType dtype, Object data, long[] shape) {
        int values = Array.getLength(data);
        int perElement = JavaType.valuesPerElement(dtype);
        if (values % perElement != 0) {
            throw new NpyShapeException("complex data needs an even number of parts, got " + values);
        }
        int count = values / perElement;
        Shape dims = flatShape(count, shape);
        ByteBuffer b = allocate(dims.byteSize(dtype.itemSize()), dtype);
        put(b, dtype, data, 0, values);
        return new NpyArray(dtype, dims, false, b.clear());
    }

    /** A C-order array from a nested Java array, one innermost row after another. */
    private static NpyArray ofNested(DType dtype, Object nested, int rank) {
        Shape dims = Shape.of(Nested.shape(Objects.requireNonNull(nested, "rows"), rank));
        ByteBuffer b = allocate(dims.byteSize(dtype.itemSize()), dtype);
        try {
            Nested.forEachRow(nested, rank, row -> put(b, dtype, row, 0, Array.getLength(row)));
        } catch (java.io.IOException e) {
            throw new AssertionError("rows in memory cannot fail", e);
        }
        return new NpyArray(dtype, dims, false, b.clear());
    }

    private static ByteBuffer allocate(long bytes, DType dtype) {
        if (bytes > NpyLimits.MAX_IN_MEMORY_BYTES) {
            throw new NpyShapeException(bytes + " bytes exceed what one in-memory array can hold");
        }
        return ByteBuffer.allocate((int) bytes).order(dtype.byteOrder());
    }

    /** Encodes values of the dtype's Java type. */
    private static void put(ByteBuffer b, DType dtype, Object data, int off, int len) {
        if (data instanceof boolean[] a) {
            Codec.put(b, a, off, len);
        } else if (data instanceof byte[] a) {
            Codec.put(b, a, off, len);
        } else if (data instanceof short[] a) {
            Codec.put(b, a, off, len);
        } else if (data instanceof int[] a) {
            Codec.put(b, a, off, len);
        } else if (data instanceof long[] a) {
            Codec.put(b, a, off, len);
        } else if (data instanceof float[] a) {
            Codec.put(b, dtype.isFloat16(), a, off, len);
        } else if (data instanceof double[] a) {
            Codec.put(b, a, off, len);
        } else {
            Codec.put(b, dtype, (String[]) data, off, len);
        }
    }

    // ---------------------------------------------------------------- records

    /**
     * Starts a C-order structured array of a shape, whose fields follow in the order they are
     * added, packed as {@code numpy.dtype([(name, column.dtype, subshape), ...])} lays them out:
     * <pre>{@code
     * NpyArray points = NpyArray.records(3)
     *         .field("id", NpyArray.of(new int[] {1, 2, 3}))
     *         .field("xyz", NpyArray.of(new float[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}}))  // sub-array (3,)
     *         .build();
     * }</pre>
     *
     * @param shape the records' dimensions; none for a 0-d record
     * @return a builder
     */
    public static RecordsBuilder records(long... shape) {
        return new RecordsBuilder(Shape.of(shape));
    }

    /**
     * Builds a structured array column by column, in the order given. Each column's shape is the
     * records' shape followed by the field's sub-array shape.
     */
    public static final class RecordsBuilder {
        private final Shape shape;
        private final DType.RecordBuilder type = DType.record();
        private final Map<String, NpyArray> columns = new LinkedHashMap<>();

        private RecordsBuilder(Shape shape) {
            this.shape = shape;
        }

        /**
         * Adds a field after the previous ones.
         *
         * @param name the field's name, unique within the record
         * @param values its values: the records' shape, then the sub-array shape if any
         * @return this builder
         * @throws NpyShapeException if the values' shape does not start with the records' shape
         * @throws IllegalArgumentException if the name is taken
         */
        public RecordsBuilder field(String name, NpyArray values) {
            long[] dims = values.shape();
            long[] outer = shape.dims();
            if (dims.length < outer.length || !Arrays.equals(Arrays.copyOf(dims, outer.length), outer)) {
                throw new NpyShapeException("field '" + name + "' has shape " + Shape.repr(dims)
                        + ", which does not start with the records' shape " + shape.repr());
            }
            type.field(name, values.dtype(), Arrays.copyOfRange(dims, outer.length, dims.length));
            columns.put(name, values);
            return this;
        }

        /**
         * The structured array.
         *
         * @return a C-order array of the records' shape; padding bytes are zero
         * @throws IllegalArgumentException if no field was added
         */
        public NpyArray build() {
            DType recordType = type.build();
            return new NpyArray(recordType, shape, false, Records.assemble(recordType, shape, columns));
        }
    }

    /**
     * A C-order structured array from one array of values per field.
     *
     * @param recordType a structured dtype, see {@link DType#record()}
     * @param shape the record array's dimensions; {@code []} for 0-d
     * @param columns per field name (or title), its values in any layout: the record shape followed
     *     by the field's sub-array shape, of the field's dtype (a different byte order is converted)
     * @return the array; padding bytes are zero
     * @throws NpyTypeException if the dtype is not structured or a column's dtype is not its field's
     * @throws NpyShapeException if a field has no column, a column no field, or a column's element
     *     count does not match its field
     */
    public static NpyArray ofRecords(DType recordType, long[] shape, Map<String, NpyArray> columns) {
        if (recordType.kind() != Kind.RECORD) {
            throw new NpyTypeException("ofRecords needs a structured dtype, not " + recordType);
        }
        Shape dims = Shape.of(shape);
        return new NpyArray(recordType, dims, false, Records.assemble(recordType, dims, columns));
    }

    /**
     * A C-order structured array with one scalar field per column, packed in the map's iteration
     * order; pass a {@link LinkedHashMap} (not {@code Map.of}, whose order is unspecified), or use
     * {@link #records(long...)}.
     *
     * @param columns per field name, its values; all of one shape, which the records take
     * @return the array
     * @throws NpyShapeException if there are no columns or their shapes differ
     */
    public static NpyArray ofRecords(Map<String, NpyArray> columns) {
        if (columns.isEmpty()) {
            throw new NpyShapeException("ofRecords needs at least one column");
        }
        long[] recordShape = columns.values().iterator().next().shape();
        RecordsBuilder builder = records(recordShape);
        for (Map.Entry<String, NpyArray> e : columns.entrySet()) {
            if (!Arrays.equals(recordShape, e.getValue().shape())) {
                throw new NpyShapeException("column '" + e.getKey() + "' has shape "
                        + Shape.repr(e.getValue().shape()) + ", others " + Shape.repr(recordShape));
            }
            builder.field(e.getKey(), e.getValue());
        }
        return builder.build();
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
        return shape.dims();
    }

    /**
     * The number of dimensions.
     *
     * @return the length of the shape; 0 for a 0-d array
     */
    public int ndim() {
        return shape.ndim();
    }

    /**
     * Whether the data is stored in Fortran (column-major) order. Accessors give C order either way.
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
        return shape.elementCount();
    }

    /**
     * The header {@code numpy.save} writes for this array.
     *
     * @return the header, with the version and data offset numpy would choose
     */
    public NpyHeader header() {
        return NpyHeader.of(dtype, fortranOrder, shape.dims());
    }

    /**
     * The element bytes exactly as stored: the dtype's byte order, the array's layout
     * ({@link #fortranOrder()}); for a dtype that holds objects, the pickle that stores them.
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

    // ---------------------------------------------------------------- layout and conversions

    /**
     * This array in C order.
     *
     * @return this array if it is in C order, else a transposed copy with the same values
     */
    public NpyArray toCOrder() {
        if (!fortranOrder) {
            return this;
        }
        if (objects != null) {
            // The pickle lists the elements in C order whatever the header says.
            return new NpyArray(dtype, shape, false, bytes, objects);
        }
        return new NpyArray(dtype, shape, false, Codec.transpose(bytes, shape.dims(), dtype.itemSize(), true));
    }

    /**
     * This array in Fortran order.
     *
     * @return this array if it is in Fortran order (or the layouts do not differ), else a
     *     transposed copy with the same values
     */
    public NpyArray toFortranOrder() {
        if (fortranOrder || !shape.layoutsDiffer()) {
            return this;
        }
        if (objects != null) {
            return new NpyArray(dtype, shape, true, bytes, objects);
        }
        return new NpyArray(dtype, shape, true, Codec.transpose(bytes, shape.dims(), dtype.itemSize(), false));
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
        refuseObjects("withByteOrder");
        ByteBuffer copy;
        if (dtype.kind() == Kind.RECORD) {
            copy = Records.withByteOrder(bytes, dtype, order);
        } else {
            copy = ByteBuffer.allocate(bytes.capacity());
            Codec.copySwapped(bytes.duplicate(), dtype.byteOrder(), copy, order, dtype.scalarSize());
        }
        return new NpyArray(target, shape, fortranOrder, copy.clear());
    }

    /**
     * The same elements under another shape, taken and laid out in C order as numpy's
     * {@code reshape} does.
     *
     * @param newShape the dimensions; none for a 0-d array
     * @return a C-order array sharing nothing mutable with this one
     * @throws NpyShapeException if the element counts differ
     */
    public NpyArray reshape(long... newShape) {
        refuseObjects("reshape");
        Shape dims = Shape.of(newShape);
        if (dims.elementCount() != elementCount()) {
            throw new NpyShapeException("cannot reshape " + elementCount() + " elements into shape " + dims.repr());
        }
        return new NpyArray(dtype, dims, false, toCOrder().bytes);
    }

    /**
     * The values converted to another dtype with numpy's {@code astype} rules, for the conversions
     * that may change values: float64 to float32 (round to nearest), int64 to int32 (wrapping, or
     * checked), floats to integers (truncating toward zero), integers to floats, bool to and from
     * numbers (anything nonzero, NaN included, is true), complex to real (the real part),
     * datetimes and timedeltas to and from their integer ticks. Casting to the dtype the array
     * already has (in any byte order) copies it.
     *
     * @param target the dtype wanted, in any byte order
     * @param casting {@link Casting#UNSAFE} for numpy's results, {@link Casting#CHECKED} to refuse
     *     values outside the target's range
     * @return a C-order array of the target dtype and this array's shape
     * @throws NpyTypeException if numpy would not cast between these dtypes (strings, records,
     *     objects, long doubles, datetimes of different units)
     * @throws ArithmeticException with {@link Casting#CHECKED}, for the first value that does not fit
     */
    public NpyArray astype(DType target, Casting casting) {
        Objects.requireNonNull(casting, "casting");
        ByteBuffer converted;
        try {
            converted = Casts.cast(cBytes(), dtype, target, (int) elementCount(), casting == Casting.CHECKED);
        } catch (NpyTypeException e) {
            throw new NpyTypeException(e.getMessage() + " (array of shape " + shape.repr() + ")");
        }
        return new NpyArray(target, shape, false, converted);
    }

    /**
     * The values of one field of a structured array: {@code array['x']} in numpy. The result has
     * the field's dtype and this array's shape, followed by the field's sub-array shape; it is a
     * copy, so every typed accessor works on it.
     *
     * @param name the field's name or title; nested fields are reached by calling this again
     * @return the field's values
     * @throws NpyTypeException if this array is not structured or has no such field
     */
    public NpyArray field(String name) {
        if (dtype.kind() != Kind.RECORD) {
            throw new NpyTypeException("field(\"" + name + "\") needs a structured array; this one holds dtype "
                    + dtype.descr() + " with shape " + shape.repr());
        }
        refuseObjects("field");
        DType.Field f = dtype.field(name).orElseThrow(() -> new NpyTypeException("no field '" + name
                + "' in dtype " + dtype.descr() + " (shape " + shape.repr() + ")"));
        // A sub-array field follows its record in C order, so the records must be in C order first.
        boolean keepLayout = f.shape().length == 0;
        ByteBuffer records = keepLayout ? bytes.duplicate() : cBytes();
        ByteBuffer values = Records.field(records, dtype, f, elementCount());
        return new NpyArray(f.dtype(), shape.append(f.shape()), keepLayout && fortranOrder, values);
    }

    // ---------------------------------------------------------------- exact accessors

    /**
     * The elements of a {@code |b1} array.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public boolean[] asBooleanArray() {
        boolean[] out = new boolean[values(JavaType.BOOLEAN, "asBooleanArray()")];
        Codec.get(cBytes(), out, 0, out.length);
        return out;
    }

    /**
     * The bytes of an {@code |i1}, {@code |u1} (raw bits) or {@code |b1} (0 or 1) array.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public byte[] asByteArray() {
        byte[] out = new byte[values(JavaType.BYTE, "asByteArray()")];
        Codec.get(cBytes(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code i2} or {@code u2} (raw bits) array.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public short[] asShortArray() {
        short[] out = new short[values(JavaType.SHORT, "asShortArray()")];
        Codec.get(cBytes(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code i4} or {@code u4} (raw bits) array.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public int[] asIntArray() {
        int[] out = new int[values(JavaType.INT, "asIntArray()")];
        Codec.get(cBytes(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code i8}, {@code u8} (raw bits), {@code M8} or {@code m8} (ticks) array.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public long[] asLongArray() {
        long[] out = new long[values(JavaType.LONG, "asLongArray()")];
        Codec.get(cBytes(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code f4} or {@code f2} array, or the interleaved parts of a {@code c8} array.
     *
     * @return a new array, in C order (twice the element count for complex)
     * @throws NpyTypeException for any other dtype
     */
    public float[] asFloatArray() {
        float[] out = new float[values(JavaType.FLOAT, "asFloatArray()")];
        Codec.get(cBytes(), dtype.isFloat16(), out, 0, out.length);
        return out;
    }

    /**
     * The values of an {@code f8} array, or the interleaved parts of a {@code c16} array.
     *
     * @return a new array, in C order (twice the element count for complex)
     * @throws NpyTypeException for any other dtype
     */
    public double[] asDoubleArray() {
        double[] out = new double[values(JavaType.DOUBLE, "asDoubleArray()")];
        Codec.get(cBytes(), out, 0, out.length);
        return out;
    }

    /**
     * The strings of an {@code S} or {@code U} array, trailing NULs stripped as numpy does.
     * {@code S} bytes come back as the latin-1 characters of the same values, so no byte is lost.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public String[] asStringArray() throws NpyFormatException {
        String[] out = new String[values(JavaType.STRING, "asStringArray()")];
        Codec.get(cBytes(), dtype, out, 0, out.length);
        return out;
    }

    /**
     * The elements as a Java array of the given type: a flat one ({@code float[].class}) in C
     * order, or a nested one of the array's rank ({@code float[][].class} for a 2-D array), whose
     * rows follow the first axes. The exact accessors' rules say which type holds which dtype;
     * complex values come interleaved along the last axis.
     *
     * @param <A> the array type
     * @param arrayType {@code boolean}, {@code byte}, {@code short}, {@code int}, {@code long},
     *     {@code float}, {@code double} or {@code String} arrays, flat or nested
     * @return a new array
     * @throws NpyTypeException if the type cannot hold the dtype without loss, or is no such array
     * @throws NpyShapeException if a nested type's rank is not the array's
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public <A> A as(Class<A> arrayType) throws NpyFormatException {
        int rank = Nested.rank(arrayType);
        if (rank == 0) {
            throw new NpyTypeException("as() needs an array type such as float[].class, not " + arrayType.getName());
        }
        Class<?> leaf = Nested.leaf(arrayType);
        JavaType type;
        try {
            type = JavaType.of(leaf);
        } catch (IllegalArgumentException e) {
            throw new NpyTypeException(e.getMessage());
        }
        String what = "as(" + arrayType.getSimpleName() + ")";
        values(type, what);
        if (rank == 1) {
            return arrayType.cast(type.extract(this));
        }
        if (rank != shape.ndim()) {
            throw new NpyShapeException(what + " needs an array of " + rank + " dimensions; this one has shape "
                    + shape.repr());
        }
        int perElement = JavaType.valuesPerElement(dtype);
        int[] dims = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            dims[axis] = Math.toIntExact(shape.dim(axis) * (axis == rank - 1 ? perElement : 1));
        }
        Object nested = Nested.create(leaf, dims);
        ByteBuffer source = cBytes();
        try {
            Nested.forEachRow(nested, rank, row -> type.decode(source, dtype, row, Array.getLength(row)));
        } catch (NpyFormatException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new AssertionError("rows in memory cannot fail", e);
        }
        return arrayType.cast(nested);
    }

    /**
     * The elements of an object array ({@code |O}, read with {@link NpyLimits#withObjectArrays}),
     * in C order, as plain Java values decoded without running anything: {@code null} (None),
     * {@link Boolean}, {@link Long} or {@link java.math.BigInteger} (int), {@link Double} (float),
     * {@link String} (str), {@code byte[]} (bytes), unmodifiable {@link List} (list; a tuple is an
     * {@link org.npyfile.python.PyTuple}, also a list), unmodifiable {@link Map} (dict, in insertion
     * order), {@link NpyArray} (a nested ndarray or numpy scalar, a 0-d array), {@link DType} (a
     * numpy dtype), and for the rest of Python's data types the records of {@link org.npyfile.python}
     * or their Java equivalents ({@link BigDecimal} for Decimal, {@code java.time} types
     * for datetime). An instance of any other class is an inert
     * {@link org.npyfile.python.PyInstance}: its class's name and its pickled state. For a structured
     * dtype with object fields, each element is a {@link org.npyfile.python.PyTuple} of field values.
     *
     * @return a new array of the elements; the values themselves are immutable
     * @throws NpyTypeException if the dtype holds no objects
     */
    public Object[] asObjectArray() {
        if (objects == null) {
            throw new NpyTypeException("asObjectArray() needs an object array; this one holds dtype " + dtype.descr()
                    + " (shape " + shape.repr() + ")");
        }
        return objects.toArray();
    }

    /**
     * The exact values of a float or complex array as decimals, long doubles ({@code f16},
     * {@code c32}) in the x87 extended format numpy on x86-64 writes; complex values come as
     * interleaved real and imaginary parts.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for a dtype that is no float or complex
     * @throws ArithmeticException for NaN or an infinity, which a decimal cannot hold
     */
    public BigDecimal[] asBigDecimalArray() {
        return asBigDecimalArray(LongDoubleFormat.X87_EXTENDED);
    }

    /**
     * The exact values of a float or complex array as decimals, long doubles in the given format.
     *
     * @param format how the file's long doubles are laid out (the header cannot tell)
     * @return a new array, in C order (interleaved parts for complex)
     * @throws NpyTypeException for a dtype that is no float or complex
     * @throws ArithmeticException for NaN or an infinity, naming the value's index
     */
    public BigDecimal[] asBigDecimalArray(LongDoubleFormat format) {
        if (dtype.kind() != Kind.FLOAT && dtype.kind() != Kind.COMPLEX) {
            throw JavaType.mismatch("asBigDecimalArray()", dtype, shape.dims());
        }
        int scalar = dtype.scalarSize();
        ByteBuffer c = cBytes();
        BigDecimal[] out = new BigDecimal[Math.toIntExact(c.remaining() / scalar)];
        for (int i = 0; i < out.length; i++) {
            int at = i * scalar;
            try {
                out[i] = switch (scalar) {
                    case 2 -> new BigDecimal(Float16.toFloat(c.getShort(at)));
                    case 4 -> new BigDecimal(c.getFloat(at));
                    case 8 -> new BigDecimal(c.getDouble(at));
                    default -> LongDoubles.toBigDecimal(c, at, dtype.byteOrder(), internal(format));
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ArithmeticException("value " + i + " of dtype " + dtype.descr()
                        + " is NaN or infinite, which a decimal cannot hold");
            }
        }
        return out;
    }

    private void refuseObjects(String what) {
        if (objects != null) {
            throw new NpyTypeException(what + "() is not available for dtype " + dtype.descr()
                    + ", which holds Python objects; read them with asObjectArray()");
        }
    }

    /** Checks the type and gives the number of Java values the array's elements take. */
    private int values(JavaType type, String what) {
        type.check(what, dtype, shape.dims());
        int per = JavaType.valuesPerElement(dtype);
        long count = elementCount();
        // Zero-size items (S0, U0) let a file of no data bytes declare any number of elements.
        if (per > 0 && count > (Integer.MAX_VALUE - 8) / per) {
            throw new NpyShapeException(what + ": " + count + " elements of " + dtype.descr() + " (shape "
                    + shape.repr() + ") do not fit in one Java array; read them in chunks with NpyReader");
        }
        int n = (int) (count * per);
        if (dtype.itemSize() == 0) {
            try {
                Heap.require((long) n * Integer.BYTES, what + ": " + n + " values");
            } catch (NpyLimitException e) {
                throw new NpyShapeException(e.getMessage());
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- elements

    /**
     * One element of a {@code |b1} array: {@code a[i, j, ...]} in numpy.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public boolean getBoolean(long... index) {
        return element(JavaType.BOOLEAN, "getBoolean", index).get() != 0;
    }

    /**
     * One element of an {@code |i1}, {@code |u1} (raw bits) or {@code |b1} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public byte getByte(long... index) {
        return element(JavaType.BYTE, "getByte", index).get();
    }

    /**
     * One element of an {@code i2} or {@code u2} (raw bits) array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public short getShort(long... index) {
        return element(JavaType.SHORT, "getShort", index).getShort();
    }

    /**
     * One element of an {@code i4} or {@code u4} (raw bits) array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public int getInt(long... index) {
        return element(JavaType.INT, "getInt", index).getInt();
    }

    /**
     * One element of an {@code i8}, {@code u8} (raw bits), {@code M8} or {@code m8} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public long getLong(long... index) {
        return element(JavaType.LONG, "getLong", index).getLong();
    }

    /**
     * One element of an {@code f4} or {@code f2} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype (complex included: read its parts with
     *     {@link #asFloatArray()})
     * @throws NpyShapeException if the index does not address an element
     */
    public float getFloat(long... index) {
        ByteBuffer e = element(JavaType.FLOAT, "getFloat", index);
        return dtype.isFloat16() ? Float16.toFloat(e.getShort()) : e.getFloat();
    }

    /**
     * One element of an {@code f8} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public double getDouble(long... index) {
        return element(JavaType.DOUBLE, "getDouble", index).getDouble();
    }

    /**
     * One element of an {@code S} or {@code U} array, trailing NULs stripped.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the element
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public String getString(long... index) throws NpyFormatException {
        String[] one = new String[1];
        Codec.get(element(JavaType.STRING, "getString", index), dtype, one, 0, 1);
        return one[0];
    }

    /** The bytes of one element, positioned at it; complex arrays have no scalar element accessor. */
    private ByteBuffer element(JavaType type, String what, long[] index) {
        type.check(what, dtype, shape.dims());
        if (dtype.kind() == Kind.COMPLEX) {
            throw new NpyTypeException(what + " reads one real value; dtype " + dtype.descr()
                    + " is complex: read its parts with as" + (type == JavaType.FLOAT ? "Float" : "Double") + "Array()");
        }
        long position = storedPosition(shape, fortranOrder, index);
        return bytes.duplicate().order(dtype.byteOrder()).position(Math.toIntExact(position * dtype.itemSize()));
    }

    /**
     * Where an element is stored: an N-D index (one per dimension) or a flat C-order index (one
     * number), mapped to the stored layout.
     */
    static long storedPosition(Shape shape, boolean fortranOrder, long[] index) {
        try {
            if (index.length == 1 && shape.ndim() != 1) {
                long flat = index[0];
                if (flat < 0 || flat >= shape.elementCount()) {
                    throw new NpyShapeException("flat index " + flat + " is out of bounds for shape " + shape.repr()
                            + " (" + shape.elementCount() + " elements)");
                }
                return fortranOrder ? shape.fortranPositionOf(flat) : flat;
            }
            return fortranOrder ? shape.fortranOffset(index) : shape.cOffset(index);
        } catch (IndexOutOfBoundsException e) {
            throw new NpyShapeException(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- widening accessors

    /**
     * The values of an {@code i1}, {@code u1} (0..255) or {@code i2} array, widened.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public short[] toShortArray() {
        if (dtype.kind() == Kind.INT && dtype.itemSize() == 2) {
            return asShortArray();
        }
        long[] wide = widen("toShortArray()", 1, 1);
        short[] out = new short[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = (short) wide[i];
        }
        return out;
    }

    /**
     * The values of any integer array of up to 32 bits except {@code u4}, widened
     * ({@code u2} gives 0..65535).
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public int[] toIntArray() {
        if (dtype.kind() == Kind.INT && dtype.itemSize() == 4) {
            return asIntArray();
        }
        long[] wide = widen("toIntArray()", 2, 2);
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
     * @return a new array, in C order
     * @throws NpyTypeException for {@code u8} (use {@link #asLongArray()} for its raw bits) and
     *     non-integer dtypes
     */
    public long[] toLongArray() {
        if (dtype.kind() == Kind.INT && dtype.itemSize() == 8 || dtype.kind() == Kind.DATETIME
                || dtype.kind() == Kind.TIMEDELTA) {
            return asLongArray();
        }
        return widen("toLongArray()", 4, 4);
    }

    /**
     * The values of an {@code f2} or {@code f4} array, or of an integer array of up to 16 bits,
     * all of which a float holds exactly.
     *
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public float[] toFloatArray() {
        if (dtype.kind() == Kind.FLOAT && dtype.itemSize() <= 4) {
            return asFloatArray();
        }
        long[] wide = widen("toFloatArray()", 2, 2);
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
     * @return a new array, in C order
     * @throws NpyTypeException for any other dtype
     */
    public double[] toDoubleArray() {
        if (dtype.kind() == Kind.FLOAT && dtype.itemSize() <= 8) {
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
        long[] wide = widen("toDoubleArray()", 4, 4);
        double[] out = new double[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = wide[i];
        }
        return out;
    }

    /**
     * Integers of up to {@code maxSigned} (signed) or {@code maxUnsigned} (unsigned) bytes as exact
     * long values, which every narrower Java type then holds; anything else is refused for {@code what}.
     */
    private long[] widen(String what, int maxSigned, int maxUnsigned) {
        boolean fits = dtype.kind() == Kind.INT && dtype.itemSize() <= maxSigned
                || dtype.kind() == Kind.UINT && dtype.itemSize() <= maxUnsigned;
        if (!fits) {
            throw JavaType.mismatch(what, dtype, shape.dims());
        }
        return astype(DType.INT64, Casting.UNSAFE).asLongArray();
    }

    /** The elements' bytes in C order: the stored ones, or a transposed copy. */
    private ByteBuffer cBytes() {
        ByteBuffer c = fortranOrder ? Codec.transpose(bytes, shape.dims(), dtype.itemSize(), true) : bytes.duplicate();
        return c.order(dtype.byteOrder());
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
        return o instanceof NpyArray a && a.dtype.equals(dtype) && a.shape.equals(shape)
                && a.fortranOrder == fortranOrder && a.bytes.equals(bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, shape, fortranOrder, bytes);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + ", shape " + shape.repr() + ", " + (fortranOrder ? "Fortran" : "C")
                + " order]";
    }
}
