package org.npyfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.npyfile.internal.Shape;
import org.npyfile.internal.Codec;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.internal.HeaderReader;
import org.npyfile.internal.Source;
import org.npyfile.internal.Mapping;

/**
 * Reads a {@code .npy} stream chunk by chunk, so that arrays larger than memory can be processed
 * with bounded memory: the header first, then the elements in file order (Fortran order for a
 * Fortran-order file), into caller arrays or as {@link NpyArray} chunks.
 *
 * <p>Reads into caller arrays ({@link #read(float[], int, int)} and friends) allocate nothing
 * per call and are the fastest way to consume data. A truncated stream is reported as an
 * {@link NpyFormatException} that names the expected and the found element counts; it never yields
 * zeros or a short array silently. The reader reads no byte past the array's data, so an
 * {@link InputStream} holding several arrays one after another stays positioned at the next one.
 *
 * <p>Not thread-safe. Closing the reader closes the source it was opened on.
 */
public final class NpyReader implements AutoCloseable {

    /** Staging buffer for typed reads: large enough for bulk copies, small enough to keep memory flat. */
    static final int BUFFER_BYTES = 1 << 22;

    /** Files are read through mapped windows of this size: one copy from the page cache, no staging. */
    static final int WINDOW_BYTES = 1 << 26;

    /** Reads from streams of unknown length grow their buffer from here, so a lying header costs little. */
    private static final int FIRST_ALLOCATION = 1 << 20;

    private final Source source;
    private final NpyHeader header;
    private final NpyLimits limits;
    private final int itemSize;
    private final long count;
    /** Element index of the next element to hand out. */
    private long next;
    /** Data bytes not yet pulled from the source. */
    private long unpulled;
    /** Pulled but not handed out; in read mode. Created on the first typed read; a file's mapped window. */
    private ByteBuffer staging;
    /** The mapping behind a file's current window, unmapped when the next one is mapped. */
    private Mapping mapped;

