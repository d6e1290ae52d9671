package org.npyfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.npyfile.internal.Codec;
import org.npyfile.internal.ElementData;
import org.npyfile.internal.Float16;
import org.npyfile.internal.HeaderReader;
import org.npyfile.internal.Mapping;
import org.npyfile.internal.Shape;
import org.npyfile.internal.Source;

/**
 * A read-only memory-mapped {@code .npy} array of any size: long-indexed element access and bulk
 * copies of ranges into Java arrays, straight from the page cache, with nothing read up front.
 * Files over 2 GiB and arrays of more than 2<sup>31</sup> elements work.
 *
 * <p>Indexes are logical, as in numpy, whatever the file's layout: {@code getFloat(i, j)} is
 * {@code a[i, j]}, and a single flat index counts elements in C order (the last index varying
 * fastest), except for complex dtypes, where flat indexes count the interleaved real and
 * imaginary values (two per element). Bulk copies of a C-order file move whole runs; those of a
 * Fortran-order file gather element by element, which is correct but slower. Each accessor
 * follows the exactness rules of {@link NpyArray}'s {@code asXxxArray()}: it throws
 * {@link NpyTypeException} for a dtype it cannot carry without loss, and
 * {@link NpyShapeException} for an index outside the array.
 *
 * <p>{@link #close()} unmaps the file at once. Reads may run on several threads at a time, but
 * never while {@code close()} runs: on Java 17 reading unmapped memory can crash the JVM, so a
 * closed mapping refuses reads with {@link IllegalStateException}, and the caller must not close
 * a mapping that other threads are still reading.
 */
public final class MappedNpyArray implements AutoCloseable {

    private final NpyHeader header;
    private final Shape shape;
    private final boolean fortran;
    private final Mapping mapping;
    private final long count;
    private final int itemSize;
    private final int perElement;
    private final boolean half;

    private MappedNpyArray(NpyHeader header, Mapping mapping) {
        this.header = header;
        this.shape = Shape.of(header.shape());
        this.fortran = header.fortranOrder() && shape.layoutsDiffer();
        this.mapping = mapping;
        this.count = header.elementCount();
        this.itemSize = header.dtype().itemSize();
        this.perElement = JavaType.valuesPerElement(header.dtype());
        this.half = header.dtype().isFloat16();
    }

