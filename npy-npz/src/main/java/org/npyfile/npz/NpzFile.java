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
import org.npyfile.NpyException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.NpyUsageException;
import org.npyfile.npz.internal.ParallelWork;
import org.npyfile.npz.internal.read.ArchiveIndex;
import org.npyfile.npz.internal.read.ArchiveIndex.Location;
import org.npyfile.npz.internal.read.Budget;
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
 * ({@code "x"}). Stored entries are read straight from the archive with positional reads; deflated
 * ones through an inflater that stops at the declared size. Every entry read to its end has its CRC-32
 * checked, and its npy header must imply exactly the size the ZIP metadata declares (an object
 * array's header implies none: its pickle ends where the ZIP metadata says). An entry that is not an
 * npy stream (numpy would return its raw bytes) is listed, and {@link #isNpy(String)} tells it apart;
 * reading it as an array throws {@link NpzFormatException}.
 *
 * <p>Headers of every dtype numpy writes are read and listed, object arrays ({@code |O}) and long
 * doubles included. The data of an object array is a pickle: {@link #read(String)} and
 * {@link #readAll()} decode it, without running anything, only when the limits allow it
 * ({@code NpzLimits.of(NpyLimits.DEFAULT.withObjectArrays(true))}), as {@code numpy.load} needs
 * {@code allow_pickle=True}; otherwise they throw {@link NpyLimitException} naming the entry.
 *
 * <p>Failures of an archive opened from a {@link Path} (or {@linkplain #named named}) name it
 * ({@link NpyException#file()}), and the entry in the message ({@code "run.npz: entry 'w.npy': ..."});
 * a reader handed out for an entry names itself {@code run.npz:w.npy} in its own later failures.
 *
 * <p>Safe for concurrent use: several threads may read different entries (or the same one) at once;
 * each {@link NpyReader} handed out belongs to one thread. The archive's file, or the channel it was
 * opened on, is closed when the archive closes (see the package description).
 */
public final class NpzFile implements AutoCloseable {

    private final SeekableByteChannel channel;
    private final ArchiveIndex index;
    private final EntryOpener opener;
    private final List<NpzEntry> entries;
    private final List<String> names;
    /** The archive's name in failures: its path, what {@link #named(String)} said, or null. */
    private volatile String file;

    private NpzFile(SeekableByteChannel channel, ArchiveIndex index, NpzLimits limits, String file) {
        this.channel = channel;
        this.index = index;
        this.opener = new EntryOpener(index.archive(), limits.npy());
        this.entries = index.locations().stream().map(Location::entry).toList();
        this.names = entries.stream().map(NpzEntry::key).toList();
        this.file = file;
    }

    /**
     * Opens a file with the default limits: {@link NpzLimits#DEFAULT}, which refuses to decode
     * object arrays, as {@code numpy.load} does by default.
     *
     * @param path the archive; closed when the archive closes
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed (see the class description)
     * @throws NpyLimitException if it exceeds {@link NpzLimits#DEFAULT}
     * @throws IOException if the file cannot be read
     */
    public static NpzFile open(Path path) throws IOException {
        return open(path, NpzLimits.DEFAULT);
    }

    /**
     * Opens a file. For other per-entry limits (object arrays allowed, a longer header) pass
     * {@link NpzLimits#of(NpyLimits)}.
     *
     * @param path the archive; closed when the archive closes
     * @param limits the bounds to enforce
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static NpzFile open(Path path, NpzLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        return open(FileChannel.open(path, StandardOpenOption.READ), limits, path.toString());
    }

    /**
     * Opens an archive held by a channel, with the default limits.
     *
     * @param channel the archive, from byte 0 of the channel; closed when the archive closes (also if
     *     opening fails)
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds {@link NpzLimits#DEFAULT}
     * @throws IOException if the channel fails
     */
    public static NpzFile open(SeekableByteChannel channel) throws IOException {
        return open(channel, NpzLimits.DEFAULT);
    }

    /**
     * Opens an archive held by a channel.
     *
     * @param channel the archive, from byte 0; closed when the archive closes (also if opening fails)
     * @param limits the bounds to enforce
     * @return the open archive
     * @throws NpzFormatException if the archive is malformed
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the channel fails
     */
    public static NpzFile open(SeekableByteChannel channel, NpzLimits limits) throws IOException {
        return open(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(limits, "limits"), null);
    }

    private static NpzFile open(SeekableByteChannel channel, NpzLimits limits, String file) throws IOException {
        try {
            return new NpzFile(channel, ArchiveIndex.read(channel, limits), limits, file);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof NpyException n) {
                throw n.withFile(file);
            }
            throw e;
        }
    }

    /**
     * Names the archive in every exception it throws from now on, and in the names of the readers it
     * hands out ({@code name:x.npy}): for an archive opened from a channel that is no local file (a
     * URI, a path on another file system). A failure while opening, before this call, can be named
     * with {@link NpyException#withFile(String)}. Call it before sharing the archive between threads.
     *
     * @param name how to name the archive
     * @return this archive
     */
    public NpzFile named(String name) {
        this.file = name;
        return this;
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
        Location l = locate(name);
        return naming(() -> opener.isNpy(l));
    }

    /**
     * Reads only an entry's npy header, of any dtype numpy writes; for a deflated entry, inflates only
     * as far as the header.
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
        Location l = locate(name);
        return naming(() -> {
            try (NpyReader reader = opener.reader(l)) {
                return reader.header();
            }
        });
    }

    /**
     * Opens an entry for streaming, chunk by chunk, with bounded memory. The CRC-32 is checked when
     * the last element has been read in order. The reader names itself {@code archive.npz:x.npy} in its
     * failures ({@code x.npy} for an archive opened from a channel and not {@linkplain #named named}).
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
        Location l = locate(name);
        String entry = l.entry().name();
        String archive = file;
        return naming(() -> opener.reader(l)).named(archive == null ? entry : archive + ":" + entry);
    }

    /**
     * Reads a whole entry into memory, checking its CRC-32. An object array is decoded only if the
     * limits allow it.
     *
     * @param name a ZIP name or a key
     * @return the array, as {@code numpy.load(...)[name]} gives it
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry is not an npy stream, is malformed, or fails its CRC-32
     * @throws NpyLimitException if the header or array exceeds the limits or the heap, or the entry
     *     holds objects and the limits do not allow them
     * @throws IOException if the archive cannot be read
     */
    public NpyArray read(String name) throws IOException {
        Location l = locate(name);
        return naming(() -> readEntry(l));
    }

    private NpyArray readEntry(Location l) throws IOException {
        try (NpyReader reader = opener.reader(l)) {
            return reader.readAll();
        } catch (IOException e) {
            throw NpyEntries.named(l.entry().name(), e);
        }
    }

    /**
     * Reads every entry into memory, inflating deflated entries on several threads (one per core).
     * Refuses up front an archive whose entries together declare more bytes than the JVM's heap can
     * ever hold; read such an archive entry by entry with {@link #reader(String)} or
     * {@link #map(String)}.
     *
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if an entry is not an npy stream, is malformed or fails its CRC-32
     *     (the first such entry in archive order is reported)
     * @throws NpyLimitException if the entries' declared sizes together exceed the JVM's maximum heap,
     *     a header or array exceeds the limits, or an entry holds objects and the limits do not allow
     *     them
     * @throws IOException if the archive cannot be read
     */
    public Map<String, NpyArray> readAll() throws IOException {
        return naming(() -> {
            long total = 0;
            for (NpzEntry e : entries) {
                total += e.uncompressedSize(); // the sum was bounded when the archive was opened
            }
            Budget.requireHeap(total, "the archive's " + entries.size() + " entries");
            Map<String, NpyArray> arrays = new LinkedHashMap<>();
            List<Location> locations = index.locations();
            ParallelWork.inOrder(locations, Runtime.getRuntime().availableProcessors(), "npyfile-npz-read",
                    this::readEntry, (i, array) -> arrays.put(entries.get(i).key(), array));
            return arrays;
        });
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
        Location l = locate(name);
        return naming(() -> opener.map(l, file));
    }

    /**
     * Reads an entry to its end without keeping it, checking everything a full read checks: the npy
     * header, the size it implies against the ZIP metadata, the CRC-32, and for a deflated entry that
     * inflation ends exactly at the declared size. Memory stays at a buffer's size. An object array's
     * pickle is checked as bytes (CRC-32 and sizes), not decoded.
     *
     * @param name a ZIP name or a key
     * @throws NoSuchElementException if there is no such entry
     * @throws NpzFormatException if the entry is not an npy stream or fails a check
     * @throws NpyLimitException if the header exceeds the limits
     * @throws IOException if the archive cannot be read
     */
    public void verify(String name) throws IOException {
        Location l = locate(name);
        naming(() -> {
            opener.verify(l);
            return null;
        });
    }

    /**
     * Closes the archive and the file or channel it was opened on; readers still open fail on their
     * next read.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "NpzFile[" + (file == null ? "" : file + ", ") + entries.size() + " entries: " + abbreviated(names) + "]";
    }

    /** Work on the archive whose failures are to name it. */
    @FunctionalInterface
    private interface ArchiveWork<T> {
        T run() throws IOException;
    }

    /** Runs work on the archive and names the archive in what it throws, once. */
    private <T> T naming(ArchiveWork<T> work) throws IOException {
        try {
            return work.run();
        } catch (NpyException e) {
            throw e.withFile(file);
        } catch (NpyUsageException e) {
            throw e.withFile(file);
        }
    }

    private Location locate(String name) {
        Location l = index.find(Objects.requireNonNull(name, "name"));
        if (l == null) {
            throw new NoSuchElementException((file == null ? "" : file + ": ") + "no entry '" + name
                    + "' in the archive; its keys are " + abbreviated(names));
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
