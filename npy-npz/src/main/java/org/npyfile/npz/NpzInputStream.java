package org.npyfile.npz;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.npz.internal.read.NpyEntries;
import org.npyfile.npz.internal.read.ArchiveWalk;

/**
 * Reads an {@code .npz} archive front to back from any {@link InputStream} (a socket, a pipe, an HTTP
 * body): each entry is handed out, as an {@link NpyReader}, before the next one is touched, with memory
 * bounded by a buffer size, never by an entry's size.
 *
 * <pre>{@code
 * try (NpzInputStream npz = NpzInputStream.of(in)) {
 *     NpzEntry entry;
 *     while ((entry = npz.nextEntry()) != null) {
 *         try (NpyReader r = npz.reader()) {
 *             ... r.header(), r.read(chunk, 0, chunk.length) ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Reads archives numpy wrote to a pipe, where every entry, stored ones included, has its CRC and
 * sizes in a data descriptor after its data: a stored entry's end is then found from its npy header
 * (header plus data size), after which the descriptor must match. An entry's CRC-32 and sizes are
 * checked when its last byte has been read (by the caller, or by {@link #nextEntry()} skipping the
 * rest). When the last entry is done, {@link #nextEntry()} checks the central directory against the
 * entries the stream held (names, methods, CRCs, sizes, offsets) and the end record, so a stream
 * yields exactly what {@link NpzFile} would, or fails.
 *
 * <p>Headers of every dtype numpy writes are read. An object array's pickle is decoded by
 * {@link #read()} only when the limits allow objects ({@code NpzLimits.of(NpyLimits.DEFAULT
 * .withObjectArrays(true))}), and only where the entry's end is known before its data: a deflated
 * entry, or one whose local header declares its sizes (not a stored entry numpy wrote to a pipe,
 * whose sizes follow it).
 *
 * <p>An entry that is not an npy stream (numpy would return its raw bytes) is reported by
 * {@link #isNpy()}; {@link #reader()} refuses it. It is skipped by {@link #nextEntry()} if its end can
 * be found, that is unless it is stored with a data descriptor, which fails with
 * {@link NpzFormatException}.
 *
 * <p>Entries must follow one another without gaps and the archive must start at the stream's first
 * byte, as every ZIP writer lays them out (numpy's included); bytes a random-access reader would skip
 * are refused here. Not thread-safe. The stream may be read ahead past the archive's end by up to one
 * buffer (64 KiB). The stream is closed when this reader closes (see the package description).
 */
public final class NpzInputStream implements AutoCloseable {

    private final ArchiveWalk walk;
    private final NpzLimits limits;
    private ArchiveWalk.Current current;
    /** The archive's name in failures, from {@link #named(String)}; may be null. */
    private String file;

    private NpzInputStream(InputStream in, NpzLimits limits) {
        this.walk = new ArchiveWalk(in, limits);
        this.limits = limits;
    }

    /**
     * Reads an archive with the default limits, {@link NpzLimits#DEFAULT}.
     *
     * @param in the stream, at the archive's first byte; closed when this reader closes
     * @return the reader, before the first entry
     */
    public static NpzInputStream of(InputStream in) {
        return of(in, NpzLimits.DEFAULT);
    }

