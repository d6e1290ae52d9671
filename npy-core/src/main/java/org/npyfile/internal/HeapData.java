package org.npyfile.internal;

import java.nio.ByteBuffer;

/** Data that is already in memory: a whole array, for example a Fortran-order one transposed to C order. */
public final class HeapData implements ElementData {

    private final ByteBuffer data;

    /**
     * Serves a buffer's bytes.
     *
     * @param data the whole data, position 0, in the dtype's byte order; not copied
     */
    public HeapData(ByteBuffer data) {
        this.data = data;
    }

    @Override
    public ByteBuffer next(int min) {
        return data;
    }

    @Override
    public ByteBuffer readNew(int size) {
        ByteBuffer part = data.slice(data.position(), size).order(data.order());
        data.position(data.position() + size);
        return ByteBuffer.allocate(size).order(data.order()).put(part).flip();
    }

    @Override
    public void seek(long offset) {
        data.position(Math.toIntExact(offset));
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public void close() {
        // nothing held but memory
    }
}
