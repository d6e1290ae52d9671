package org.npyfile.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.npyfile.NpyHeader;

/**
 * A file's array data through mapped windows of whole elements: one copy from the page cache to
 * the caller, no staging. Each window is unmapped as soon as the next one is mapped, so memory and
 * address space stay bounded for files of any size.
 */
final class MappedData implements ElementData {

    /** Window size: large enough for bulk copies, small enough to keep address space bounded. */
    static final int WINDOW_BYTES = 1 << 26;

    private final Source.FileRegion file;
    private final NpyHeader header;
    private final int itemSize;
    private final long dataBytes;
    /** Data offset of the current window's byte 0. */
    private long windowStart;
    private ByteBuffer window;
    private Mapping mapping;

    MappedData(Source.FileRegion file, NpyHeader header) {
        this.file = file;
        this.header = header;
        this.itemSize = Math.max(1, header.dtype().itemSize());
        this.dataBytes = header.dataBytes();
    }

    private long offset() {
        return window == null ? windowStart : windowStart + window.position();
    }

    @Override
    public ByteBuffer next(int min) throws IOException {
        if (window != null && window.remaining() >= min) {
            return window;
        }
        long start = offset();
        int elementsPerWindow = Math.max(1, WINDOW_BYTES / itemSize);
        long bytes = Math.min(dataBytes - start, (long) elementsPerWindow * itemSize);
        release();
        Mapping next = file.map(header.dataOffset() + start, bytes, itemSize, header.dtype().byteOrder());
        if (next == null) {
            long found = start + file.available(header.dataOffset() + start);
            throw ElementData.shortData(header, header.dataOffset() + found, found);
        }
        mapping = next;
        window = next.buffer();
        windowStart = start;
        if (window.remaining() < min) {
            throw new IllegalStateException("asked for " + min + " bytes, the array has " + window.remaining() + " left");
        }
        return window;
    }

    @Override
    public ByteBuffer readNew(int size) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(size).order(header.dtype().byteOrder());
        while (out.hasRemaining()) {
            ByteBuffer w = next(Math.min(itemSize, out.remaining()));
            ByteBuffer part = w.duplicate();
            part.limit(part.position() + Math.min(part.remaining(), out.remaining()));
            out.put(part);
            w.position(part.position());
        }
        return out.flip();
    }

    @Override
    public void seek(long offset) {
        release();
        windowStart = offset;
    }

    @Override
    public boolean seekable() {
        return true;
    }

    private void release() {
        if (mapping != null) {
            windowStart = offset();
            mapping.close();
            mapping = null;
            window = null;
        }
    }

    @Override
    public void close() {
        release();
    }
}
