package org.npyfile.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A read-only memory-mapped region of a file of any size, read at long byte offsets.
 *
 * <p>The Java 22+ implementation of the multi-release jar: one {@link MemorySegment} mapped in a
 * shared {@link Arena}, read with {@link MemorySegment#copy} straight into Java arrays. Closing
 * the arena unmaps the file at once; a read after (or racing with) {@link #close()} throws
 * {@link IllegalStateException} instead of touching unmapped memory.
 */
public final class Mapping implements AutoCloseable {

    private final Arena arena;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final MemorySegment segment;
    private final ValueLayout.OfShort shortLayout;
    private final ValueLayout.OfInt intLayout;
    private final ValueLayout.OfLong longLayout;
    private final ValueLayout.OfFloat floatLayout;
    private final ValueLayout.OfDouble doubleLayout;

    private Mapping(Arena arena, MemorySegment segment, ByteOrder order) {
        this.arena = arena;
        this.segment = segment;
        this.shortLayout = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
        this.intLayout = ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
        this.longLayout = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order);
        this.floatLayout = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order);
        this.doubleLayout = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(order);
    }

    /**
     * Maps {@code size} bytes of a file from {@code position}.
     *
     * @param channel the file; it may be closed after this call
     * @param position where the region starts in the file
     * @param size the region's length
     * @param elementSize the size of the elements the region holds (unused: a segment has no windows)
     * @param order the byte order of multi-byte reads
     * @return the mapping
     * @throws IOException if mapping fails
     */
    public static Mapping map(FileChannel channel, long position, long size, int elementSize, ByteOrder order)
            throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = size == 0 ? arena.allocate(0)
                    : channel.map(FileChannel.MapMode.READ_ONLY, position, size, arena);
            return new Mapping(arena, segment, order);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** @return the region's length in bytes */
    public long size() {
        return segment.byteSize();
    }

    /**
     * The whole region as one buffer, for regions of at most 1 GiB (a reader's window).
     *
     * @return a read-only view in the mapping's byte order, valid until {@link #close()}
     * @throws IllegalStateException if the region exceeds what a buffer can hold
     */
    public ByteBuffer buffer() {
        if (segment.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalStateException("a region of " + segment.byteSize() + " bytes does not fit one buffer");
        }
        return segment.asByteBuffer().order(shortLayout.order());
    }

    /** @param offset byte offset in the region @return the byte there */
    public byte getByte(long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset);
    }

    /** @param offset byte offset in the region @return the 16-bit value there */
    public short getShort(long offset) {
        return segment.get(shortLayout, offset);
    }

    /** @param offset byte offset in the region @return the 32-bit value there */
    public int getInt(long offset) {
        return segment.get(intLayout, offset);
    }

    /** @param offset byte offset in the region @return the 64-bit value there */
    public long getLong(long offset) {
        return segment.get(longLayout, offset);
    }

    /** @param offset byte offset in the region @return the float there */
    public float getFloat(long offset) {
        return segment.get(floatLayout, offset);
    }

    /** @param offset byte offset in the region @return the double there */
    public double getDouble(long offset) {
        return segment.get(doubleLayout, offset);
    }

    /**
     * Copies bytes into a buffer.
     *
     * @param offset byte offset in the region
     * @param dst the destination, filled from its position to its limit
     */
    public void copy(long offset, ByteBuffer dst) {
        int n = dst.remaining();
        MemorySegment.copy(segment, offset, MemorySegment.ofBuffer(dst), 0, n);
        dst.position(dst.position() + n);
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
        MemorySegment.copy(segment, shortLayout, offset, dst, off, len);
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
        MemorySegment.copy(segment, intLayout, offset, dst, off, len);
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
        MemorySegment.copy(segment, longLayout, offset, dst, off, len);
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
        MemorySegment.copy(segment, floatLayout, offset, dst, off, len);
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
        MemorySegment.copy(segment, doubleLayout, offset, dst, off, len);
    }

    /** Unmaps the file now; later reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arena.close();
        }
    }
}
