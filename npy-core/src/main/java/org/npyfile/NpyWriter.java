package org.npyfile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Objects;
import org.npyfile.internal.ArrayToFile;
import org.npyfile.internal.AtomicFile;
import org.npyfile.internal.Codec;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.internal.Shape;

/**
 * Writes a {@code .npy} stream chunk by chunk: the header as {@code numpy.save} writes it, then
 * the elements in file order (Fortran order for a Fortran-order header), from caller arrays or
 * {@link NpyArray} chunks.
 *
 * <p>{@link #close()} fails unless exactly the shape's element count was written. A writer to a
 * {@link Path} writes a temporary file in the same directory and moves it into place only on a
 * successful close; otherwise the previous file stays as it was and the temporary file is removed.
 *
 * <p>Not thread-safe.
 */
public final class NpyWriter implements AutoCloseable {

    /**
     * Bytes staged per write to the target. Staged bytes are copied twice, into the buffer and then
     * by the kernel out of it, so the buffer must stay in the CPU's L2 cache in between: writing
     * 256 MiB through 256 KiB took 50 ms of CPU on the 2-core VM this was measured on, through
     * 4 MiB 68 ms, and under load from other processes 73 against 273 ms.
     */
    private static final int STAGING_BYTES = 1 << 18;

    /** Largest heap slice handed to a channel at once: the JDK stages it in a direct buffer of its own. */
    private static final int MAX_CHANNEL_WRITE = STAGING_BYTES;

    /**
     * Smallest write that goes from a Java array straight to the file (see {@link ArrayToFile});
     * smaller ones are gathered in the buffer, where one system call takes many of them.
     */
    private static final int MIN_ARRAY_WRITE = 1 << 16;

    private final WritableByteChannel channel;
    private final OutputStream stream;
    private final AtomicFile file;
    private final boolean closeChannel;
    private final NpyHeader header;
    private final long count;
    /** For a growing writer: elements per row along axis 0, and where the preamble starts; else 0 and -1. */
    private final long rowSize;
    private final long preambleAt;
    private final ByteBuffer buffer;
    private long written;
    private boolean closed;

    private NpyWriter(WritableByteChannel channel, OutputStream stream, AtomicFile file, boolean closeChannel,
            NpyHeader requested) throws IOException {
        this(channel, stream, file, closeChannel, requested, false);
    }

    private NpyWriter(WritableByteChannel channel, OutputStream stream, AtomicFile file, boolean closeChannel,
            NpyHeader requested, boolean growing) throws IOException {
        if (requested.dtype().hasObjects()) {
            throw new NpyTypeException("dtype " + requested.dtype().descr() + " holds Python objects, stored as one pickle:"
                    + " write such an array whole with Npy.write");
        }
        this.channel = channel;
        this.stream = stream;
        this.file = file;
        this.closeChannel = closeChannel;
        this.header = NpyHeader.of(requested.dtype(), requested.fortranOrder(), requested.shape());
        if (growing) {
            long[] shape = header.shape();
            long[] row = java.util.Arrays.copyOfRange(shape, 1, shape.length);
            this.rowSize = Shape.count(row);
            this.count = Long.MAX_VALUE;
            this.preambleAt = ((java.nio.channels.SeekableByteChannel) channel).position();
        } else {
            this.rowSize = 0;
            this.count = header.elementCount();
            this.preambleAt = -1;
        }
        HeaderFormat.Encoded preamble =
                HeaderFormat.encode(header.dtype(), header.fortranOrder(), header.shape());
        // A growing writer's shape says 0 rows: its data size is unknown, so take a full buffer.
        long expected = growing ? Long.MAX_VALUE : header.dataOffset() + header.dataBytes();
        int capacity = (int) Math.max(preamble.bytes().length, Math.min(STAGING_BYTES, expected));
        // Typed writes need room for one element of a number (16 bytes at most); a string element
        // larger than the buffer goes out on its own (see transfer), so its size never sizes this.
        int size = Math.max(capacity, 16);
        this.buffer = (stream != null ? ByteBuffer.allocate(size) : ByteBuffer.allocateDirect(size))
                .order(header.dtype().byteOrder());
        buffer.put(preamble.bytes());
    }

