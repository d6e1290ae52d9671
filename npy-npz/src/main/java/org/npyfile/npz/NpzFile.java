package org.npyfile.npz;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.npyfile.MappedNpyArray;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.npz.internal.ParallelWork;
import org.npyfile.npz.internal.read.ArchiveIndex;
import org.npyfile.npz.internal.read.ArchiveIndex.Location;
import org.npyfile.npz.internal.read.EntryOpener;
import org.npyfile.npz.internal.read.NpyEntries;

/**
 * An {@code .npz} archive opened for random access, like numpy's lazy {@code NpzFile}: entries are
 * found through the ZIP central directory and read one at a time, on request.
 *
 * <p>Opening reads the central directory and every local header, and refuses, before any data is
 * read: malformed or truncated archives, encrypted entries, methods other than stored and deflated,
 * duplicate names or keys, local headers that disagree with the central directory (name, method, CRC,
 * sizes), entries that overlap or run past the end of the archive, deflated entries declaring more
 * than DEFLATE can produce from their compressed size, and archives beyond the {@link NpzLimits}.
 *
 * <p>Entries are looked up as numpy does: by ZIP name ({@code "x.npy"}) first, then by key
 * ({@code "x"}). Stored entries are read straight from the archive with positional reads; deflated ones through an inflater that stops at the declared size. Every entry read to its
 * end has its CRC-32 checked, and its npy header must imply exactly the size the ZIP metadata
 * declares. An entry that is not an npy stream (numpy would return its raw bytes) is listed, and
 * {@link #isNpy(String)} tells it apart; reading it as an array throws {@link NpzFormatException}.
 *
 * <p>Safe for concurrent use: several threads may read different entries (or the same one) at once;
 * each {@link NpyReader} handed out belongs to one thread. Closing the archive closes its channel.
 */
public final class NpzFile implements AutoCloseable {

    private final SeekableByteChannel channel;
    private final ArchiveIndex index;
    private final EntryOpener opener;
    private final List<NpzEntry> entries;
    private final List<String> names;

    private NpzFile(SeekableByteChannel channel, ArchiveIndex index, NpzLimits limits) {
        this.channel = channel;
        this.index = index;
        this.opener = new EntryOpener(index.archive(), limits.npy());
        this.entries = index.locations().stream().map(Location::entry).toList();
        this.names = entries.stream().map(NpzEntry::key).toList();
    }

    /**
     * Opens a file with the default limits.
     *
     * @param path the archive
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed (see the class description)
     * @throws NpyLimitException if it exceeds {@link NpzLimits#DEFAULT}
     * @throws IOException if the file cannot be read
     */
    public static NpzFile open(Path path) throws IOException {
        return open(path, NpzLimits.DEFAULT);
    }

    /**
     * Opens a file with other per-entry limits.
     *
     * @param path the archive
     * @param limits the bounds for each entry's npy header and array
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static NpzFile open(Path path, NpyLimits limits) throws IOException {
        return open(path, NpzLimits.of(limits));
    }

    /**
     * Opens a file.
     *
     * @param path the archive
     * @param limits the bounds to enforce
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static NpzFile open(Path path, NpzLimits limits) throws IOException {
        return open(FileChannel.open(path, StandardOpenOption.READ), limits);
    }

    /**
     * Opens an archive held by a channel, with the default limits.
     *
     * @param channel the archive, from byte 0 of the channel; closed with the archive (also if opening fails)
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds {@link NpzLimits#DEFAULT}
     * @throws IOException if the channel fails
     */
    public static NpzFile open(SeekableByteChannel channel) throws IOException {
        return open(channel, NpzLimits.DEFAULT);
    }

    /**
     * Opens an archive held by a channel, with other per-entry limits.
     *
     * @param channel the archive, from byte 0; closed with the archive (also if opening fails)
     * @param limits the bounds for each entry's npy header and array
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the channel fails
     */
    public static NpzFile open(SeekableByteChannel channel, NpyLimits limits) throws IOException {
        return open(channel, NpzLimits.of(limits));
    }

