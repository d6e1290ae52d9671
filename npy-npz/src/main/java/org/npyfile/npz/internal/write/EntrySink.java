package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.npyfile.NpyException;
import org.npyfile.npz.internal.zip.DataDescriptor;
import org.npyfile.npz.internal.zip.LocalHeader;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * One entry's bytes on their way into the archive: counted, folded into a CRC-32 and, for a deflated
 * entry, compressed. Closing it ends the entry: with exactly the announced length written it patches
 * the local header or writes the data descriptor; with fewer it only marks the archive as failed
 * (the npy writer closing it has already reported why).
 */
public final class EntrySink implements WritableByteChannel {

    /** Output buffer for DEFLATE. */
    private static final int BUFFER_BYTES = 1 << 16;

    private static final byte[] NO_INPUT = new byte[0];

    private final ZipWriter writer;
    private final String name;
    private final byte[] encodedName;
    private final int flags;
    private final int method;
    private final long offset;
    private final long expected;
    private final long knownCrc;
    private final Deflater deflater;
    private final byte[] buffer;
    private final CRC32 crc = new CRC32();
    private long size;
    private long compressed;
    private boolean closed;
    private boolean failed;

    EntrySink(ZipWriter writer, String name, byte[] encodedName, int flags, int method, long offset, long expected,
              long knownCrc, int level) {
        this.writer = writer;
        this.name = name;
        this.encodedName = encodedName;
        this.flags = flags;
        this.method = method;
        this.offset = offset;
        this.expected = expected;
        this.knownCrc = knownCrc;
        this.deflater = method == ZipFormat.METHOD_DEFLATED ? new Deflater(level, true) : null;
        this.buffer = method == ZipFormat.METHOD_DEFLATED ? new byte[BUFFER_BYTES] : null;
    }

    /** @return the entry's name */
    public String name() {
        return name;
    }

    /** @return whether the entry was ended */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (failed) {
            throw new IOException("entry '" + name + "' failed earlier and takes no more bytes");
        }
        int n = src.remaining();
        try {
            if (size + n > expected) {
                throw new NpyException("entry '" + name + "' announced " + expected + " bytes; " + (size + n)
                        + " would exceed that");
            }
            int start = src.position();
            crc.update(src);
            src.position(start);
            size += n;
            if (deflater == null) {
                writer.write(src);
                compressed += n;
            } else {
                deflater.setInput(src);
                while (!deflater.needsInput()) {
                    drain();
                }
                // the deflater keeps a reference to src, which its owner refills: let go of it
                deflater.setInput(NO_INPUT);
            }
            return n;
        } catch (IOException | RuntimeException e) {
            writer.fail("writing entry '" + name + "' failed", e);
            failed = true;
            release();
            throw e;
        }
    }

    private void drain() throws IOException {
        int k = deflater.deflate(buffer);
        if (k > 0) {
            writer.write(ByteBuffer.wrap(buffer, 0, k));
            compressed += k;
        }
    }

    /**
     * Ends the entry.
     *
     * @throws IOException if the target fails while the entry is completed
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (size != expected) {
            writer.fail("entry '" + name + "' is incomplete: " + size + " of its " + expected + " bytes were written",
                    null);
            release();
            return;
        }
        try {
            if (deflater != null) {
                deflater.finish();
                while (!deflater.finished()) {
                    drain();
                }
            }
            long value = crc.getValue();
            if (knownCrc >= 0 && knownCrc != value) {
                throw new NpyException("entry '" + name + "' changed while it was written: CRC-32 "
                        + ZipFormat.crcText(knownCrc) + " before, " + ZipFormat.crcText(value) + " now");
            }
            ArchiveTarget out = writer.out();
            if ((flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0) {
                out.write(DataDescriptor.write(value, compressed, size));
            } else if (knownCrc < 0) {
                out.writeAt(offset, LocalHeader.write(encodedName, flags, method, value, compressed, size));
            }
            writer.entryDone(new ZipWriter.Written(encodedName, flags, method, value, compressed, size, offset));
        } catch (IOException | RuntimeException e) {
            writer.fail("completing entry '" + name + "' failed", e);
            throw e;
        } finally {
            release();
        }
    }

    private void release() {
        if (deflater != null) {
            deflater.end();
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }
}
