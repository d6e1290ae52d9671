package org.npyfile.npz;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.npyfile.NpyArray;
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
 * try (NpzInputStream npz = Npz.stream(in)) {
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
 * <p>An entry that is not an npy stream (numpy would return its raw bytes) is reported by
 * {@link #isNpy()}; {@link #reader()} refuses it. It is skipped by {@link #nextEntry()} if its end can
 * be found, that is unless it is stored with a data descriptor, which fails with
 * {@link NpzFormatException}.
 *
 * <p>Entries must follow one another without gaps and the archive must start at the stream's first
 * byte, as every ZIP writer lays them out (numpy's included); bytes a random-access reader would skip
 * are refused here. Not thread-safe. The stream may be read ahead past the archive's end by up to one
 * buffer (64 KiB).
 */
public final class NpzInputStream implements AutoCloseable {

    private final ArchiveWalk walk;
    private final NpzLimits limits;
    private ArchiveWalk.Current current;

    private NpzInputStream(InputStream in, NpzLimits limits) {
        this.walk = new ArchiveWalk(in, limits);
        this.limits = limits;
    }

    /**
     * Reads an archive with the default limits.
     *
     * @param in the stream, at the archive's first byte; closed with this reader
     * @return the reader, before the first entry
     */
    public static NpzInputStream of(InputStream in) {
        return of(in, NpzLimits.DEFAULT);
    }

    /**
     * Reads an archive with other per-entry limits.
     *
     * @param in the stream, at the archive's first byte; closed with this reader
     * @param limits the bounds for each entry's npy header and array
     * @return the reader, before the first entry
     */
    public static NpzInputStream of(InputStream in, NpyLimits limits) {
        return of(in, NpzLimits.of(limits));
    }

    /**
     * Reads an archive.
     *
     * @param in the stream, at the archive's first byte; closed with this reader
     * @param limits the bounds to enforce
     * @return the reader, before the first entry
     */
    public static NpzInputStream of(InputStream in, NpzLimits limits) {
        return new NpzInputStream(Objects.requireNonNull(in, "in"), Objects.requireNonNull(limits, "limits"));
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
        current = walk.next();
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
        return NpyEntries.isNpy(c.bytes().peek(NpyEntries.magicLength()));
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
        return reader().header();
    }

    /**
     * The current entry as an npy stream. Every call for one entry returns the same reader; closing it
     * does not close the archive. The CRC-32 and sizes are checked when its last element is read.
     *
     * @return the reader, forward-only
     * @throws IllegalStateException if there is no current entry
     * @throws NpzFormatException if the entry is not an npy stream, its header is malformed, or it
     *     implies another size than the local header declares
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the stream fails
     */
    public NpyReader reader() throws IOException {
        ArchiveWalk.Current c = require();
        if (c.reader() == null) {
            c.reader(NpyEntries.open(c.entry().name(), c.bytes(), limits.npy()));
        }
        return c.reader();
    }

    /**
     * Reads the rest of the current entry into memory, checking its CRC-32.
     *
     * @return the array, whole if nothing was read from it before
     * @throws IllegalStateException if there is no current entry
     * @throws NpzFormatException if the entry is not an npy stream, is malformed or fails its checks
     * @throws NpyLimitException if the header or array exceeds the limits
     * @throws IOException if the stream fails
     */
    public NpyArray read() throws IOException {
        NpyReader reader = reader();
        try {
            return reader.readAll();
        } catch (IOException e) {
            throw NpyEntries.named(current.entry().name(), e);
        }
    }

    /**
     * Closes the stream; the current entry's reader stops working.
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
}
