package org.npyfile;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.npyfile.internal.Codec;
import org.npyfile.internal.ElementData;
import org.npyfile.internal.FileToArray;
import org.npyfile.internal.HeaderReader;
import org.npyfile.internal.Heap;
import org.npyfile.internal.HeapData;
import org.npyfile.internal.Nested;
import org.npyfile.internal.Shape;
import org.npyfile.internal.Source;

/**
 * Reads a {@code .npy} stream chunk by chunk, so that arrays larger than memory can be processed
 * with bounded memory: the header first, then the elements into caller arrays or as
 * {@link NpyArray} chunks.
 *
 * <p>Elements come in C order (numpy's logical order, the last index varying fastest) whatever the
 * file's layout. For a Fortran-order file that means reading the whole array into memory once
 * (within {@link NpyLimits#maxArrayBytes()}) on the first read; {@link #storedOrder()} streams such a
 * file in the order it is stored instead, with bounded memory.
 *
 * <p>Reads into caller arrays ({@link #read(float[], int, int)} and friends) allocate nothing
 * per call and are the fastest way to consume data. A truncated stream is reported as an
 * {@link NpyFormatException} that names the expected and the found element counts; it never yields
 * zeros or a short array silently. The reader reads no byte past the array's data, so an
 * {@link InputStream} holding several arrays one after another stays positioned at the next one.
 * Failures concerning a file name it ({@link NpyException#file()}).
 *
 * <p>Not thread-safe. Closing the reader closes the source it was opened on.
 */
public final class NpyReader implements AutoCloseable {

    /**
     * The most a read from a stream of unknown length allocates on the header's word alone;
     * larger arrays grow with the bytes that arrive, so a lying header costs little.
     */
    private static final int UNVOUCHED_ALLOCATION = 1 << 20;

    private final Source source;
    private final NpyHeader header;
    private final NpyLimits limits;
    /** The name errors give the input: the path, or what {@link #named(String)} said; may be null. */
    private String file;
    private final int itemSize;
    private final long count;
    /** Element index of the next element to hand out, in the order elements are handed out. */
    private long next;
    /** Where the data comes from; replaced by a transposed copy for C-order reads of a Fortran file. */
    private ElementData data;
    /** Whether {@link #data} hands out elements in C order (or the layouts do not differ). */
    private boolean cOrder;
    /** Whether the caller asked for the stored order. */
    private boolean stored;

