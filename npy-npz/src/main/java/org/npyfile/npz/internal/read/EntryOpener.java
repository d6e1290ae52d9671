package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.npyfile.MappedNpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.NpyTypeException;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.internal.read.ArchiveIndex.Location;

/**
 * Opens the entries of a random-access archive: the one place that tells a stored entry (read in
 * place, seekable, mappable) from a deflated one (inflated through a buffer). Every entry is checked
 * against what the central directory declares for it. Safe for concurrent use: each call opens its
 * own channel.
 */
public final class EntryOpener {

    private final RandomAccessArchive archive;
    private final NpyLimits limits;

    /**
     * An opener.
     *
     * @param archive the archive
     * @param limits the bounds for each entry's npy header and array
     */
    public EntryOpener(RandomAccessArchive archive, NpyLimits limits) {
        this.archive = archive;
        this.limits = limits;
    }

    /**
     * An entry's bytes.
     *
     * @param l the entry
     * @return its bytes, checked; closing them leaves the archive open
     */
    public EntryChannel open(Location l) {
        NpzEntry e = l.entry();
        EndOfEntryCheck check = new EndOfEntryCheck("central directory", e.crc32(), e.compressedSize(),
                e.uncompressedSize());
        if (e.method() == NpzEntry.Method.STORED) {
            return new SeekableEntryChannel(archive, l.dataOffset(), e.uncompressedSize(), e.name(), check);
        }
        int buffer = (int) Math.min(StreamedArchive.BUFFER_BYTES, e.compressedSize());
        StreamedArchive data = new StreamedArchive(archive.range(l.dataOffset(), e.compressedSize()), l.dataOffset(),
                buffer);
        return new InflatingEntryChannel(data, e.name(), e.uncompressedSize(),
                (delivered, compressed, crc) -> check.verify(e.name(), l.dataOffset(), crc, compressed, delivered), null)
                .closeRetires();
    }

    /**
     * Whether an entry is an npy stream, by its first bytes as numpy decides.
     *
     * @param l the entry
     * @return whether it starts with the npy magic
     * @throws IOException if its first bytes cannot be read or inflated
     */
    public boolean isNpy(Location l) throws IOException {
        try (EntryChannel bytes = open(l)) {
            return NpyEntries.isNpy(bytes.peek(NpyEntries.magicLength()));
        }
    }

    /**
     * An entry as an npy stream.
     *
     * @param l the entry
     * @return the reader, not named, seekable both ways for a stored entry
     * @throws IOException as {@link NpyEntries#open} reports it
     */
    public NpyReader reader(Location l) throws IOException {
        return NpyEntries.open(l.entry().name(), open(l), limits);
    }

    /**
     * Reads an entry to its end, keeping nothing, after the checks of {@link #reader}.
     *
     * @param l the entry
     * @throws IOException if a check fails or the archive cannot be read
     */
    public void verify(Location l) throws IOException {
        reader(l).close();
        try (EntryChannel bytes = open(l)) {
            bytes.drain();
        }
    }

    /**
     * Maps a stored entry's array, after the checks of {@link #reader}.
     *
     * @param l the entry
     * @param file the archive's name for messages, or null
     * @return the mapped array
     * @throws UnsupportedOperationException if the entry is deflated or the archive is not a file
     * @throws NpyTypeException if the entry holds objects
     * @throws NpzFormatException if a check fails
     * @throws IOException if the archive cannot be read or mapped
     */
    public MappedNpyArray map(Location l, String file) throws IOException {
        NpzEntry e = l.entry();
        String where = file == null ? "" : file + ": ";
        if (e.method() != NpzEntry.Method.STORED) {
            throw new UnsupportedOperationException(where + "entry '" + e.name() + "' is deflated; only stored "
                    + "entries (numpy.savez, not savez_compressed) can be mapped");
        }
        FileChannel channel = archive.fileChannel();
        if (channel == null) {
            throw new UnsupportedOperationException("only an archive opened from a file can be mapped");
        }
        NpyHeader header;
        try (NpyReader reader = reader(l)) {
            header = reader.header();
        }
        if (header.dtype().hasObjects()) {
            throw new NpyTypeException("entry '" + e.name() + "' holds Python objects (dtype " + header.dtype().descr()
                    + "), stored as one pickle, which cannot be mapped; read it whole with NpzFile.read, object "
                    + "arrays allowed by the limits");
        }
        try {
            return MappedNpyArray.map(channel, l.dataOffset(), e.uncompressedSize(), limits);
        } catch (IOException ex) {
            throw NpyEntries.named(e.name(), ex);
        }
    }
}