    /**
     * Opens an archive held by a channel.
     *
     * @param channel the archive, from byte 0; closed with the archive (also if opening fails)
     * @param limits the bounds to enforce
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the channel fails
     */
    public static NpzFile open(SeekableByteChannel channel, NpzLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        try {
            return new NpzFile(channel, ArchiveIndex.read(channel, limits), limits);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * The keys, as numpy's {@code NpzFile.files} lists them.
     *
     * @return the entry names without their {@code .npy} suffix, in archive order; unmodifiable
     */
    public List<String> names() {
        return names;
    }

    /**
     * What the central directory says about each entry, without reading data.
     *
     * @return the entries in archive order; unmodifiable
     */
    public List<NpzEntry> entries() {
        return entries;
    }

    /**
     * Whether an entry exists, looked up as numpy does.
     *
     * @param name a ZIP name ({@code "x.npy"}) or a key ({@code "x"})
     * @return whether {@link #entry(String)} finds it
     */
    public boolean contains(String name) {
        return index.find(name) != null;
    }

    /**
     * One entry's metadata.
     *
     * @param name a ZIP name ({@code "x.npy"}) or a key ({@code "x"}); the ZIP name wins, as in numpy
     * @return the entry
     * @throws NoSuchElementException if there is no such entry
     */
    public NpzEntry entry(String name) {
        return locate(name).entry();
    }

    /**
     * Whether an entry is an npy stream, by its first bytes as numpy decides (the magic
     * {@code \x93NUMPY}); reads at most a few bytes.
     *
     * @param name a ZIP name or a key
     * @return whether the entry can be read as an array
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry's first bytes cannot be inflated
     * @throws IOException if the archive cannot be read
     */
    public boolean isNpy(String name) throws IOException {
        return opener.isNpy(locate(name));
    }

    /**
     * Reads only an entry's npy header; for a deflated entry, inflates only as far as the header.
     *
     * @param name a ZIP name or a key
     * @return the header
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry is not an npy stream, its header is malformed, or it
     *     implies another size than the ZIP metadata declares
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the archive cannot be read
     */
    public NpyHeader header(String name) throws IOException {
        try (NpyReader reader = reader(name)) {
            return reader.header();
        }
    }

    /**
     * Opens an entry for streaming, chunk by chunk, with bounded memory. The CRC-32 is checked when
     * the last element has been read in order.
     *
     * @param name a ZIP name or a key
     * @return a reader at the first element; seekable both ways for a stored entry, forward only for
     *     a deflated one; closing it leaves the archive open
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry is not an npy stream, its header is malformed, or it
     *     implies another size than the ZIP metadata declares
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the archive cannot be read
     */
    public NpyReader reader(String name) throws IOException {
        return opener.reader(locate(name));
    }

    /**
     * Reads a whole entry into memory, checking its CRC-32.
     *
     * @param name a ZIP name or a key
     * @return the array, as {@code numpy.load(...)[name]} gives it
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry is not an npy stream, is malformed, or fails its CRC-32
     * @throws NpyLimitException if the header or array exceeds the limits
     * @throws IOException if the archive cannot be read
     */
    public NpyArray read(String name) throws IOException {
        String entry = locate(name).entry().name();
        try (NpyReader reader = reader(name)) {
            return reader.readAll();
        } catch (IOException e) {
            throw NpyEntries.named(entry, e);
        }
    }

    /**
     * Reads every entry into memory, inflating deflated entries on several threads (one per core).
     *
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if an entry is not an npy stream, is malformed or fails its CRC-32
     *     (the first such entry in archive order is reported)
     * @throws NpyLimitException if a header or array exceeds the limits
     * @throws IOException if the archive cannot be read
     */
    public Map<String, NpyArray> readAll() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ParallelWork.inOrder(entries, Runtime.getRuntime().availableProcessors(), "npyfile-npz-read",
                e -> read(e.name()), (i, array) -> arrays.put(entries.get(i).key(), array));
        return arrays;
    }

    /**
     * Memory-maps a stored entry's array, something {@code numpy.load} cannot do for an {@code .npz}:
     * nothing is read up front or copied, the operating system pages the data in on use, and entries
     * over 2 GiB work. Because nothing is read, the entry's CRC-32 is not checked; call
     * {@link #verify(String)} for that.
     *
     * @param name a ZIP name or a key
     * @return the mapped array; close it to unmap (it stays valid after the archive closes)
     * @throws NoSuchElementException if there is no such entry
     * @throws UnsupportedOperationException if the entry is deflated, or the archive was not opened
     *     from a file
     * @throws NpzFormatException if the entry is not an npy stream, its header is malformed, or it
     *     implies another size than the ZIP metadata declares
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the archive cannot be read or mapped
     */
    public MappedNpyArray map(String name) throws IOException {
        return opener.map(locate(name));
    }

    /**
     * Reads an entry to its end without keeping it, checking everything a full read checks: the npy
     * header, the size it implies against the ZIP metadata, the CRC-32, and for a deflated entry that
     * inflation ends exactly at the declared size. Memory stays at a buffer's size.
     *
     * @param name a ZIP name or a key
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry is not an npy stream or fails a check
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the archive cannot be read
     */
    public void verify(String name) throws IOException {
        opener.verify(locate(name));
    }

    /**
     * Closes the archive and its channel; readers still open fail on their next read.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "NpzFile[" + entries.size() + " entries: " + abbreviated(names) + "]";
    }

    private Location locate(String name) {
        Location l = index.find(Objects.requireNonNull(name, "name"));
        if (l == null) {
            throw new NoSuchElementException("no entry '" + name + "' in the archive; its keys are " + abbreviated(names));
        }
        return l;
    }

    private static String abbreviated(List<String> names) {
        int shown = 10;
        if (names.size() <= shown) {
            return names.toString();
        }
        String first = String.join(", ", names.subList(0, shown));
        return "[" + first + ", ... (" + names.size() + " in all)]";
    }
}