    private NpyReader(Source source, NpyLimits limits) throws IOException {
        this.source = source;
        this.limits = Objects.requireNonNull(limits, "limits");
        try {
            this.header = HeaderReader.read(source, limits);
            this.itemSize = header.dtype().itemSize();
            this.count = header.elementCount();
            this.unpulled = header.dataBytes();
            long available = source.size() - header.dataOffset();
            if (source.size() >= 0 && available < unpulled) {
                throw shortData(header.dataOffset(), Math.max(0, available));
            }
            if (source.size() >= 0 && available - unpulled > limits.maxTrailingBytes()) {
                throw trailing(available - unpulled + " bytes");
            }
        } catch (IOException | RuntimeException e) {
            try {
                source.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
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
        return new NpyReader(Source.of(FileChannel.open(path, StandardOpenOption.READ), true), limits);
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
        return new NpyReader(Source.of(in, true, -1), limits);
    }

    /**
     * Reads from a channel with the default limits. A
     * {@link java.nio.channels.SeekableByteChannel} makes {@link #seek(long)} work in both
     * directions and lets the reader check the data size up front.
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
        return new NpyReader(Source.of(channel, true), limits);
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
        return new NpyReader(Source.sized(channel, true, size), limits);
    }

    /** A reader over a source whose closing the caller decides (npz entries, one-shot stream reads). */
    static NpyReader over(Source source, NpyLimits limits) throws IOException {
        return new NpyReader(source, limits);
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
     * The index of the next element to be read, in file order.
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
        return transfer(JavaType.BOOLEAN, "read(boolean[])", dst.length, off, len,
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
        return transfer(JavaType.BYTE, "read(byte[])", dst.length, off, len, (b, o, n) -> Codec.get(b, dst, o, n));
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
        return transfer(JavaType.SHORT, "read(short[])", dst.length, off, len, (b, o, n) -> Codec.get(b, dst, o, n));
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
        return transfer(JavaType.INT, "read(int[])", dst.length, off, len, (b, o, n) -> Codec.get(b, dst, o, n));
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
        return transfer(JavaType.LONG, "read(long[])", dst.length, off, len, (b, o, n) -> Codec.get(b, dst, o, n));
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
        boolean half = header.dtype().kind() == DType.Kind.FLOAT && itemSize == 2;
        return transfer(JavaType.FLOAT, "read(float[])", dst.length, off, len,
                (b, o, n) -> Codec.get(b, half, dst, o, n));
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
        return transfer(JavaType.DOUBLE, "read(double[])", dst.length, off, len, (b, o, n) -> Codec.get(b, dst, o, n));
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
        JavaType.STRING.check("read(String[])", header.dtype(), header.shape());
        Objects.checkFromIndexSize(off, len, dst.length);
        if (len == 0) {
            return 0;
        }
        NpyArray chunk = readChunk(len);
        String[] values = chunk.asStringArray();
        System.arraycopy(values, 0, dst, off, values.length);
        return values.length;
    }

    private interface Take {
        void take(ByteBuffer buffer, int off, int values) throws NpyException;
    }

    private int transfer(JavaType type, String what, int dstLength, int off, int len, Take sink) throws IOException {
        type.check(what, header.dtype(), header.shape());
        Objects.checkFromIndexSize(off, len, dstLength);
        int perElement = JavaType.valuesPerElement(header.dtype());
        int elements = (int) Math.min(len / perElement, remaining());
        int done = 0;
        while (done < elements) {
            ByteBuffer buffer = stage(itemSize);
            int k = Math.min(elements - done, buffer.remaining() / itemSize);
            sink.take(buffer, off + done * perElement, k * perElement);
            done += k;
        }
        next += elements;
        return elements * perElement;
    }

    /** The staging buffer holding at least {@code min} unread bytes. */
    private ByteBuffer stage(int min) throws IOException {
        if (source.file() != null) {
            return window(min);
        }
        if (staging == null) {
            // Typed reads need one whole element (at most 16 bytes); never size this from a string's item size.
            int capacity = (int) Math.max(16, Math.min(BUFFER_BYTES, header.dataBytes()));
            staging = (source.prefersDirectBuffers() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity))
                    .order(header.dtype().byteOrder()).flip();
        }
        if (staging.remaining() < min) {
            staging.compact();
            pull(staging, min - staging.position());
            staging.flip();
        }
        return staging;
    }

    /**
     * For a file: the staging buffer is a mapped window of whole elements, replaced by the next
     * one when used up; the previous window is unmapped at once.
     */
    private ByteBuffer window(int min) throws IOException {
        if (staging != null && staging.remaining() >= min) {
            return staging;
        }
        int elementsPerWindow = Math.max(1, WINDOW_BYTES / Math.max(1, itemSize));
        long bytes = Math.min(unpulled, (long) elementsPerWindow * itemSize);
        long start = header.dataBytes() - unpulled + header.dataOffset();
        staging = map(start, bytes);
        unpulled -= bytes;
        source.seek(start + bytes);
        if (staging.remaining() < min) {
            throw new IllegalStateException("asked for " + min + " bytes, the array has " + staging.remaining() + " left");
        }
        return staging;
    }

    /**
     * Maps a region of the file after checking that the file still holds it; the previous window
     * is unmapped first.
     */
    private ByteBuffer map(long streamPosition, long bytes) throws IOException {
        FileChannel file = source.file();
        long at = source.channelPosition(streamPosition);
        long available = file.size() - at;
        if (available < bytes) {
            long foundBytes = streamPosition - header.dataOffset() + Math.max(0, available);
            throw shortData(header.dataOffset() + foundBytes, foundBytes);
        }
        release();
        mapped = Mapping.map(file, at, bytes, Math.max(1, itemSize), header.dtype().byteOrder());
        return mapped.buffer();
    }

    /** Unmaps a file's current window; other sources keep their staging buffer. */
    private void release() {
        if (mapped != null) {
            mapped.close();
            mapped = null;
            staging = null;
        }
    }

    /**
     * Reads from the source into dst at least {@code min} bytes, and as many more as fit and the
     * array still has; fails if the data ends first.
     */
    private void pull(ByteBuffer dst, int min) throws IOException {
        int want = (int) Math.min(dst.remaining(), unpulled);
        if (want < min) {
            throw new IllegalStateException("asked for " + min + " bytes, the array has " + unpulled + " left");
        }
        int saveLimit = dst.limit();
        dst.limit(dst.position() + want);
        int got = 0;
        try {
            while (got < min) {
                int n = source.read(dst);
                if (n < 0) {
                    throw truncated();
                }
                got += n;
                unpulled -= n;
            }
        } finally {
            dst.limit(saveLimit);
        }
    }

    private NpyFormatException truncated() {
        long pulledBytes = header.dataBytes() - unpulled;
        return shortData(header.dataOffset() + pulledBytes, pulledBytes);
    }

    private NpyFormatException shortData(long offset, long foundBytes) {
        return shortData(header, offset, foundBytes);
    }

    /** Data that ends early: names the expected and the found element counts. */
    static NpyFormatException shortData(NpyHeader header, long offset, long foundBytes) {
        return new NpyFormatException(offset,
                header.elementCount() + " elements (" + header.dataBytes() + " bytes for shape "
                        + header.shapeString() + " of " + header.dtype().descr() + ")",
                "only " + foundBytes / Math.max(1, header.dtype().itemSize()) + " elements (" + foundBytes
                        + " bytes) before the end of the input");
    }

    /**
     * Reads every remaining element into a new Java array of the given type, in file order, with
     * one copy; see {@link Npy#read(java.nio.file.Path, Class)}.
     *
     * @param <A> the array type
     * @param arrayType {@code boolean[].class}, {@code byte[].class}, {@code short[].class},
     *     {@code int[].class}, {@code long[].class}, {@code float[].class}, {@code double[].class}
     *     or {@code String[].class}
     * @return a new array (two values per complex element)
     * @throws NpyTypeException if the array type cannot hold the dtype without loss
     * @throws NpyLimitException if the array would exceed {@link NpyLimits#maxArrayBytes()}
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public <A> A readAll(Class<A> arrayType) throws IOException {
        JavaType type = JavaType.of(arrayType);
        type.check("readAll(" + arrayType.getSimpleName() + ")", header.dtype(), header.shape());
        long values = remaining() * JavaType.valuesPerElement(header.dtype());
        long bytes = remaining() * itemSize;
        if (bytes > limits.maxArrayBytes() || values > NpyLimits.MAX_IN_MEMORY_BYTES) {
            throw new NpyLimitException(remaining() + " elements of " + header.dtype().descr() + " take " + bytes
                    + " bytes, over the in-memory limit of " + limits.maxArrayBytes()
                    + " (NpyLimits.maxArrayBytes); read the array in chunks");
        }
        if (source.size() < 0 && bytes > FIRST_ALLOCATION) {
            // A stream cannot vouch for the header's size: read through a growing buffer instead.
            NpyArray rest = readAll();
            return arrayType.cast(type.extract(rest));
        }
        int n = (int) values;
        Object array = java.lang.reflect.Array.newInstance(arrayType.getComponentType(), n);
        int got = switch (type) {
            case BOOLEAN -> read((boolean[]) array, 0, n);
            case BYTE -> read((byte[]) array, 0, n);
            case SHORT -> read((short[]) array, 0, n);
            case INT -> read((int[]) array, 0, n);
            case LONG -> read((long[]) array, 0, n);
            case FLOAT -> read((float[]) array, 0, n);
            case DOUBLE -> read((double[]) array, 0, n);
            case STRING -> read((String[]) array, 0, n);
        };
        if (got != n) {
            throw new IllegalStateException("read " + got + " of " + n + " values");
        }
        return arrayType.cast(array);
    }

    // ---------------------------------------------------------------- chunks

    /**
     * Reads up to {@code elements} elements as a one-dimensional array in file order: the
     * original module's {@code read_data_chunks}.
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
        ByteBuffer bytes = readBytes(n);
        next += n;
        return new NpyArray(header.dtype(), new long[] {n}, false, bytes);
    }

    /**
     * Reads every remaining element. At position 0 the result has the header's shape and order;
     * after a partial read it is one-dimensional, in file order.
     *
     * @return the array
     * @throws NpyLimitException if the data exceeds {@link NpyLimits#maxArrayBytes()}
     * @throws NpyFormatException if the data ends early
     * @throws IOException if the source fails
     */
    public NpyArray readAll() throws IOException {
        boolean whole = next == 0;
        long n = remaining();
        ByteBuffer bytes = readBytes(n);
        next += n;
        if (whole) {
            return new NpyArray(header.dtype(), header.shape(), header.fortranOrder(), bytes);
        }
        return new NpyArray(header.dtype(), new long[] {n}, false, bytes);
    }

    private ByteBuffer readBytes(long elements) throws IOException {
        long size = elements * itemSize;
        if (size > limits.maxArrayBytes()) {
            throw new NpyLimitException(elements + " elements of " + header.dtype().descr() + " take " + size
                    + " bytes, over the in-memory limit of " + limits.maxArrayBytes()
                    + " (NpyLimits.maxArrayBytes); read the array in chunks");
        }
        if (source.file() != null) {
            return readMapped((int) size);
        }
        // Bytes already staged by a typed read or a skip come first; they are data, not a promise.
        int carried = staging == null ? 0 : (int) Math.min(staging.remaining(), size);
        // Where the source cannot vouch for the size, grow with the data instead of trusting the header.
        boolean vouched = source.size() >= 0 || size <= Math.max(FIRST_ALLOCATION, carried);
        ByteBuffer out = ByteBuffer.allocate((int) (vouched ? size : Math.max(FIRST_ALLOCATION, carried)));
        if (carried > 0) {
            ByteBuffer staged = staging.duplicate();
            staged.limit(staged.position() + carried);
            out.put(staged);
            staging.position(staged.position());
        }
        while (out.position() < size) {
            if (!out.hasRemaining()) {
                long grown = Math.min(size, (long) out.capacity() * 2);
                out = ByteBuffer.allocate((int) grown).put(out.flip());
            }
            pull(out, 1);
        }
        return out.flip();
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
            throw trailing("more than " + bound + " bytes");
        }
    }

    private NpyFormatException trailing(String found) {
        return new NpyFormatException(header.dataOffset() + header.dataBytes(),
                "at most " + limits.maxTrailingBytes() + " bytes after the array's data (NpyLimits.maxTrailingBytes)",
                found);
    }

    /** Copies whole elements from the current window and then from fresh windows: one copy per byte. */
    private ByteBuffer readMapped(int size) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(size);
        while (out.hasRemaining()) {
            ByteBuffer window = window(itemSize);
            ByteBuffer part = window.duplicate();
            part.limit(part.position() + Math.min(part.remaining(), out.remaining()));
            out.put(part);
            window.position(part.position());
        }
        return out.flip();
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
     * Moves to an element index. Backward moves need a seekable source (a file or a
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
        if (source.seekable()) {
            source.seek(header.dataOffset() + element * itemSize);
            unpulled = (count - element) * itemSize;
            if (source.file() != null) {
                release();
            } else if (staging != null) {
                staging.clear().flip();
            }
            next = element;
            return;
        }
        if (element < next) {
            throw new UnsupportedOperationException("cannot move back from element " + next + " to " + element
                    + ": the source is not seekable");
        }
        long bytes = (element - next) * itemSize;
        while (bytes > 0) {
            ByteBuffer buffer = stage(1);
            int k = (int) Math.min(bytes, buffer.remaining());
            buffer.position(buffer.position() + k);
            bytes -= k;
        }
        next = element;
    }

    /**
     * Closes the source the reader was opened on.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        release();
        source.close();
    }

    @Override
    public String toString() {
        return "NpyReader[" + header.dtype().descr() + ", shape " + Shape.repr(header.shape())
                + ", position " + next + "]";
    }
}
