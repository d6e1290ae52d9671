package org.npyfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.npyfile.internal.Codec;
import org.npyfile.internal.Float16;
import org.npyfile.internal.HeaderReader;
import org.npyfile.internal.Mapping;
import org.npyfile.internal.Source;

/**
 * A read-only memory-mapped {@code .npy} array of any size: long-indexed element access and bulk
 * copies of ranges into Java arrays, straight from the page cache, with nothing read up front.
 * Files over 2 GiB and arrays of more than 2<sup>31</sup> elements work.
 *
 * <p>Indexes count elements in file order (Fortran order for a Fortran-order file), except for
 * complex dtypes, where they count the interleaved real and imaginary values (two per element).
 * Each accessor follows the exactness rules of {@link NpyArray}'s {@code asXxxArray()}: it
 * throws {@link NpyTypeException} for a dtype it cannot carry without loss.
 *
 * <p>{@link #close()} unmaps the file at once. Reads may run on several threads at a time, but
 * never while {@code close()} runs: on Java 17 reading unmapped memory can crash the JVM, so a
 * closed mapping refuses reads with {@link IllegalStateException}, and the caller must not close
 * a mapping that other threads are still reading.
 */
public final class MappedNpyArray implements AutoCloseable {

    private final NpyHeader header;
    private final Mapping mapping;
    private final long count;
    private final int itemSize;
    private final boolean half;

    private MappedNpyArray(NpyHeader header, Mapping mapping) {
        this.header = header;
        this.mapping = mapping;
        this.count = header.elementCount();
        this.itemSize = header.dtype().itemSize();
        this.half = header.dtype().kind() == DType.Kind.FLOAT && itemSize == 2;
    }

    /**
     * Maps a {@code .npy} file.
     *
     * @param path the file
     * @param limits the bounds for the header (the array itself is never copied into memory)
     * @return the mapped array
     * @throws NpyException if the header is malformed or the file cannot hold the data
     * @throws IOException if the file cannot be read or mapped
     */
    public static MappedNpyArray map(Path path, NpyLimits limits) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return map(channel, 0, channel.size(), limits);
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
     * @throws IOException if the file cannot be read or mapped
     */
    public static MappedNpyArray map(FileChannel channel, long position, long size, NpyLimits limits)
            throws IOException {
        Objects.requireNonNull(limits, "limits");
        if (position < 0 || size < 0 || position > channel.size() || size > channel.size() - position) {
            throw new IllegalArgumentException("region " + position + "+" + size + " is outside the file of "
                    + channel.size() + " bytes");
        }
        NpyHeader header = HeaderReader.read(Source.sized(new Region(channel, position), false, size), limits);
        long available = size - header.dataOffset();
        if (available < header.dataBytes()) {
            throw NpyReader.shortData(header, header.dataOffset(), available);
        }
        Mapping mapping = Mapping.map(channel, position + header.dataOffset(), header.dataBytes(),
                header.dtype().itemSize(), header.dtype().byteOrder());
        return new MappedNpyArray(header, mapping);
    }

    /**
     * Positional reads of a file from a start, leaving the file's own position alone, so that
     * several threads may map entries of one shared channel.
     */
    private static final class Region implements java.nio.channels.ReadableByteChannel {
        private final FileChannel file;
        private long position;