    /**
     * Writes a file, atomically on success.
     *
     * @param path the file to create or replace when the writer closes successfully
     * @param header the dtype, shape and order to write; version and data offset are chosen as
     *     numpy chooses them
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     */
    public static NpyWriter open(Path path, NpyHeader header) throws IOException {
        AtomicFile file = AtomicFile.create(path);
        try {
            return new NpyWriter(file.channel(), null, file, false, header);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Writes to a stream; closing the writer closes the stream.
     *
     * @param out the stream
     * @param header the dtype, shape and order to write
     * @return the writer
     * @throws IOException never, in this implementation; declared for symmetry
     */
    public static NpyWriter of(OutputStream out, NpyHeader header) throws IOException {
        return new NpyWriter(null, out, null, true, header);
    }

    /**
     * Writes to a channel; closing the writer closes the channel.
     *
     * @param channel the channel
     * @param header the dtype, shape and order to write
     * @return the writer
     * @throws IOException never, in this implementation; declared for symmetry
     */
    public static NpyWriter of(WritableByteChannel channel, NpyHeader header) throws IOException {
        return new NpyWriter(channel, null, null, true, header);
    }

    /**
     * Writes a C-order file whose number of rows (its first dimension) is not known in advance:
     * write whole rows, and {@link #close()} patches the row count into the header. numpy leaves
     * room in every header for exactly this, so the data never moves. The file appears only when
     * the writer closes successfully, as with {@link #open(Path, NpyHeader)}.
     *
     * @param path the file to create or replace
     * @param dtype the element type
     * @param rowShape the shape of one row (the dimensions after the first); none for a 1-d array
     * @return the writer
     * @throws IllegalArgumentException if a row holds no elements
     * @throws IOException if the temporary file cannot be created
     */
    public static NpyWriter growing(Path path, DType dtype, long... rowShape) throws IOException {
        AtomicFile file = AtomicFile.create(path);
        try {
            return new NpyWriter(file.channel(), null, file, false, growingHeader(dtype, rowShape), true);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Writes a C-order array of unknown row count to a seekable channel, from its current position;
     * {@link #close()} patches the row count into the header and closes the channel.
     *
     * @param channel the target
     * @param dtype the element type
     * @param rowShape the shape of one row; none for a 1-d array
     * @return the writer
     * @throws IllegalArgumentException if a row holds no elements
     * @throws IOException if the channel's position cannot be read
     */
    public static NpyWriter growing(java.nio.channels.SeekableByteChannel channel, DType dtype, long... rowShape)
            throws IOException {
        return new NpyWriter(channel, null, null, true, growingHeader(dtype, rowShape), true);
    }

    private static NpyHeader growingHeader(DType dtype, long[] rowShape) {
        long[] shape = new long[rowShape.length + 1];
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        NpyHeader header = NpyHeader.of(dtype, shape);
        if (Shape.count(rowShape) == 0) {
            throw new IllegalArgumentException("a row of shape " + Shape.repr(rowShape) + " holds no elements");
        }
        return header;
    }

    /** A writer to a stream the caller closes (one-shot stream writes). */
    static NpyWriter over(OutputStream out, NpyHeader header) throws IOException {
        return new NpyWriter(null, out, null, false, header);
    }

    /**
     * The header as written when the writer was opened; for a growing writer its first dimension
     * is 0, and the row count is patched into the file (not into this value) on {@link #close()}.
     *
     * @return the header, with numpy's version and data offset
     */
    public NpyHeader header() {
        return header;
    }

    /**
     * The elements written so far.
     *
     * @return the element count written
     */
    public long written() {
        return written;
    }

    /**
     * Writes booleans to a {@code |b1} array.
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(boolean[] src, int off, int len) throws IOException {
        transfer(JavaType.BOOLEAN, "write(boolean[])", src.length, off, len, null, (b, o, n) -> Codec.put(b, src, o, n));
    }

    /**
     * Writes values to an {@code i1}, {@code u1} (raw bits) or {@code b1} (0 or 1) array.
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(byte[] src, int off, int len) throws IOException {
        transfer(JavaType.BYTE, "write(byte[])", src.length, off, len, ByteBuffer.wrap(src), (b, o, n) -> Codec.put(b, src, o, n));
    }

    /**
     * Writes values to an {@code i2} or {@code u2} (raw bits) array.
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(short[] src, int off, int len) throws IOException {
        transfer(JavaType.SHORT, "write(short[])", src.length, off, len, ShortBuffer.wrap(src), (b, o, n) -> Codec.put(b, src, o, n));
    }

    /**
     * Writes values to an {@code i4} or {@code u4} (raw bits) array.
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(int[] src, int off, int len) throws IOException {
        transfer(JavaType.INT, "write(int[])", src.length, off, len, IntBuffer.wrap(src), (b, o, n) -> Codec.put(b, src, o, n));
    }

    /**
     * Writes values to an {@code i8}, {@code u8} (raw bits), {@code M8} or {@code m8} (ticks) array.
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(long[] src, int off, int len) throws IOException {
        transfer(JavaType.LONG, "write(long[])", src.length, off, len, LongBuffer.wrap(src), (b, o, n) -> Codec.put(b, src, o, n));
    }

    /**
     * Writes values to an {@code f4} or {@code f2} (rounded as numpy rounds) array, or interleaved
     * parts to a {@code c8} array ({@code len} must then be even).
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(float[] src, int off, int len) throws IOException {
        boolean half = header.dtype().isFloat16();
        transfer(JavaType.FLOAT, "write(float[])", src.length, off, len, half ? null : FloatBuffer.wrap(src),
                (b, o, n) -> Codec.put(b, half, src, o, n));
    }

    /**
     * Writes values to an {@code f8} array, or interleaved parts to a {@code c16} array
     * ({@code len} must then be even).
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(double[] src, int off, int len) throws IOException {
        transfer(JavaType.DOUBLE, "write(double[])", src.length, off, len, DoubleBuffer.wrap(src), (b, o, n) -> Codec.put(b, src, o, n));
    }

    /**
     * Writes strings to an {@code S} or {@code U} array, NUL-padded.
     *
     * @param src the values
     * @param off the first index
     * @param len how many values
     * @throws NpyTypeException for any other dtype
     * @throws IllegalArgumentException if a string does not fit the dtype
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(String[] src, int off, int len) throws IOException {
        DType dtype = header.dtype();
        transfer(JavaType.STRING, "write(String[])", src.length, off, len, null, (b, o, n) -> Codec.put(b, dtype, src, o, n));
    }

    /**
     * Writes the elements of an array, in its layout order, as the next elements of this stream.
     *
     * @param chunk an array of this writer's dtype (any shape)
     * @throws NpyTypeException if the dtypes differ
     * @throws NpyShapeException if more elements than the shape holds would be written
     * @throws IOException if the target fails
     */
    public void write(NpyArray chunk) throws IOException {
        if (!chunk.dtype().equals(header.dtype())) {
            throw new NpyTypeException("cannot write a chunk of dtype " + chunk.dtype().descr()
                    + " into an array of dtype " + header.dtype().descr() + " (shape " + header.shapeString() + ")");
        }
        long n = chunk.elementCount();
        reserve(n);
        // The chunk's values go in the order this file stores them, whatever the chunk's own layout.
        NpyArray ordered = header.fortranOrder() ? chunk.toFortranOrder() : chunk.toCOrder();
        ByteBuffer data = ordered.heapBytes();
        if (data.remaining() <= buffer.remaining()) {
            buffer.put(data);
        } else if (!writeInPlace(data, data.remaining())) {
            flush();
            emit(data);
        }
        written += n;
    }

    private interface Put {
        void put(ByteBuffer buffer, int off, int values);
    }

    /**
     * Moves {@code len} values from a caller's array: in place where the array's memory already
     * holds the file's bytes ({@code raw}, a buffer wrapping the array, null where a conversion is
     * needed: float16, bool, strings), else through the buffer by {@code put}.
     */
    private void transfer(JavaType type, String what, int srcLength, int off, int len, Buffer raw, Put put)
            throws IOException {
        type.check(what, header.dtype(), header.shape());
        Objects.checkFromIndexSize(off, len, srcLength);
        int perElement = JavaType.valuesPerElement(header.dtype());
        if (len % perElement != 0) {
            throw new IllegalArgumentException(what + " needs whole elements: " + len + " values for dtype "
                    + header.dtype().descr() + " taking " + perElement + " per element");
        }
        int elements = len / perElement;
        reserve(elements);
        int itemSize = header.dtype().itemSize();
        if (raw != null && (header.dtype().scalarSize() == 1 || header.dtype().byteOrder() == ByteOrder.nativeOrder())
                && writeInPlace(raw.limit(off + len).position(off), (long) elements * itemSize)) {
            written += elements;
            return;
        }
        if (itemSize > buffer.capacity()) {
            flush();
            for (int i = 0; i < elements; i++) {
                ByteBuffer one = ByteBuffer.allocate(itemSize).order(header.dtype().byteOrder());
                put.put(one, off + i * perElement, perElement);
                emit(one.flip());
            }
            written += elements;
            return;
        }
        int done = 0;
        while (done < elements) {
            if (buffer.remaining() < itemSize) {
                flush();
            }
            int k = Math.min(elements - done, buffer.remaining() / itemSize);
            put.put(buffer, off + done * perElement, k * perElement);
            done += k;
        }
        written += elements;
    }

    private void reserve(long elements) {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        if (elements > count - written) {
            throw new NpyShapeException(rowSize > 0 ? "more than " + Long.MAX_VALUE + " elements"
                    : "shape " + header.shapeString() + " holds " + count + " elements; "
                    + written + " were written and " + elements + " more do not fit");
        }
    }

    /**
     * Writes a large run of values straight from the array behind {@code values} into the file,
     * after what the buffer holds: one copy instead of two, where the target is a file and the
     * runtime allows it (see {@link ArrayToFile}).
     *
     * @param values the values, in the file's byte order, from position to limit
     * @param bytes their size in bytes
     * @return false, with nothing written, where this is not possible or not worth it
     */
    private boolean writeInPlace(Buffer values, long bytes) throws IOException {
        if (file == null || bytes < MIN_ARRAY_WRITE) {
            return false;
        }
        ArrayToFile arrays = file.arrays();
        if (arrays == null) {
            return false;
        }
        flush();
        SeekableByteChannel target = file.channel();
        long at = target.position();
        arrays.write(at, values);
        target.position(at + bytes);
        return true;
    }

    private void flush() throws IOException {
        buffer.flip();
        emit(buffer);
        buffer.clear();
    }

    /** Writes all remaining bytes: a stream takes heap arrays whole, a channel bounded slices. */
    private void emit(ByteBuffer data) throws IOException {
        if (stream != null) {
            stream.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            data.position(data.limit());
            return;
        }
        while (data.hasRemaining()) {
            ByteBuffer slice = data;
            if (!data.isDirect() && data.remaining() > MAX_CHANNEL_WRITE) {
                slice = data.slice(data.position(), MAX_CHANNEL_WRITE);
            }
            int n = channel.write(slice);
            if (slice != data) {
                data.position(data.position() + n);
            }
        }
    }

    /** Patches the row count of a growing writer into its preamble, which keeps its length. */
    private void finishRows() throws IOException {
        if (written % rowSize != 0) {
            throw new NpyException(written + " elements are not whole rows of " + rowSize);
        }
        flush();
        long[] shape = header.shape();
        shape[0] = written / rowSize;
        byte[] preamble = NpyHeader.of(header.dtype(), shape).toBytes();
        if (preamble.length != header.dataOffset()) {
            throw new IllegalStateException("the growth padding did not hold the row count " + shape[0]);
        }
        java.nio.channels.SeekableByteChannel target = (java.nio.channels.SeekableByteChannel) channel;
        long end = target.position();
        target.position(preambleAt);
        emit(ByteBuffer.wrap(preamble));
        target.position(end);
    }

    /**
     * Finishes the stream. For a {@link Path} target the file is moved into place only if exactly
     * the shape's element count was written; otherwise the previous file is left untouched.
     *
     * @throws NpyShapeException if fewer elements than the shape holds were written
     * @throws IOException if the target fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rowSize > 0) {
                finishRows();
            } else if (written != count) {
                throw new NpyShapeException("shape " + header.shapeString() + " holds " + count + " elements; only "
                        + written + " were written, so the array is incomplete");
            } else {
                flush();
            }
            if (file != null) {
                file.commit();
            }
        } finally {
            if (file != null) {
                file.close();
            } else if (closeChannel && stream != null) {
                stream.close();
            } else if (closeChannel) {
                channel.close();
            }
        }
    }
}
