package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * An entry's bytes on their way into an archive: counted, folded into a CRC-32 and, for DEFLATE,
 * compressed, with the result handed to an {@link Output}. The one encoding behind {@link EntrySink}
 * (into the archive as the bytes come) and {@link Precompressed} (into memory, on another thread).
 * Closing it flushes the compressor; the counts are final then. Not thread-safe.
 */
final class EntryEncoder implements WritableByteChannel {

    /** Where encoded bytes go. */
    @FunctionalInterface
    interface Output {
        /**
         * Takes encoded bytes.
         *
         * @param encoded the bytes; read all of them now, the buffer is reused
         * @throws IOException if they cannot be written
         */
        void write(ByteBuffer encoded) throws IOException;
    }

    /** DEFLATE's output buffer. */
    private static final int BUFFER_BYTES = 1 << 16;

    private static final byte[] NO_INPUT = new byte[0];

    private final Output out;
    private final Deflater deflater;
    private final byte[] buffer;
    private final CRC32 crc = new CRC32();
    private long size;
    private long compressedSize;
    private boolean open = true;

    /**
     * An encoder.
     *
     * @param method {@link ZipFormat#METHOD_STORED} or {@link ZipFormat#METHOD_DEFLATED}
     * @param level the DEFLATE level
     * @param out where the encoded bytes go
     */
    EntryEncoder(int method, int level, Output out) {
        this.out = out;
        boolean deflated = method == ZipFormat.METHOD_DEFLATED;
        this.deflater = deflated ? new Deflater(level, true) : null;
        this.buffer = deflated ? new byte[BUFFER_BYTES] : null;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int n = src.remaining();
        int start = src.position();
        crc.update(src);
        src.position(start);
        size += n;
        if (deflater == null) {
            out.write(src);
            compressedSize += n;
        } else {
            deflater.setInput(src);
            while (!deflater.needsInput()) {
                drain();
            }
            // the deflater keeps a reference to src, which its owner refills: let go of it
            deflater.setInput(NO_INPUT);
        }
        return n;
    }

    private void drain() throws IOException {
        int k = deflater.deflate(buffer);
        if (k > 0) {
            out.write(ByteBuffer.wrap(buffer, 0, k));
            compressedSize += k;
        }
    }

    /**
     * Flushes the compressor and releases it.
     *
     * @throws IOException if the output fails
     */
    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (deflater != null) {
                deflater.finish();
                while (!deflater.finished()) {
                    drain();
                }
            }
        } finally {
            release();
        }
    }

    /** Gives the compressor's native memory back without flushing it: the entry failed. */
    void release() {
        open = false;
        if (deflater != null) {
            deflater.end();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /**
     * The CRC-32 of the bytes written.
     *
     * @return the CRC-32 so far
     */
    long crc() {
        return crc.getValue();
    }

    /**
     * The bytes written.
     *
     * @return the uncompressed size so far
     */
    long size() {
        return size;
    }

    /**
     * The bytes handed to the output.
     *
     * @return the compressed size so far (final once closed)
     */
    long compressedSize() {
        return compressedSize;
    }
}
