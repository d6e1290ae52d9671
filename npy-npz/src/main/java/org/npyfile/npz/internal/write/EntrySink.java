package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import org.npyfile.NpyException;
import org.npyfile.npz.internal.zip.DataDescriptor;
import org.npyfile.npz.internal.zip.LocalHeader;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * One entry being written into the archive, as its bytes come: encoded by an {@link EntryEncoder}
 * straight into the target, never more than the announced length. Closing it ends the entry: with
 * exactly the announced length written it patches the local header or writes the data descriptor;
 * with fewer it only marks the archive as failed (the npy writer closing it has already reported why).
 */
public final class EntrySink implements WritableByteChannel {

    private final ZipWriter writer;
    private final String name;
    private final byte[] encodedName;
    private final int flags;
    private final int method;
    private final long offset;
    private final long expected;
    private final long knownCrc;
    private final EntryEncoder encoder;
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
        this.encoder = new EntryEncoder(method, level, writer::write);
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
            if (encoder.size() + n > expected) {
                throw new NpyException("entry '" + name + "' announced " + expected + " bytes; "
                        + (encoder.size() + n) + " would exceed that");
            }
            return encoder.write(src);
        } catch (IOException | RuntimeException e) {
            writer.fail("writing entry '" + name + "' failed", e);
            failed = true;
            encoder.release();
            throw e;
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
        long size = encoder.size();
        if (size != expected) {
            writer.fail("entry '" + name + "' is incomplete: " + size + " of its " + expected + " bytes were written",
                    null);
            encoder.release();
            return;
        }
        try {
            encoder.close();
            long value = encoder.crc();
            long compressed = encoder.compressedSize();
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
            encoder.release();
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }
}