    /**
     * Reads an archive. For other per-entry limits (object arrays allowed, a longer header) pass
     * {@link NpzLimits#of(NpyLimits)}.
     *
     * @param in the stream, at the archive's first byte; closed when this reader closes
     * @param limits the bounds to enforce
     * @return the reader, before the first entry
     */
    public static NpzInputStream of(InputStream in, NpzLimits limits) {
        return new NpzInputStream(Objects.requireNonNull(in, "in"), Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Reads an archive from a stream that stays the caller's: closing this reader leaves it open. For
     * the one-shot {@link Npz#read(InputStream, NpzLimits)}.
     *
     * @param in the caller's stream, at the archive's first byte
     * @param limits the bounds to enforce
     * @return the reader, before the first entry
     */
    static NpzInputStream borrowing(InputStream in, NpzLimits limits) {
        return of(new BorrowedStream(Objects.requireNonNull(in, "in")), limits);
    }

    /**
     * Names the archive in every exception this reader throws from now on, and in the names of the
     * readers it hands out ({@code name:x.npy}): a path, a URI, whatever tells the stream's source.
     *
     * @param name how to name the archive
     * @return this reader
     */
    public NpzInputStream named(String name) {
        this.file = name;
        return this;
    }

    /**
     * Moves to the next entry. What the caller left unread of the current entry is read and checked
     * first; its reader is no longer usable.
     *
     * @return the next entry as its local header describes it (sizes and CRC -1 when they follow in a
     *     data descriptor), or null after the last one, once the central directory checked out
     * @throws NpzFormatException if the archive is malformed, an entry fails its CRC-32 or sizes, or a
     *     stored entry with a data descriptor is not an npy stream (its end cannot be found)
     * @throws NpyLimitException if the archive exceeds the limits
     * @throws IOException if the stream fails
     */
    public NpzEntry nextEntry() throws IOException {
        try {
            current = walk.next();
        } catch (NpyException e) {
            throw e.withFile(file);
        }
        return current == null ? null : current.entry();
    }

    /**
     * The entry {@link #nextEntry()} moved to.
     *
     * @return the entry, or null before the first and after the last
     */
    public NpzEntry entry() {
        return current == null ? null : current.entry();
    }

    /**
     * Whether the current entry is an npy stream, by its first bytes as numpy decides (the magic
     * {@code \x93NUMPY}); reads at most those bytes.
     *
     * @return whether {@link #reader()} can read it
     * @throws IllegalStateException if there is no current entry
     * @throws NpzFormatException if its first bytes cannot be read
     * @throws IOException if the stream fails
     */
    public boolean isNpy() throws IOException {
        ArchiveWalk.Current c = require();
        if (c.reader() != null) {
            return true;
        }
        try {
            return NpyEntries.isNpy(c.bytes().peek(NpyEntries.magicLength()));
        } catch (NpyException e) {
            throw e.withFile(file);
        }
    }

    /**
     * The current entry's npy header.
     *
     * @return the header
     * @throws IllegalStateException if there is no current entry
     * @throws NpzFormatException if the entry is not an npy stream, its header is malformed, or it
     *     implies another size than the local header declares
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the stream fails
     */
    public NpyHeader header() throws IOException {
        return entryReader().header();
    }

    /**
     * The current entry as an npy stream. Every call for one entry returns the same reader; closing it
     * does not close the archive. The CRC-32 and sizes are checked when its last element is read. The
     * reader names itself in its failures by the entry's ZIP name ({@code "x.npy"}), after the
     * archive's name if the stream was {@linkplain #named named}.
     *
     * @return the reader, forward-only
     * @throws IllegalStateException if there is no current entry
     * @throws NpzFormatException if the entry is not an npy stream, its header is malformed, or it
     *     implies another size than the local header declares
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the stream fails
     */
    public NpyReader reader() throws IOException {
        NpyReader reader = entryReader();
        String entry = current.entry().name();
        return reader.named(file == null ? entry : file + ":" + entry);
    }

    /** The current entry's reader, made once; named only once it is handed out. */
    private NpyReader entryReader() throws IOException {
        ArchiveWalk.Current c = require();
        if (c.reader() == null) {
            try {
                c.reader(NpyEntries.open(c.entry().name(), c.bytes(), limits.npy()));
            } catch (NpyException e) {
                throw e.withFile(file);
            }
        }
        return c.reader();
    }

    /**
     * Reads the rest of the current entry into memory, checking its CRC-32. An object array is
     * decoded only if the limits allow it.
     *
     * @return the array, whole if nothing was read from it before
     * @throws IllegalStateException if there is no current entry
     * @throws NpzFormatException if the entry is not an npy stream, is malformed or fails its checks
     * @throws NpyLimitException if the header or array exceeds the limits or the heap, or the entry
     *     holds objects and the limits do not allow them
     * @throws IOException if the stream fails
     */
    public NpyArray read() throws IOException {
        NpyReader reader = entryReader();
        try {
            return reader.readAll();
        } catch (IOException e) {
            IOException named = NpyEntries.named(current.entry().name(), e);
            throw named instanceof NpyException n ? n.withFile(file) : named;
        }
    }

    /**
     * Closes the stream this reader was made with; the current entry's reader stops working.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        walk.close();
    }

    private ArchiveWalk.Current require() {
        if (current == null) {
            throw new IllegalStateException("no current entry: call nextEntry() first (or the archive has ended)");
        }
        return current;
    }

    /** The caller's stream, which a one-shot borrows: closing the reader leaves it open. */
    private static final class BorrowedStream extends FilterInputStream {
        BorrowedStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the stream is the caller's
        }
    }
}
