package org.npyfile.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only memory-mapped region of a file of any size, read at long byte offsets.
 *
 * <p>This Java 17 implementation maps windows of at most 1 GiB whose sizes are multiples of the
 * element size, so that no element straddles two windows, and unmaps them on {@link #close()}
 * through {@link Unmapper}. On Java 22 and later the multi-release jar replaces this class with
 * one mapping a single {@code MemorySegment} in a shared {@code Arena}.
 *
 * <p>Reads may run concurrently; {@link #close()} must not run concurrently with them.
 */
public final class Mapping implements AutoCloseable {

    /** Largest window: a MappedByteBuffer is int-indexed. */
    private static final long MAX_WINDOW = 1L << 30;

    private final ByteBuffer[] windows;
    private final long windowBytes;
    private final long size;
    private volatile boolean closed;

    private Mapping(ByteBuffer[] windows, long windowBytes, long size) {
        this.windows = windows;
        this.windowBytes = windowBytes;
        this.size = size;
    }

    /**
     * Maps {@code size} bytes of a file from {@code position}.
     *
     * @param channel the file; it may be closed after this call
     * @param position where the region starts in the file
     * @param size the region's length
     * @param elementSize the size of the elements the region holds, so that none straddles windows
     * @param order the byte order of multi-byte reads
     * @return the mapping
     * @throws IOException if mapping fails
     */
    public static Mapping map(FileChannel channel, long position, long size, int elementSize, ByteOrder order)
            throws IOException {
        long windowBytes = Math.max(1, MAX_WINDOW / Math.max(1, elementSize)) * Math.max(1, elementSize);
        int count = (int) ((size + windowBytes - 1) / windowBytes);
        ByteBuffer[] windows = new ByteBuffer[count];
        try {
            for (int w = 0; w < count; w++) {
                long start = w * windowBytes;
                long length = Math.min(windowBytes, size - start);
                MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, position + start, length);
                windows[w] = mapped.order(order);
            }
        } catch (IOException | RuntimeException e) {
            for (ByteBuffer b : windows) {
                Unmapper.unmap(b);
            }
            throw e;
        }
        return new Mapping(windows, windowBytes, size);
    }

    /** @return the region's length in bytes */
    public long size() {
        return size;
    }

    /**
     * The whole region as one buffer, for regions of at most 1 GiB (a reader's window).
     *
     * @return a read-only view in the mapping's byte order, valid until {@link #close()}
     * @throws IllegalStateException if the region spans several windows
     */
    public ByteBuffer buffer() {
        if (windows.length > 1) {
            throw new IllegalStateException("a region of " + size + " bytes does not fit one buffer");
        }
        return windows.length == 0 ? ByteBuffer.allocate(0) : window(0).duplicate().order(windows[0].order());
    }

    private ByteBuffer window(long offset) {
        if (closed) {
            throw new IllegalStateException("the mapping is closed");
        }
        return windows[(int) (offset / windowBytes)];
    }

    private int at(long offset) {
        return (int) (offset % windowBytes);
    }

    /** @param offset byte offset in the region @return the byte there */
    public byte getByte(long offset) {
        return window(offset).get(at(offset));
    }

    /** @param offset byte offset in the region @return the 16-bit value there */
    public short getShort(long offset) {
        return window(offset).getShort(at(offset));
    }

    /** @param offset byte offset in the region @return the 32-bit value there */
    public int getInt(long offset) {
        return window(offset).getInt(at(offset));
    }

    /** @param offset byte offset in the region @return the 64-bit value there */
    public long getLong(long offset) {
        return window(offset).getLong(at(offset));
    }

    /** @param offset byte offset in the region @return the float there */
    public float getFloat(long offset) {
        return window(offset).getFloat(at(offset));
    }

    /** @param offset byte offset in the region @return the double there */
    public double getDouble(long offset) {
        return window(offset).getDouble(at(offset));
    }

    /**
     * Copies bytes into a buffer, across windows as needed.
     *
     * @param offset byte offset in the region
     * @param dst the destination, filled from its position to its limit
     */
    public void copy(long offset, ByteBuffer dst) {
        long o = offset;
        while (dst.hasRemaining()) {
            ByteBuffer w = window(o).duplicate();
            int start = at(o);
            int n = Math.min(dst.remaining(), w.capacity() - start);
            w.limit(start + n).position(start);
            dst.put(w);
            o += n;
        }
    }

    /**
     * A read-only view of part of one window, in the mapping's byte order, for bulk typed copies;
     * the range must not cross a window boundary (a range within {@link #span(long, long)} does not).
     */
    private ByteBuffer view(long offset, int bytes) {
        ByteBuffer w = window(offset).duplicate().order(windows[0].order());
        int start = at(offset);
        return w.limit(start + bytes).position(start);
    }

    /** How many bytes from {@code offset} (at most {@code bytes}) lie in the same window. */
    private int span(long offset, long bytes) {
        return (int) Math.min(bytes, windowBytes - offset % windowBytes);
    }

    /** A bulk get from a window's view into the destination array, at a destination index. */
    private interface Bulk {
        void get(ByteBuffer view, int index, int count);
    }

    /** Copies {@code len} scalars of {@code scalar} bytes, window by window. */
    private void copy(long offset, int len, int scalar, Bulk bulk) {
        long o = offset;
        int done = 0;
        while (done < len) {
            int n = span(o, (long) (len - done) * scalar) / scalar;
            bulk.get(view(o, n * scalar), done, n);
            done += n;
            o += (long) n * scalar;
        }
    }

    /**
     * Copies 16-bit values.
     *
     * @param offset byte offset in the region
     * @param dst the destination
     * @param off first index in dst
     * @param len values to copy
     */
    public void copy(long offset, short[] dst, int off, int len) {
        copy(offset, len, 2, (view, i, n) -> view.asShortBuffer().get(dst, off + i, n));
    }

    /**
     * Copies 32-bit values.
     *
     * @param offset byte offset in the region
     * @param dst the destination
     * @param off first index in dst
     * @param len values to copy
     */
    public void copy(long offset, int[] dst, int off, int len) {
        copy(offset, len, 4, (view, i, n) -> view.asIntBuffer().get(dst, off + i, n));
    }

    /**
     * Copies 64-bit values.
     *
     * @param offset byte offset in the region
     * @param dst the destination
     * @param off first index in dst
     * @param len values to copy
     */
    public void copy(long offset, long[] dst, int off, int len) {
        copy(offset, len, 8, (view, i, n) -> view.asLongBuffer().get(dst, off + i, n));
    }

    /**
     * Copies floats.
     *
     * @param offset byte offset in the region
     * @param dst the destination
     * @param off first index in dst
     * @param len values to copy
     */
    public void copy(long offset, float[] dst, int off, int len) {
        copy(offset, len, 4, (view, i, n) -> view.asFloatBuffer().get(dst, off + i, n));
    }

    /**
     * Copies doubles.
     *
     * @param offset byte offset in the region
     * @param dst the destination
     * @param off first index in dst
     * @param len values to copy
     */
    public void copy(long offset, double[] dst, int off, int len) {
        copy(offset, len, 8, (view, i, n) -> view.asDoubleBuffer().get(dst, off + i, n));
    }

    /** Unmaps every window now; later reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ByteBuffer w : windows) {
            Unmapper.unmap(w);
        }
    }
}