        Region(FileChannel file, long position) {
            this.file = file;
            this.position = position;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = file.read(dst, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() {
            // The caller owns the file.
        }
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

    private long offset(JavaType type, String what, long index, int scalar) throws NpyTypeException {
        type.check(what, header.dtype(), header.shape());
        long values = count * JavaType.valuesPerElement(header.dtype());
        Objects.checkIndex(index, values);
        return index * scalar;
    }

    private long range(JavaType type, String what, long from, int len, int scalar) throws NpyTypeException {
        type.check(what, header.dtype(), header.shape());
        long values = count * JavaType.valuesPerElement(header.dtype());
        Objects.checkFromIndexSize(from, len, values);
        return from * scalar;
    }

    /**
     * One element of a {@code |b1} array.
     *
     * @param index the element index
     * @return its truth
     * @throws NpyTypeException for any other dtype
     */
    public boolean getBoolean(long index) throws NpyTypeException {
        return mapping.getByte(offset(JavaType.BOOLEAN, "getBoolean", index, 1)) != 0;
    }

    /**
     * One element of an {@code i1}, {@code u1} (raw bits) or {@code b1} array.
     *
     * @param index the element index
     * @return the value
     * @throws NpyTypeException for any other dtype
     */
    public byte getByte(long index) throws NpyTypeException {
        return mapping.getByte(offset(JavaType.BYTE, "getByte", index, 1));
    }

    /**
     * One element of an {@code i2} or {@code u2} (raw bits) array.
     *
     * @param index the element index
     * @return the value
     * @throws NpyTypeException for any other dtype
     */
    public short getShort(long index) throws NpyTypeException {
        return mapping.getShort(offset(JavaType.SHORT, "getShort", index, 2));
    }

    /**
     * One element of an {@code i4} or {@code u4} (raw bits) array.
     *
     * @param index the element index
     * @return the value
     * @throws NpyTypeException for any other dtype
     */
    public int getInt(long index) throws NpyTypeException {
        return mapping.getInt(offset(JavaType.INT, "getInt", index, 4));
    }

    /**
     * One element of an {@code i8}, {@code u8} (raw bits), {@code M8} or {@code m8} array.
     *
     * @param index the element index
     * @return the value
     * @throws NpyTypeException for any other dtype
     */
    public long getLong(long index) throws NpyTypeException {
        return mapping.getLong(offset(JavaType.LONG, "getLong", index, 8));
    }

    /**
     * One value of an {@code f4} or {@code f2} array, or one part of a {@code c8} array.
     *
     * @param index the value index (two per complex element)
     * @return the value
     * @throws NpyTypeException for any other dtype
     */
    public float getFloat(long index) throws NpyTypeException {
        if (half) {
            return Float16.toFloat(mapping.getShort(offset(JavaType.FLOAT, "getFloat", index, 2)));
        }
        return mapping.getFloat(offset(JavaType.FLOAT, "getFloat", index, 4));
    }

    /**
     * One value of an {@code f8} array, or one part of a {@code c16} array.
     *
     * @param index the value index (two per complex element)
     * @return the value
     * @throws NpyTypeException for any other dtype
     */
    public double getDouble(long index) throws NpyTypeException {
        return mapping.getDouble(offset(JavaType.DOUBLE, "getDouble", index, 8));
    }

    /**
     * Copies values of an {@code i2} or {@code u2} array.
     *
     * @param from the first value index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     */
    public void get(long from, short[] dst, int off, int len) throws NpyTypeException {
        Objects.checkFromIndexSize(off, len, dst.length);
        mapping.copy(range(JavaType.SHORT, "get(short[])", from, len, 2), dst, off, len);
    }

    /**
     * Copies values of an {@code i4} or {@code u4} array.
     *
     * @param from the first value index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     */
    public void get(long from, int[] dst, int off, int len) throws NpyTypeException {
        Objects.checkFromIndexSize(off, len, dst.length);
        mapping.copy(range(JavaType.INT, "get(int[])", from, len, 4), dst, off, len);
    }

    /**
     * Copies values of an {@code i8}, {@code u8}, {@code M8} or {@code m8} array.
     *
     * @param from the first value index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     */
    public void get(long from, long[] dst, int off, int len) throws NpyTypeException {
        Objects.checkFromIndexSize(off, len, dst.length);
        mapping.copy(range(JavaType.LONG, "get(long[])", from, len, 8), dst, off, len);
    }

    /**
     * Copies values of an {@code f4} or {@code f2} array, or parts of a {@code c8} array.
     *
     * @param from the first value index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     */
    public void get(long from, float[] dst, int off, int len) throws NpyTypeException {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (half) {
            long o = range(JavaType.FLOAT, "get(float[])", from, len, 2);
            for (int i = 0; i < len; i++) {
                dst[off + i] = Float16.toFloat(mapping.getShort(o + 2L * i));
            }
            return;
        }
        mapping.copy(range(JavaType.FLOAT, "get(float[])", from, len, 4), dst, off, len);
    }

    /**
     * Copies values of an {@code f8} array, or parts of a {@code c16} array.
     *
     * @param from the first value index
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     */
    public void get(long from, double[] dst, int off, int len) throws NpyTypeException {
        Objects.checkFromIndexSize(off, len, dst.length);
        mapping.copy(range(JavaType.DOUBLE, "get(double[])", from, len, 8), dst, off, len);
    }

    /**
     * Copies a range of elements of any dtype into memory, as a one-dimensional array.
     *
     * @param from the first element index
     * @param elements how many elements
     * @return the elements, in file order
     */
    public NpyArray slice(long from, int elements) {
        Objects.checkFromIndexSize(from, elements, count);
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(elements, itemSize));
        mapping.copy(from * itemSize, out);
        return new NpyArray(header.dtype(), new long[] {elements}, false, out.flip());
    }

    /**
     * One string of an {@code S} or {@code U} array, trailing NULs stripped.
     *
     * @param index the element index
     * @return the string
     * @throws NpyException for another dtype, or an invalid code point
     */
    public String getString(long index) throws NpyException {
        JavaType.STRING.check("getString", header.dtype(), header.shape());
        String[] one = new String[1];
        ByteBuffer element = slice(index, 1).heapBytes();
        Codec.get(element, header.dtype(), one, 0, 1);
        return one[0];
    }

    /** Unmaps the file now; later reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        mapping.close();
    }

    @Override
    public String toString() {
        return "MappedNpyArray[" + header.dtype().descr() + ", shape " + header.shapeString() + "]";
    }
}