    /**
     * Maps a file read-only; see {@link Npy#map(Path)}.
     *
     * @param path the file
     * @param limits the bounds for the header
     * @return the mapped array
     * @throws NpyException if the header is malformed or the file cannot hold the data
     * @throws NpyTypeException if the dtype holds Python objects, which numpy pickles
     * @throws IOException if the file cannot be read or mapped
     */
    public static MappedNpyArray map(Path path, NpyLimits limits) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return map(channel, 0, channel.size(), limits);
        } catch (NpyException e) {
            throw e.withFile(path.toString());
        } catch (NpyUsageException e) {
            throw e.withFile(path.toString());
        }
    }

    /**
     * Maps a {@code .npy} stream stored inside a file at a known region, such as a stored
     * {@code .npz} entry. The channel may be closed afterwards; the mapping stays valid.
     *
     * @param channel the file
     * @param position where the {@code .npy} stream starts in the file
     * @param size the stream's length in bytes
     * @param limits the bounds for the header
     * @return the mapped array
     * @throws NpyException if the header is malformed or the region cannot hold the data
     * @throws NpyTypeException if the dtype holds Python objects, which numpy pickles
     * @throws IOException if the file cannot be read or mapped
     */
    public static MappedNpyArray map(FileChannel channel, long position, long size, NpyLimits limits)
            throws IOException {
        Objects.requireNonNull(limits, "limits");
        if (position < 0 || size < 0 || position > channel.size() || size > channel.size() - position) {
            throw new IllegalArgumentException("region " + position + "+" + size + " is outside the file of "
                    + channel.size() + " bytes");
        }
        Source.FileRegion region = Source.region(channel, position, size, false);
        NpyHeader header = HeaderReader.read(region, limits);
        if (header.dtype().hasObjects()) {
            throw new NpyTypeException("an array of dtype " + header.dtype().descr()
                    + " holds Python objects, stored as a pickle: it cannot be memory-mapped");
        }
        Mapping mapping = region.map(header.dataOffset(), header.dataBytes(), header.dtype().itemSize(),
                header.dtype().byteOrder());
        if (mapping == null) {
            long available = region.available(header.dataOffset());
            throw ElementData.shortData(header, header.dataOffset() + available, available);
        }
        return new MappedNpyArray(header, mapping);
    }

    /**
     * The header.
     *
     * @return the header as read from the file
     */
    public NpyHeader header() {
        return header;
    }

    /**
     * The element count; may exceed {@link Integer#MAX_VALUE}.
     *
     * @return the number of elements
     */
    public long elementCount() {
        return count;
    }

    /** The byte offset of a flat C-order value index (two values per complex element). */
    private long offset(JavaType type, String what, long value) {
        type.check(what, header.dtype(), header.shape());
        long values = count * perElement;
        if (value < 0 || value >= values) {
            throw new NpyShapeException(what + ": index " + value + " is outside 0.." + (values - 1) + " (shape "
                    + shape.repr() + (perElement > 1 ? ", two values per complex element" : "") + ")");
        }
        return byteOf(value);
    }

    /** The byte offset of a flat C-order value index, after checks. */
    private long byteOf(long value) {
        long element = value / perElement;
        long stored = fortran ? shape.fortranPositionOf(element) : element;
        return stored * itemSize + (value % perElement) * (itemSize / perElement);
    }

    /** The byte offset of an N-D index (one per dimension), or of a single flat index. */
    private long offset(JavaType type, String what, long[] index) {
        if (index.length == 1) {
            return offset(type, what, index[0]);
        }
        type.check(what, header.dtype(), header.shape());
        if (perElement > 1) {
            throw new NpyTypeException(what + " by N-D index reads one real value; dtype " + header.dtype().descr()
                    + " is complex: use a flat index, which counts real and imaginary parts");
        }
        return NpyArray.storedPosition(shape, fortran, index) * itemSize;
    }

    /** Checks a bulk range of flat value indexes; true if the stored bytes run in that order. */
    private boolean range(JavaType type, String what, long from, int off, int len, int dstLength) {
        type.check(what, header.dtype(), header.shape());
        Objects.checkFromIndexSize(off, len, dstLength);
        long values = count * perElement;
        if (from < 0 || len < 0 || from > values - len) {
            throw new NpyShapeException(what + ": values " + from + ".." + (from + len - 1L) + " are outside 0.."
                    + (values - 1) + " (shape " + shape.repr() + ")");
        }
        return !fortran;
    }

    /**
     * One element by flat index in C order (the fastest call in a loop); see {@link #getBoolean(long...)}.
     *
     * @param index the flat index
     * @return its truth
     * @throws NpyTypeException for a dtype this type cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public boolean getBoolean(long index) {
        return mapping.getByte(offset(JavaType.BOOLEAN, "getBoolean", index)) != 0;
    }

    /**
     * One element of a {@code |b1} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return its truth
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public boolean getBoolean(long... index) {
        return mapping.getByte(offset(JavaType.BOOLEAN, "getBoolean", index)) != 0;
    }

    /**
     * One element by flat index in C order (the fastest call in a loop); see {@link #getByte(long...)}.
     *
     * @param index the flat index
     * @return its value
     * @throws NpyTypeException for a dtype this type cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public byte getByte(long index) {
        return mapping.getByte(offset(JavaType.BYTE, "getByte", index));
    }

    /**
     * One element of an {@code i1}, {@code u1} (raw bits) or {@code b1} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return its value
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public byte getByte(long... index) {
        return mapping.getByte(offset(JavaType.BYTE, "getByte", index));
    }

    /**
     * One element by flat index in C order (the fastest call in a loop); see {@link #getShort(long...)}.
     *
     * @param index the flat index
     * @return its value
     * @throws NpyTypeException for a dtype this type cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public short getShort(long index) {
        return mapping.getShort(offset(JavaType.SHORT, "getShort", index));
    }

    /**
     * One element of an {@code i2} or {@code u2} (raw bits) array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return its value
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public short getShort(long... index) {
        return mapping.getShort(offset(JavaType.SHORT, "getShort", index));
    }

    /**
     * One element by flat index in C order (the fastest call in a loop); see {@link #getInt(long...)}.
     *
     * @param index the flat index
     * @return its value
     * @throws NpyTypeException for a dtype this type cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public int getInt(long index) {
        return mapping.getInt(offset(JavaType.INT, "getInt", index));
    }

    /**
     * One element of an {@code i4} or {@code u4} (raw bits) array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return its value
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public int getInt(long... index) {
        return mapping.getInt(offset(JavaType.INT, "getInt", index));
    }

    /**
     * One element by flat index in C order (the fastest call in a loop); see {@link #getLong(long...)}.
     *
     * @param index the flat index
     * @return its value
     * @throws NpyTypeException for a dtype this type cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public long getLong(long index) {
        return mapping.getLong(offset(JavaType.LONG, "getLong", index));
    }

    /**
     * One element of an {@code i8}, {@code u8} (raw bits), {@code M8} or {@code m8} array.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return its value
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public long getLong(long... index) {
        return mapping.getLong(offset(JavaType.LONG, "getLong", index));
    }

    /**
     * One value by flat index in C order (the fastest call in a loop); see {@link #getFloat(long...)}.
     *
     * @param index the flat index, counting real and imaginary parts for complex
     * @return the value
     * @throws NpyTypeException for a dtype a float cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public float getFloat(long index) {
        long at = offset(JavaType.FLOAT, "getFloat", index);
        return half ? Float16.toFloat(mapping.getShort(at)) : mapping.getFloat(at);
    }

    /**
     * One value of an {@code f4} or {@code f2} array, or one part of a {@code c8} array.
     *
     * @param index one index per dimension, or a single flat index in C order (counting real and
     *     imaginary parts for complex)
     * @return the value
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public float getFloat(long... index) {
        long at = offset(JavaType.FLOAT, "getFloat", index);
        return half ? Float16.toFloat(mapping.getShort(at)) : mapping.getFloat(at);
    }

    /**
     * One element by flat index in C order (the fastest call in a loop); see {@link #getDouble(long...)}.
     *
     * @param index the flat index
     * @return the value
     * @throws NpyTypeException for a dtype this type cannot carry
     * @throws NpyShapeException if the index is outside the array
     */
    public double getDouble(long index) {
        return mapping.getDouble(offset(JavaType.DOUBLE, "getDouble", index));
    }

    /**
     * One value of an {@code f8} array, or one part of a {@code c16} array.
     *
     * @param index one index per dimension, or a single flat index in C order (counting real and
     *     imaginary parts for complex)
     * @return the value
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     */
    public double getDouble(long... index) {
        return mapping.getDouble(offset(JavaType.DOUBLE, "getDouble", index));
    }

    /**
     * Copies values of an {@code i2} or {@code u2} array, in C order.
     *
     * @param from the first flat index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the range is outside the array
     */
    public void get(long from, short[] dst, int off, int len) {
        if (range(JavaType.SHORT, "get(short[])", from, off, len, dst.length)) {
            mapping.copy(from * 2, dst, off, len);
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = mapping.getShort(byteOf(from + i));
            }
        }
    }

    /**
     * Copies values of an {@code i4} or {@code u4} array, in C order.
     *
     * @param from the first flat index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the range is outside the array
     */
    public void get(long from, int[] dst, int off, int len) {
        if (range(JavaType.INT, "get(int[])", from, off, len, dst.length)) {
            mapping.copy(from * 4, dst, off, len);
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = mapping.getInt(byteOf(from + i));
            }
        }
    }

    /**
     * Copies values of an {@code i8}, {@code u8}, {@code M8} or {@code m8} array, in C order.
     *
     * @param from the first flat index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the range is outside the array
     */
    public void get(long from, long[] dst, int off, int len) {
        if (range(JavaType.LONG, "get(long[])", from, off, len, dst.length)) {
            mapping.copy(from * 8, dst, off, len);
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = mapping.getLong(byteOf(from + i));
            }
        }
    }

    /**
     * Copies values of an {@code f4} or {@code f2} array, or parts of a {@code c8} array, in C order.
     *
     * @param from the first flat index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the range is outside the array
     */
    public void get(long from, float[] dst, int off, int len) {
        boolean contiguous = range(JavaType.FLOAT, "get(float[])", from, off, len, dst.length);
        if (contiguous && !half) {
            mapping.copy(from * 4, dst, off, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            long at = byteOf(from + i);
            dst[off + i] = half ? Float16.toFloat(mapping.getShort(at)) : mapping.getFloat(at);
        }
    }

    /**
     * Copies values of an {@code f8} array, or parts of a {@code c16} array, in C order.
     *
     * @param from the first flat index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the range is outside the array
     */
    public void get(long from, double[] dst, int off, int len) {
        if (range(JavaType.DOUBLE, "get(double[])", from, off, len, dst.length)) {
            mapping.copy(from * 8, dst, off, len);
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = mapping.getDouble(byteOf(from + i));
            }
        }
    }

    /**
     * Copies a range of elements, in C order, into a one-dimensional in-memory array of any dtype.
     *
     * @param from the first element, a flat C-order index
     * @param elements how many
     * @return a one-dimensional C-order array of the file's dtype
     * @throws NpyShapeException if the range is outside the array
     */
    public NpyArray slice(long from, int elements) {
        if (from < 0 || elements < 0 || from > count - elements) {
            throw new NpyShapeException("elements " + from + ".." + (from + elements - 1L) + " are outside 0.."
                    + (count - 1) + " (shape " + shape.repr() + ")");
        }
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(elements, itemSize));
        if (!fortran) {
            mapping.copy(from * itemSize, out);
        } else {
            for (int i = 0; i < elements; i++) {
                mapping.copy(shape.fortranPositionOf(from + i) * itemSize, out.slice(i * itemSize, itemSize));
            }
        }
        return new NpyArray(header.dtype(), new long[] {elements}, false, out.clear());
    }

    /**
     * One element by flat index in C order; see {@link #getString(long...)}.
     *
     * @param index the flat index
     * @return the string
     * @throws NpyTypeException for any other dtype than {@code S} and {@code U}
     * @throws NpyShapeException if the index is outside the array
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public String getString(long index) throws NpyFormatException {
        return getString(new long[] {index});
    }

    /**
     * One element of an {@code S} or {@code U} array, trailing NULs stripped.
     *
     * @param index one index per dimension, or a single flat index in C order
     * @return the string
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if the index does not address an element
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public String getString(long... index) throws NpyFormatException {
        long at = offset(JavaType.STRING, "getString", index);
        ByteBuffer element = ByteBuffer.allocate(itemSize).order(header.dtype().byteOrder());
        mapping.copy(at, element);
        String[] one = new String[1];
        Codec.get(element.flip(), header.dtype(), one, 0, 1);
        return one[0];
    }

    /** Unmaps the file now; later reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        mapping.close();
    }

    @Override
    public String toString() {
        return "MappedNpyArray[" + header.dtype().descr() + ", shape " + header.shapeString()
                + (fortran ? ", Fortran order" : "") + "]";
    }
}
