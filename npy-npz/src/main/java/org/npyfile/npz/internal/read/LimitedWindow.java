package org.npyfile.npz.internal.read;

import java.io.IOException;

/** At most a given number of bytes of another window: an entry's declared compressed size. */
public final class LimitedWindow implements ByteWindow {

    private final ByteWindow inner;
    private long left;

    /**
     * Limits a window.
     *
     * @param inner the window to read from
     * @param limit the most bytes to hand out
     */
    public LimitedWindow(ByteWindow inner, long limit) {
        this.inner = inner;
        this.left = limit;
    }

    @Override
    public boolean fill() throws IOException {
        return left > 0 && inner.fill();
    }

    @Override
    public byte[] array() {
        return inner.array();
    }

    @Override
    public int offset() {
        return inner.offset();
    }

    @Override
    public int available() {
        return (int) Math.min(inner.available(), left);
    }

    @Override
    public void consume(int n) {
        inner.consume(n);
        left -= n;
    }

    @Override
    public long position() {
        return inner.position();
    }
}
