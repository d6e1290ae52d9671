package org.npyfile.internal;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;

/**
 * Array data from a file, a stream or a channel, through one staging buffer sized once: bulk reads
 * into it, bulk copies out of it. Never reads a byte past the data, so a stream holding several arrays
 * stays positioned at the next one.
 */
final class StagedData implements ElementData {

    /** Staging buffer size for streams: large enough for bulk copies, small enough to keep memory flat. */
    static final int BUFFER_BYTES = 1 << 22;

    /**
     * Staging buffer size for files, read positionally into a direct buffer: small enough to stay
     * in the CPU's cache between the kernel's copy into it and ours out of it, so the data crosses
     * memory once, as with numpy's {@code read(2)} into the array. Measured on 1 GiB of
     * {@code <f4} (warm page cache, Java 17): 256 KiB 5.0-5.2 GB/s, 1 MiB 4.4-4.9, 4 MiB 3.5-5.0;
     * 64 MiB memory-mapped windows, which this replaced, 1.5-1.6 at the same time, as this
     * machine's page faults were slow, and never faster than numpy's {@code read(2)}.
     */
    static final int FILE_BUFFER_BYTES = 1 << 18;

    /** Reads from streams of unknown length grow their buffer from here, so a lying header costs little. */
    static final int FIRST_ALLOCATION = 1 << 20;

    /** The most bytes one element takes in a typed read (a complex128); strings never stage whole. */
    private static final int LARGEST_TYPED_ELEMENT = 16;

    private final Source source;
    private final NpyHeader header;
    private final long dataBytes;
    /** Data bytes not yet pulled from the source. */
    private long unpulled;
    /** Pulled but not handed out; in read mode. Created on first use. */
    private ByteBuffer staging;

    StagedData(Source source, NpyHeader header) {
        this.source = source;
        this.header = header;
        this.dataBytes = header.dataBytes();
        this.unpulled = dataBytes;
    }

    @Override
    public ByteBuffer next(int min) throws IOException {
        if (staging == null) {
            // Typed reads need one whole element; never size this from a string's item size.
            int buffer = source instanceof Source.FileRegion ? FILE_BUFFER_BYTES : BUFFER_BYTES;
            int capacity = (int) Math.max(LARGEST_TYPED_ELEMENT, Math.min(buffer, dataBytes));
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

    @Override
    public ByteBuffer readNew(int size) throws IOException {
        // Bytes already staged by a typed read or a skip come first; they are data, not a promise.
        int carried = staging == null ? 0 : Math.min(staging.remaining(), size);
        // Where the source cannot vouch for the size, grow with the data instead of trusting the header.
        boolean vouched = source.size() >= 0 || size <= Math.max(FIRST_ALLOCATION, carried);
        ByteBuffer out = ByteBuffer.allocate(vouched ? size : Math.max(FIRST_ALLOCATION, carried));
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
        return out.flip().order(header.dtype().byteOrder());
    }

    @Override
    public boolean readDirect(Buffer values, long bytes) throws IOException {
        if (!(source instanceof Source.FileRegion file) || staging != null && staging.hasRemaining()) {
            return false;
        }
        long offset = dataBytes - unpulled;
        if (bytes > unpulled) {
            throw new IllegalStateException("asked for " + bytes + " bytes, the array has " + unpulled + " left");
        }
        long got = file.readDirect(header.dataOffset() + offset, values);
        if (got < 0) {
            return false;
        }
        if (got < bytes) {
            throw ElementData.shortData(header, header.dataOffset() + offset + got, offset + got);
        }
        seek(offset + got);
        return true;
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
        long pulledBytes = dataBytes - unpulled;
        return ElementData.shortData(header, header.dataOffset() + pulledBytes, pulledBytes);
    }

    @Override
    public void seek(long offset) throws IOException {
        if (source.seekable()) {
            source.seek(header.dataOffset() + offset);
            unpulled = dataBytes - offset;
            if (staging != null) {
                staging.clear().flip();
            }
            return;
        }
        long current = dataBytes - unpulled - (staging == null ? 0 : staging.remaining());
        if (offset < current) {
            throw new UnsupportedOperationException("cannot move back: the source is not seekable");
        }
        long bytes = offset - current;
        while (bytes > 0) {
            ByteBuffer buffer = next(1);
            int k = (int) Math.min(bytes, buffer.remaining());
            buffer.position(buffer.position() + k);
            bytes -= k;
        }
    }

    @Override
    public boolean seekable() {
        return source.seekable();
    }

    @Override
    public void close() {
        // the reader closes the source
    }
}
