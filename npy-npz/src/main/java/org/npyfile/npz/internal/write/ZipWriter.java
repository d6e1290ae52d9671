package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.npyfile.NpyException;
import org.npyfile.npz.internal.zip.CentralHeader;
import org.npyfile.npz.internal.zip.EndRecord;
import org.npyfile.npz.internal.zip.LocalHeader;
import org.npyfile.npz.internal.zip.ZipFormat;
import org.npyfile.npz.internal.zip.ZipNames;

/**
 * Writes an archive entry by entry, as CPython's {@code zipfile} does for numpy: a local header, the
 * data, then either the local header patched in place (seekable targets) or a ZIP64 data descriptor
 * (streams); or, when CRC and sizes are known before the data, a complete local header up front. The
 * central directory and end records follow at {@link #finish()}.
 *
 * <p>Any failure after bytes were written poisons the writer: {@link #finish()} then abandons the
 * target (a file target leaves the previous file untouched) and reports the first failure.
 */
public final class ZipWriter {

    /**
     * A finished entry, for the central directory.
     *
     * @param name the encoded name
     * @param flags the general purpose flags
     * @param method 0 or 8
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @param offset the archive offset of its local header
     */
    record Written(byte[] name, int flags, int method, long crc, long compressedSize, long size, long offset) {
    }

    private final ArchiveTarget out;
    private final boolean zip64Always;
    private final int level;
    private final List<Written> central = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private EntrySink open;
    private String failure;
    private Throwable failureCause;
    private boolean done;

    /**
     * A writer.
     *
     * @param out the target
     * @param zip64Always whether the central directory and end record use ZIP64 records throughout
     * @param level the DEFLATE level for deflated entries
     */
    public ZipWriter(ArchiveTarget out, boolean zip64Always, int level) {
        this.out = out;
        this.zip64Always = zip64Always;
        this.level = level;
    }

    /** @return whether local headers can be patched after the data */
    public boolean seekable() {
        return out.seekable();
    }

    /**
     * Checks that an entry can be added now under this name; writes nothing.
     *
     * @param name the entry name
     * @return the encoded name
     * @throws IllegalArgumentException if the name cannot be encoded or is already in the archive
     * @throws IllegalStateException if the writer is closed, failed, or has an entry open
     */
    public ZipNames.Encoded checkName(String name) {
        requireUsable();
        ZipNames.Encoded encoded = ZipNames.encode(name);
        if (names.contains(name)) {
            throw new IllegalArgumentException("the archive already has an entry '" + name + "'");
        }
        return encoded;
    }

    private void requireUsable() {
        if (done) {
            throw new IllegalStateException("the archive writer is closed");
        }
        if (failure != null) {
            throw new IllegalStateException("the archive writer failed earlier (" + failure
                    + "); the archive will not be completed", failureCause);
        }
        if (open != null && !open.isClosed()) {
            throw new IllegalStateException("entry '" + open.name() + "' is still open; close its writer first");
        }
    }

    /**
     * Starts an entry.
     *
     * @param name the entry name
     * @param method 0 or 8
     * @param size the entry's exact length (npy header and data)
     * @param knownCrc the CRC-32 of a stored entry computed beforehand, which lets a stream target
     *     write a complete local header; -1 if unknown
     * @return the channel for the entry's bytes; closing it ends the entry
     * @throws IOException if the local header cannot be written
     */
    public EntrySink begin(String name, int method, long size, long knownCrc) throws IOException {
        ZipNames.Encoded encoded = checkName(name);
        names.add(name);
        boolean deferred = knownCrc < 0 && !out.seekable();
        int flags = encoded.flags() | (deferred ? ZipFormat.FLAG_DATA_DESCRIPTOR : 0);
        try {
            long offset = out.position();
            out.write(knownCrc >= 0
                    ? LocalHeader.write(encoded.bytes(), flags, method, knownCrc, size, size)
                    : LocalHeader.write(encoded.bytes(), flags, method, 0, 0, 0));
            open = new EntrySink(this, name, encoded.bytes(), flags, method, offset, size, knownCrc, level);
            return open;
        } catch (IOException | RuntimeException e) {
            fail("writing the local header of '" + name + "' failed", e);
            throw e;
        }
    }

    /**
     * Writes an entry deflated beforehand, with a complete local header.
     *
     * @param name the entry name
     * @param data the deflated entry
     * @throws IOException if the target fails
     */
    public void writePrecompressed(String name, Precompressed data) throws IOException {
        ZipNames.Encoded encoded = checkName(name);
        names.add(name);
        try {
            long offset = out.position();
            out.write(LocalHeader.write(encoded.bytes(), encoded.flags(), ZipFormat.METHOD_DEFLATED, data.crc(), data.compressedSize(),
                    data.size()));
            data.writeTo(out);
            entryDone(new Written(encoded.bytes(), encoded.flags(), ZipFormat.METHOD_DEFLATED, data.crc(), data.compressedSize(),
                    data.size(), offset));
        } catch (IOException | RuntimeException e) {
            fail("writing entry '" + name + "' failed", e);
            throw e;
        }
    }

    /** @return the target, for an entry's bytes */
    ArchiveTarget out() {
        return out;
    }

    /** Records a finished entry for the central directory. */
    void entryDone(Written entry) {
        central.add(entry);
    }

    /**
     * Marks the archive as failed; the first failure is the one reported.
     *
     * @param reason what failed
     * @param cause the exception, or null
     */
    public void fail(String reason, Throwable cause) {
        if (failure == null) {
            failure = reason;
            failureCause = cause;
        }
    }

    /**
     * Writes the central directory and end records and completes the target; if the writer failed,
     * abandons the target instead.
     *
     * @throws NpyException if the writer failed earlier or an entry is still open: nothing was
     *     completed (a file target is left as it was)
     * @throws IOException if the target fails
     */
    public void finish() throws IOException {
        if (done) {
            return;
        }
        if (open != null && !open.isClosed()) {
            fail("entry '" + open.name() + "' was still open when the archive was closed", null);
        }
        if (failure != null) {
            done = true;
            NpyException e = new NpyException("the archive was not completed: " + failure, failureCause);
            try {
                out.abandon();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        done = true;
        try {
            long start = out.position();
            for (Written w : central) {
                out.write(CentralHeader.write(w.name(), w.flags(), w.method(), w.crc(), w.compressedSize(), w.size(),
                        w.offset(), zip64Always));
            }
            long size = out.position() - start;
            out.write(EndRecord.write(central.size(), size, start, zip64Always));
            out.commit();
        } catch (IOException | RuntimeException e) {
            try {
                out.abandon();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Gives the archive up: a file target is left as it was; a channel or stream is closed as it is.
     *
     * @throws IOException if the target cannot be cleaned up
     */
    public void abandon() throws IOException {
        if (!done) {
            done = true;
            out.abandon();
        }
    }

    /** Writes bytes of the open entry. */
    void write(ByteBuffer src) throws IOException {
        out.write(src);
    }
}