    private NpyReader(Source source, NpyLimits limits, String file) throws IOException {
        this.source = source;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.file = file;
        try {
            this.header = HeaderReader.read(source, limits);
            this.itemSize = header.dtype().itemSize();
            this.count = header.elementCount();
            this.cOrder = !header.fortranOrder() || !Shape.layoutsDiffer(header.shape());
            if (!header.dtype().hasObjects()) {
                long available = source.size() - header.dataOffset();
                if (source.size() >= 0 && available < header.dataBytes()) {
                    throw ElementData.shortData(header, header.dataOffset(), Math.max(0, available));
                }
                if (source.size() >= 0 && available - header.dataBytes() > limits.maxTrailingBytes()) {
                    throw trailing(available - header.dataBytes() + " bytes");
                }
                this.data = ElementData.open(source, header);
            }
        } catch (NpyException e) {
            closeQuietly(e);
            throw e.withFile(file);
        } catch (IOException | RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    private void closeQuietly(Exception e) {
        try {
            source.close();
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /**
     * Opens a file with the default limits.
     *
     * @param path the file
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed or the file cannot hold the data it announces
     * @throws IOException if the file cannot be read
     */
    public static NpyReader open(Path path) throws IOException {
        return open(path, NpyLimits.DEFAULT);
    }

    /**
     * Opens a file.
     *
     * @param path the file
     * @param limits the bounds to enforce
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed or the file cannot hold the data it announces
     * @throws IOException if the file cannot be read
     */
    public static NpyReader open(Path path, NpyLimits limits) throws IOException {
        // non-null on Java 22+ with native access: the file can also be read into Java arrays in place
        FileToArray direct = FileToArray.open(path);
        Source source = direct != null ? Source.of(direct)
                : Source.of(FileChannel.open(path, StandardOpenOption.READ), true);
        return new NpyReader(source, limits, path.toString());
    }

    /**
     * Reads from a stream with the default limits.
     *
     * @param in the stream, at the first byte of the {@code .npy} data; closed with the reader
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed
     * @throws IOException if the stream fails
     */
    public static NpyReader of(InputStream in) throws IOException {
        return of(in, NpyLimits.DEFAULT);
    }

    /**
     * Reads from a stream.
     *
     * @param in the stream, at the first byte of the {@code .npy} data; closed with the reader
     * @param limits the bounds to enforce
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed
     * @throws IOException if the stream fails
     */
    public static NpyReader of(InputStream in, NpyLimits limits) throws IOException {
        return new NpyReader(Source.of(in, true, -1), limits, null);
    }

    /**
     * Reads from a channel with the default limits. A
     * {@link java.nio.channels.SeekableByteChannel} makes {@link #seek(long)} work in both
     * directions and lets the reader check the data size up front; a {@link FileChannel} is read
     * positionally from its current position.
     *
     * @param channel the channel, at the first byte of the {@code .npy} data; closed with the reader
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed or a seekable channel cannot hold the data
     * @throws IOException if the channel fails
     */
    public static NpyReader of(ReadableByteChannel channel) throws IOException {
        return of(channel, NpyLimits.DEFAULT);
    }

    /**
     * Reads from a channel.
     *
     * @param channel the channel, at the first byte of the {@code .npy} data; closed with the reader
     * @param limits the bounds to enforce
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed or a seekable channel cannot hold the data
     * @throws IOException if the channel fails
     */
    public static NpyReader of(ReadableByteChannel channel, NpyLimits limits) throws IOException {
        return new NpyReader(Source.of(channel, true), limits, null);
    }

    /**
     * Reads from a channel whose length is known in advance but which cannot seek, such as a
     * ZIP entry: the header and data sizes are checked against {@code size} before anything is
     * allocated, as for a file. (A {@link java.nio.channels.SeekableByteChannel} reports its own
     * size, which takes the place of {@code size}.)
     *
     * @param channel the channel, at the first byte of the {@code .npy} data; closed with the reader
     * @param size the number of bytes the channel holds from its current position
     * @param limits the bounds to enforce
     * @return a reader positioned at the first element
     * @throws NpyException if the header is malformed or the data does not fit in {@code size}
     * @throws IOException if the channel fails
     */
    public static NpyReader of(ReadableByteChannel channel, long size, NpyLimits limits) throws IOException {
        if (size < 0) {
            channel.close();
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return new NpyReader(Source.sized(channel, true, size), limits, null);
    }

    /** A reader over a source whose closing the caller decides (one-shot stream reads). */
    static NpyReader over(Source source, NpyLimits limits) throws IOException {
        return new NpyReader(source, limits, null);
    }

    /**
     * Names the input in every exception this reader throws from now on, for sources that are no
     * local file: a URI, an {@code archive.npz:entry}. A failure while opening, before this call,
     * can be named with {@link NpyException#withFile(String)}.
     *
     * @param name how to name the input
     * @return this reader
     */
    public NpyReader named(String name) {
        this.file = name;
        return this;
    }

    /**
     * The header, read when the reader was opened.
     *
     * @return the header
     */
    public NpyHeader header() {
        return header;
    }

    /**
     * Hands out elements in the order the file stores them from now on: Fortran order for a
     * Fortran-order file, streamed with bounded memory. Changes nothing for a C-order file.
     * Call it before the first read or skip; calling it again changes nothing.
     *
     * @return this reader
     * @throws IllegalStateException if elements were read or skipped already in C order
     */
    public NpyReader storedOrder() {
        if (stored) {
            return this;
        }
        if (next > 0 || data instanceof HeapData) {
            throw new IllegalStateException("storedOrder() must come before the first read");
        }
        stored = true;
        return this;
    }

    /**
     * The index of the next element to be read: in C order, or in stored order after
     * {@link #storedOrder()}.
     *
     * @return elements read or skipped so far
     */
    public long position() {
        return next;
    }

    /**
     * The elements not yet read.
     *
     * @return element count minus position
     */
    public long remaining() {
        return count - next;
    }

    // ---------------------------------------------------------------- typed reads

    /**
     * Reads up to {@code len} booleans of a {@code |b1} array.
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read: {@code min(len, remaining())}, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(boolean[] dst, int off, int len) throws IOException {
        return transfer(JavaType.BOOLEAN, "read(boolean[])", dst.length, off, len, null,
                (b, o, n) -> Codec.get(b, dst, o, n));
    }

    /**
     * Reads up to {@code len} values of an {@code i1}, {@code u1} (raw bits) or {@code b1} array.
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read: {@code min(len, remaining())}, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(byte[] dst, int off, int len) throws IOException {
        return transfer(JavaType.BYTE, "read(byte[])", dst.length, off, len, ByteBuffer.wrap(dst, off, len),
                (b, o, n) -> Codec.get(b, dst, o, n));
    }

    /**
     * Reads up to {@code len} values of an {@code i2} or {@code u2} (raw bits) array.
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read: {@code min(len, remaining())}, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(short[] dst, int off, int len) throws IOException {
        return transfer(JavaType.SHORT, "read(short[])", dst.length, off, len, ShortBuffer.wrap(dst, off, len),
                (b, o, n) -> Codec.get(b, dst, o, n));
    }

    /**
     * Reads up to {@code len} values of an {@code i4} or {@code u4} (raw bits) array.
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read: {@code min(len, remaining())}, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(int[] dst, int off, int len) throws IOException {
        return transfer(JavaType.INT, "read(int[])", dst.length, off, len, IntBuffer.wrap(dst, off, len),
                (b, o, n) -> Codec.get(b, dst, o, n));
    }

    /**
     * Reads up to {@code len} values of an {@code i8}, {@code u8} (raw bits), {@code M8} or
     * {@code m8} (ticks) array.
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read: {@code min(len, remaining())}, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(long[] dst, int off, int len) throws IOException {
        return transfer(JavaType.LONG, "read(long[])", dst.length, off, len, LongBuffer.wrap(dst, off, len),
                (b, o, n) -> Codec.get(b, dst, o, n));
    }

    /**
     * Reads up to {@code len} values of an {@code f4} or {@code f2} array, or interleaved parts of
     * a {@code c8} array (two values per element; only whole elements are read).
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(float[] dst, int off, int len) throws IOException {
        boolean half = header.dtype().isFloat16();
        return transfer(JavaType.FLOAT, "read(float[])", dst.length, off, len,
                half ? null : FloatBuffer.wrap(dst, off, len), (b, o, n) -> Codec.get(b, half, dst, o, n));
    }

    /**
     * Reads up to {@code len} values of an {@code f8} array, or interleaved parts of a
     * {@code c16} array (two values per element; only whole elements are read).
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(double[] dst, int off, int len) throws IOException {
        return transfer(JavaType.DOUBLE, "read(double[])", dst.length, off, len, DoubleBuffer.wrap(dst, off, len),
                (b, o, n) -> Codec.get(b, dst, o, n));
    }

    /**
     * Reads up to {@code len} strings of an {@code S} or {@code U} array, trailing NULs stripped.
     *
     * @param dst the destination
     * @param off the first index to fill
     * @param len the most values to read
     * @return the values read: {@code min(len, remaining())}, 0 at the end
     * @throws NpyTypeException for any other dtype
     * @throws NpyFormatException if the data ends early or holds an invalid code point
     * @throws IOException if the source fails
     */
    public int read(String[] dst, int off, int len) throws IOException {
        check(JavaType.STRING, "read(String[])");
        Objects.checkFromIndexSize(off, len, dst.length);
        if (len == 0) {
            return 0;
        }
        NpyArray chunk = readChunk(len);
        String[] values = chunk.asStringArray();
        System.arraycopy(values, 0, dst, off, values.length);
        return values.length;
    }

    /**
     * Reads whole elements' bytes, as the file stores each element (the dtype's byte order), into a
     * caller's buffer: as many as fit in {@code dst.remaining()} and the array still has, in C
     * order (or stored order after {@link #storedOrder()}). For consumers that take raw bytes in
     * bulk, such as columnar engines; any dtype without objects.
     *
     * @param dst the buffer, filled from its position; its byte order is not changed
     * @return the elements read, 0 at the end (or if {@code dst} holds less than one element)
     * @throws NpyTypeException for a dtype that holds objects
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public int read(ByteBuffer dst) throws IOException {
        if (header.dtype().hasObjects()) {
            throw new NpyTypeException("read(ByteBuffer): dtype " + header.dtype().descr()
                    + " holds Python objects, which have no element bytes").withFile(file);
        }
        int size = Math.max(1, itemSize);
        int elements = (int) Math.min(dst.remaining() / size, remaining());
        if (itemSize == 0) {
            next += elements;
            return elements;
        }
        int done = 0;
        try {
            while (done < elements) {
                ByteBuffer buffer = data().next(itemSize);
                int k = Math.min(elements - done, buffer.remaining() / itemSize);
                ByteBuffer part = buffer.duplicate();
                part.limit(part.position() + k * itemSize);
                dst.put(part);
                buffer.position(part.position());
                done += k;
            }
        } catch (NpyException e) {
            throw e.withFile(file);
        }
        next += elements;
        return elements;
    }

    private interface Take {
        void take(ByteBuffer buffer, int off, int values) throws NpyException;
    }

    private void check(JavaType type, String what) {
        try {
            type.check(what, header.dtype(), header.shape());
        } catch (NpyUsageException e) {
            throw e.withFile(file);
        }
    }

    /** Fewest elements read straight into an array: below this the staging buffer costs nothing. */
    private static final int MIN_DIRECT_ELEMENTS = 1 << 12;

    /** Whether the stored bytes are, unchanged, what a Java array of the dtype's values holds in memory. */
    private boolean storedAsInMemory() {
        ByteOrder order = header.dtype().byteOrder();
        return (order == null || order == ByteOrder.nativeOrder() || header.dtype().itemSize() == 1)
                && !header.dtype().isFloat16() && header.dtype().kind() != DType.Kind.BOOL;
    }

    /**
     * Moves up to {@code len} values into a caller's array: straight from the file where the
     * array's memory takes the stored bytes unchanged ({@code raw}, a buffer over the array's
     * {@code off..off+len}, null where values are converted: float16, bool) and the source can
     * read into arrays (see {@link ElementData#readDirect}), else through the data's buffer by
     * {@code sink}.
     */
    private int transfer(JavaType type, String what, int dstLength, int off, int len, Buffer raw, Take sink)
            throws IOException {
        check(type, what);
        Objects.checkFromIndexSize(off, len, dstLength);
        int perElement = JavaType.valuesPerElement(header.dtype());
        int elements = (int) Math.min(len / perElement, remaining());
        int done = 0;
        try {
            if (raw != null && elements >= MIN_DIRECT_ELEMENTS && storedAsInMemory()) {
                raw.limit(raw.position() + elements * perElement);
                if (data().readDirect(raw, (long) elements * itemSize)) {
                    next += elements;
                    return elements * perElement;
                }
            }
            while (done < elements) {
                ByteBuffer buffer = data().next(itemSize);
                int k = Math.min(elements - done, buffer.remaining() / itemSize);
                sink.take(buffer, off + done * perElement, k * perElement);
                done += k;
            }
        } catch (NpyException e) {
            throw e.withFile(file);
        }
        next += elements;
        return elements * perElement;
    }

    /**
     * The data in the order this reader hands it out: for a Fortran-order file read in C order,
     * the whole array, read once and transposed, within the limits.
     */
    private ElementData data() throws IOException {
        if (data == null) {
            throw new IllegalStateException("no element data for dtype " + header.dtype());
        }
        if (!cOrder && !stored) {
            long bytes = header.dataBytes();
            String what = "a Fortran-order array of " + count + " elements of " + header.dtype().descr();
            if (bytes > limits.maxArrayBytes()) {
                throw new NpyLimitException(what + " must be read whole to hand out C order: " + bytes
                        + " bytes, over the in-memory limit of " + limits.maxArrayBytes()
                        + " (NpyLimits.maxArrayBytes); call storedOrder() to stream it in stored order");
            }
            ByteBuffer fortran = Heap.allocate(2 * bytes, what + " (read and transposed)",
                    () -> data.readNew((int) bytes));
            data.close();
            data = new HeapData(Codec.transpose(fortran, header.shape(), itemSize, true));
            cOrder = true;
        }
        return data;
    }

    /**
     * Reads every remaining element into a new Java array of the given type, in C order, with
     * one copy for a C-order file; see {@link Npy#read(java.nio.file.Path, Class)}. A nested array
     * type ({@code float[][].class}) of the array's rank gives its rows; a one-dimensional type
     * gives every element flat.
     *
     * @param <A> the array type
     * @param arrayType {@code boolean[]}, {@code byte[]}, {@code short[]}, {@code int[]},
     *     {@code long[]}, {@code float[]}, {@code double[]} or {@code String[]}, or a nested array of
     *     one of them ({@code double[][].class}) whose rank is the array's
     * @return a new array (two values per complex element along the last axis)
     * @throws NpyTypeException if the array type cannot hold the dtype without loss
     * @throws NpyShapeException if a nested type's rank is not the array's, or elements were read
     *     already
     * @throws NpyLimitException if the array would exceed {@link NpyLimits#maxArrayBytes()} or the heap
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public <A> A readAll(Class<A> arrayType) throws IOException {
        int rank = Nested.rank(arrayType);
        if (rank == 0) {
            throw new NpyTypeException("readAll needs an array type such as float[].class, not " + arrayType.getName())
                    .withFile(file);
        }
        JavaType type = JavaType.of(Nested.leaf(arrayType));
        String what = "readAll(" + arrayType.getSimpleName() + ")";
        check(type, what);
        if (rank > 1 && (next > 0 || rank != header.ndim())) {
            throw new NpyShapeException(what + " needs all of an array of " + rank + " dimensions; this one has shape "
                    + header.shapeString() + (next > 0 ? " and " + next + " elements were read already" : ""))
                    .withFile(file);
        }
        try {
            return arrayType.cast(rank == 1 ? readFlat(type, arrayType) : readNested(type, arrayType, rank));
        } catch (NpyException e) {
            throw e.withFile(file);
        }
    }

    private Object readFlat(JavaType type, Class<?> arrayType) throws IOException {
        long values = remaining() * JavaType.valuesPerElement(header.dtype());
        long bytes = remaining() * itemSize;
        checkInMemory(remaining(), bytes, values);
        if (source.size() < 0 && bytes > UNVOUCHED_ALLOCATION) {
            // A stream cannot vouch for the header's size: read through a growing buffer instead.
            return type.extract(readAll());
        }
        int n = (int) values;
        Object array = Heap.allocate(type.bytesPer() * values, remaining() + " elements of " + header.dtype().descr(),
                () -> Array.newInstance(arrayType.getComponentType(), n));
        int got = readInto(type, array, n);
        if (got != n) {
            throw new IllegalStateException("read " + got + " of " + n + " values");
        }
        return array;
    }

    private Object readNested(JavaType type, Class<?> arrayType, int rank) throws IOException {
        long[] shape = header.shape();
        int[] dims = new int[rank];
        long values = count * JavaType.valuesPerElement(header.dtype());
        checkInMemory(count, count * itemSize, values);
        for (int axis = 0; axis < rank; axis++) {
            long d = shape[axis] * (axis == rank - 1 ? JavaType.valuesPerElement(header.dtype()) : 1);
            if (d > Integer.MAX_VALUE - 8) {
                throw new NpyLimitException("axis " + axis + " of shape " + header.shapeString()
                        + " is longer than a Java array can be");
            }
            dims[axis] = (int) d;
        }
        Object nested = Heap.allocate(type.bytesPer() * values, count + " elements of " + header.dtype().descr(),
                () -> Nested.create(Nested.leaf(arrayType), dims));
        Nested.forEachRow(nested, rank, row -> {
            int length = Array.getLength(row);
            if (readInto(type, row, length) != length) {
                throw new IllegalStateException("a row of " + length + " values came short");
            }
        });
        return nested;
    }

    private void checkInMemory(long elements, long bytes, long values) throws NpyLimitException {
        if (bytes > limits.maxArrayBytes() || values > NpyLimits.MAX_IN_MEMORY_BYTES) {
            throw new NpyLimitException(elements + " elements of " + header.dtype().descr() + " take " + bytes
                    + " bytes, over the in-memory limit of " + limits.maxArrayBytes()
                    + " (NpyLimits.maxArrayBytes); read the array in chunks");
        }
    }

    private int readInto(JavaType type, Object array, int n) throws IOException {
        return switch (type) {
            case BOOLEAN -> read((boolean[]) array, 0, n);
            case BYTE -> read((byte[]) array, 0, n);
            case SHORT -> read((short[]) array, 0, n);
            case INT -> read((int[]) array, 0, n);
            case LONG -> read((long[]) array, 0, n);
            case FLOAT -> read((float[]) array, 0, n);
            case DOUBLE -> read((double[]) array, 0, n);
            case STRING -> read((String[]) array, 0, n);
        };
    }

    // ---------------------------------------------------------------- chunks

    /**
     * Reads up to {@code elements} elements as a one-dimensional array, in C order (or stored
     * order after {@link #storedOrder()}).
     *
     * @param elements the most elements to read, at least 1
     * @return the chunk; it has 0 elements at the end of the data
     * @throws NpyLimitException if the chunk would exceed {@link NpyLimits#maxArrayBytes()}
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public NpyArray readChunk(int elements) throws IOException {
        if (elements < 1) {
            throw new IllegalArgumentException("elements must be at least 1: " + elements);
        }
        long n = Math.min(elements, remaining());
        try {
            requireElementData("readChunk");
            ByteBuffer bytes = readBytes(data(), n);
            next += n;
            return new NpyArray(header.dtype(), new long[] {n}, false, bytes);
        } catch (NpyException e) {
            throw e.withFile(file);
        }
    }

    /**
     * Reads every remaining element. At position 0 the result has the header's shape and order
     * (a Fortran-order array stays one, and its accessors still give C order); after a partial
     * read it is one-dimensional, in the order the elements were being handed out.
     *
     * @return the array
     * @throws NpyLimitException if the data exceeds {@link NpyLimits#maxArrayBytes()} or the heap,
     *     or it holds objects and {@link NpyLimits#objectArrays()} is off (an object array, stored
     *     as one pickle, is read whole at position 0; from a stream, all of the rest of it)
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public NpyArray readAll() throws IOException {
        try {
            if (data == null && limits.objectArrays() && next == 0) {
                NpyArray objects = ObjectArrays.read(readRest(), header, limits);
                next = count;
                return objects;
            }
            requireElementData("readAll");
            boolean whole = next == 0;
            long n = remaining();
            if (whole) {
                // The stored bytes as they are: an NpyArray knows its own layout.
                ByteBuffer bytes = readBytes(data, n);
                next += n;
                boolean transposed = data instanceof HeapData && header.fortranOrder();
                return new NpyArray(header.dtype(), header.shape(), header.fortranOrder() && !transposed, bytes);
            }
            ByteBuffer bytes = readBytes(data(), n);
            next += n;
            return new NpyArray(header.dtype(), new long[] {n}, false, bytes);
        } catch (NpyException e) {
            throw e.withFile(file);
        }
    }

    private void requireElementData(String what) throws NpyException {
        if (data == null) {
            if (!limits.objectArrays()) {
                throw new NpyLimitException(what + ": dtype " + header.dtype().descr() + " holds Python objects, which numpy"
                        + " stores as a pickle; reading them needs NpyLimits.withObjectArrays(true), as numpy.load"
                        + " needs allow_pickle=True (npyfile never runs the pickle)");
            }
            throw new NpyTypeException(what + ": an array of dtype " + header.dtype().descr()
                    + " holds Python objects, stored as one pickle: read it whole with readAll()");
        }
    }

    /**
     * The rest of the input, for an object array's pickle: as much as the file holds, or what a
     * stream delivers before it ends, within {@link NpyLimits#maxArrayBytes()}.
     */
    private ByteBuffer readRest() throws IOException {
        long bound = limits.maxArrayBytes();
        long known = source.size() < 0 ? -1 : source.size() - source.position();
        if (known > bound) {
            throw new NpyLimitException("the pickle of an object array takes " + known + " bytes, over the in-memory"
                    + " limit of " + bound + " (NpyLimits.maxArrayBytes)");
        }
        ByteBuffer out = ByteBuffer.allocate((int) (known >= 0 ? known : Math.min(bound, UNVOUCHED_ALLOCATION)));
        while (true) {
            if (!out.hasRemaining()) {
                if (known >= 0 || out.capacity() >= bound) {
                    if (known < 0 && source.read(ByteBuffer.allocate(1)) > 0) {
                        throw new NpyLimitException("the pickle of an object array is longer than the in-memory limit"
                                + " of " + bound + " bytes (NpyLimits.maxArrayBytes)");
                    }
                    break;
                }
                out = ByteBuffer.allocate((int) Math.min(bound, (long) out.capacity() * 2)).put(out.flip());
            }
            if (source.read(out) < 0) {
                break;
            }
        }
        return out.flip();
    }

    private ByteBuffer readBytes(ElementData from, long elements) throws IOException {
        long size = elements * itemSize;
        if (size > limits.maxArrayBytes()) {
            throw new NpyLimitException(elements + " elements of " + header.dtype().descr() + " take " + size
                    + " bytes, over the in-memory limit of " + limits.maxArrayBytes()
                    + " (NpyLimits.maxArrayBytes); read the array in chunks");
        }
        return Heap.allocate(size, elements + " elements of " + header.dtype().descr(), () -> from.readNew((int) size));
    }

    /**
     * For a source of unknown length, checks once all data is read that no more than
     * {@link NpyLimits#maxTrailingBytes()} follow; reads a little past that bound, at most 64 KiB more.
     */
    void checkTrailingBytes() throws IOException {
        long bound = limits.maxTrailingBytes();
        if (source.size() >= 0 || bound == Long.MAX_VALUE || remaining() > 0) {
            return;
        }
        ByteBuffer probe = ByteBuffer.allocate((int) Math.min(bound + 1, 1 << 16));
        long seen = 0;
        int n;
        while (seen <= bound && (n = source.read(probe.clear())) > 0) {
            seen += n;
        }
        if (seen > bound) {
            throw trailing("more than " + bound + " bytes").withFile(file);
        }
    }

    private NpyFormatException trailing(String found) {
        return new NpyFormatException(header.dataOffset() + header.dataBytes(),
                "at most " + limits.maxTrailingBytes() + " bytes after the array's data (NpyLimits.maxTrailingBytes)",
                found);
    }

    // ---------------------------------------------------------------- positioning

    /**
     * Skips elements.
     *
     * @param elements how many to skip
     * @return the elements skipped: {@code min(elements, remaining())}
     * @throws NpyFormatException if the data ends early (non-seekable sources)
     * @throws IOException if the source fails
     */
    public long skip(long elements) throws IOException {
        if (elements < 0) {
            throw new IllegalArgumentException("elements must not be negative: " + elements);
        }
        long n = Math.min(elements, remaining());
        seek(next + n);
        return n;
    }

    /**
     * Moves to an element index (in C order, or stored order after {@link #storedOrder()}).
     * Backward moves need a seekable source (a file or a
     * {@link java.nio.channels.SeekableByteChannel}); forward moves work on any source.
     *
     * @param element the index of the next element to read, 0 to the element count
     * @throws IllegalArgumentException if the index is out of range
     * @throws UnsupportedOperationException to move backwards on a stream
     * @throws NpyFormatException if the data ends early (non-seekable sources)
     * @throws IOException if the source fails
     */
    public void seek(long element) throws IOException {
        if (element < 0 || element > count) {
            throw new IllegalArgumentException("element " + element + " is outside 0.." + count);
        }
        try {
            requireElementData("seek");
            ElementData d = data();
            if (element < next && !d.seekable()) {
                throw new UnsupportedOperationException("cannot move back from element " + next + " to " + element
                        + ": the source is not seekable");
            }
            d.seek(element * itemSize);
            next = element;
        } catch (NpyException e) {
            throw e.withFile(file);
        }
    }

    /**
     * Closes the source the reader was opened on.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        if (data != null) {
            data.close();
        }
        source.close();
    }

    @Override
    public String toString() {
        return "NpyReader[" + (file == null ? "" : file + ", ") + header.dtype().descr() + ", shape "
                + header.shapeString() + ", position " + next + "]";
    }
}
