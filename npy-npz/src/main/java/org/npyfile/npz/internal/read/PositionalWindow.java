package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A region of a random-access archive read through a small buffer with positional reads. */
public final class PositionalWindow implements ByteWindow {

    /** Large enough to keep the inflater busy, small enough for many entries read at once. */
    public static final int BUFFER_BYTES = 1 << 16;

    private final RandomAccessArchive input;
    private final byte[] buffer;
    private long next;
    private final long end;
    private int first;
    private int last;

    /**
     * A region.
     *
     * @param input the archive
     * @param start the archive offset of the first byte
     * @param length the region's length
     */
    public PositionalWindow(RandomAccessArchive input, long start, long length) {
        this.input = input;
        this.next = start;
        this.end = start + length;
        this.buffer = new byte[(int) Math.max(1, Math.min(BUFFER_BYTES, length))];
    }

    @Override
    public boolean fill() throws IOException {
        if (first < last) {
            return true;
        }
        long unread = end - next;
        if (unread <= 0) {
            return false;
        }
        ByteBuffer dst = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, unread));
        int n = input.read(next, dst);
        if (n <= 0) {
            return false;
        }
        first = 0;
        last = n;
        return true;
    }

    @Override
    public byte[] array() {
        return buffer;
    }

    @Override
    public int offset() {
        return first;
    }

    @Override
    public int available() {
        return last - first;
    }

    @Override
    public void consume(int n) {
        first += n;
        next += n;
    }

    @Override
    public long position() {
        return next;
    }
}
