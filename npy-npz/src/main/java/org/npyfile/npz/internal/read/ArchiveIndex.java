package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npyfile.NpyLimitException;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.internal.zip.CentralHeader;
import org.npyfile.npz.internal.zip.EndRecord;
import org.npyfile.npz.internal.zip.LocalHeader;
import org.npyfile.npz.internal.zip.Zip64EndRecord;

/**
 * The random-access reader's walk: the entries of an archive found through its central directory,
 * each checked against its local header and against the others before any data is read.
 *
 * <p>In order: the last end record (and its ZIP64 record, where a locator points to one) gives the
 * entry count, refused above {@link NpzLimits#maxEntries()} before anything else is read, and the
 * central directory's place, which must lie inside the archive; the directory is then read as a
 * stream reads it ({@link CentralDirectory}), up to that count and ending at that end record; each
 * header must pass the {@link EntryRules}, all of them the total size bound; each local header must
 * agree with its central header and its data lie inside the archive; finally no two entries' bytes
 * overlap, and all lie before the directory.
 */
public final class ArchiveIndex {

    /**
     * One entry and where its data lies.
     *
     * @param entry the entry as the central directory describes it
     * @param localHeaderOffset the archive offset of its local header
     * @param dataOffset the archive offset of its first data byte
     */
    public record Location(NpzEntry entry, long localHeaderOffset, long dataOffset) {

        /**
         * Where the entry's data ends.
         *
         * @return the archive offset just past it
         */
        public long dataEnd() {
            return dataOffset + entry.compressedSize();
        }
    }

    /** The values of the last end record, or of its ZIP64 record: what the directory must match. */
    private record End(long recordOffset, long count, long directoryOffset) {
    }

    private final RandomAccessArchive archive;
    private final List<Location> locations;
    private final Map<String, Location> byName = new HashMap<>();
    private final Map<String, Location> byKey = new HashMap<>();

    private ArchiveIndex(RandomAccessArchive archive, List<Location> locations) {
        this.archive = archive;
        this.locations = List.copyOf(locations);
        for (Location l : locations) {
            byName.put(l.entry().name(), l);
            byKey.put(l.entry().key(), l);
        }
    }

    /**
     * Reads and checks the central directory and every local header.
     *
     * @param channel the archive, from its first byte; not closed
     * @param limits the bounds
     * @return the index
     * @throws NpzFormatException if the archive is malformed (see the class description)
     * @throws NpyLimitException if it has too many entries or too many bytes
     * @throws IOException if the channel fails
     */
    public static ArchiveIndex read(SeekableByteChannel channel, NpzLimits limits) throws IOException {
        RandomAccessArchive archive = new RandomAccessArchive(channel);
        End end = findEnd(archive);
        if (end.count() > limits.maxEntries() || end.count() < 0) {
            throw new NpyLimitException("the archive declares " + Long.toUnsignedString(end.count()) + " entries, over "
                    + "the limit of " + limits.maxEntries() + " (NpzLimits.maxEntries)");
        }
        CentralDirectory directory;
        long rest = archive.size() - end.directoryOffset(); // the directory and the end records
        try (StreamedArchive in = new StreamedArchive(archive.range(end.directoryOffset(), rest), end.directoryOffset(),
                (int) Math.min(StreamedArchive.BUFFER_BYTES, rest))) {
            directory = CentralDirectory.read(in, end.count(), "as the end record says");
        }
        if (directory.endRecordOffset() != end.recordOffset()) {
            throw new NpzFormatException(null, directory.endRecordOffset(), "a central directory that ends at the "
                    + "archive's last end record, at byte " + end.recordOffset(), "an end record here");
        }
        EntryRules rules = new EntryRules(limits);
        List<Location> locations = new ArrayList<>(directory.headers().size());
        for (CentralHeader header : directory.headers()) {
            NpzEntry entry = rules.admit(header);
            rules.budget().charge(entry.uncompressedSize(), entry.name());
            locations.add(locate(archive, entry, header));
        }
        checkOverlaps(locations, directory.offset());
        return new ArchiveIndex(archive, locations);
    }

    /**
     * Finds the last end record, as CPython and other readers do, and its ZIP64 record if a locator
     * precedes it.
     */
    private static End findEnd(RandomAccessArchive archive) throws IOException {
        long size = archive.size();
        int tailLength = (int) Math.min(size, EndRecord.LENGTH + EndRecord.MAX_COMMENT);
        byte[] tail = archive.readFully(size - tailLength, tailLength, null, "the end of the archive");
        int at = EndRecord.findLast(tail);
        if (at < 0) {
            throw new NpzFormatException(null, -1, "an end of central directory record (PK\\5\\6) in the last "
                    + tailLength + " bytes", "none (not a ZIP file, or a truncated one)");
        }
        long recordOffset = size - tailLength + at;
        EndRecord record = EndRecord.parse(recordOffset, tail, at);
        long count = record.count();
        long directorySize = record.directorySize();
        long directoryOffset = record.directoryOffset();
        long locatorAt = recordOffset - Zip64EndRecord.Locator.LENGTH;
        if (locatorAt >= 0) {
            byte[] bytes = archive.readFully(locatorAt, Zip64EndRecord.Locator.LENGTH, null, "the ZIP64 locator");
            if (Zip64EndRecord.Locator.isAt(bytes)) {
                long zip64At = Zip64EndRecord.Locator.parse(locatorAt, bytes).recordOffset();
                if (zip64At < 0 || zip64At > size - Zip64EndRecord.LENGTH) {
                    throw new NpzFormatException(null, locatorAt, "a ZIP64 end record offset inside the archive",
                            Long.toUnsignedString(zip64At));
                }
                Zip64EndRecord zip64 = Zip64EndRecord.parse(zip64At,
                        archive.readFully(zip64At, Zip64EndRecord.LENGTH, null, "the ZIP64 end record"));
                count = zip64.count();
                directorySize = zip64.directorySize();
                directoryOffset = zip64.directoryOffset();
            }
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset > size || directorySize > size - directoryOffset) {
            throw new NpzFormatException(null, recordOffset, "a central directory inside the archive of " + size
                    + " bytes", Long.toUnsignedString(directorySize) + " bytes at offset "
                    + Long.toUnsignedString(directoryOffset));
        }
        return new End(recordOffset, count, directoryOffset);
    }

    private static Location locate(RandomAccessArchive archive, NpzEntry entry, CentralHeader central)
            throws IOException {
        String name = entry.name();
        long offset = central.localHeaderOffset();
        byte[] fixed = archive.readFully(offset, LocalHeader.FIXED_LENGTH, name, "the local file header");
        byte[] variable = archive.readFully(offset + LocalHeader.FIXED_LENGTH, LocalHeader.variableLength(fixed), name,
                "the local file header's name and extra field");
        LocalHeader local = LocalHeader.parse(offset, fixed, variable, name);
        EntryRules.checkAgreement(name, central, local.name(), local.method(), local.crc(), local.compressedSize(),
                local.size());
        Location location = new Location(entry, offset, local.dataOffset());
        if (location.dataEnd() < 0 || location.dataEnd() > archive.size()) {
            throw new NpzFormatException(name, local.dataOffset(), entry.compressedSize() + " bytes of data",
                    "only " + Math.max(0, archive.size() - local.dataOffset()) + " before the end of the archive "
                            + "(truncated archive)");
        }
        return location;
    }

    private static void checkOverlaps(List<Location> locations, long directoryOffset) throws NpzFormatException {
        List<Location> physical = new ArrayList<>(locations);
        physical.sort(Comparator.comparingLong(Location::localHeaderOffset));
        if (!physical.isEmpty()) {
            Location last = physical.get(physical.size() - 1);
            if (last.dataEnd() > directoryOffset) {
                throw new NpzFormatException(last.entry().name(), last.dataOffset(), "data that ends before the central "
                        + "directory at byte " + directoryOffset, "data up to byte " + last.dataEnd());
            }
        }
        for (int i = 1; i < physical.size(); i++) {
            Location before = physical.get(i - 1);
            Location after = physical.get(i);
            if (before.dataEnd() > after.localHeaderOffset()) {
                throw new NpzFormatException(after.entry().name(), after.localHeaderOffset(),
                        "entries that do not overlap", "this entry starts inside entry '" + before.entry().name()
                                + "' (bytes " + before.localHeaderOffset() + " to " + before.dataEnd() + ")");
            }
        }
    }

    /**
     * The archive the entries are read from.
     *
     * @return the archive
     */
    public RandomAccessArchive archive() {
        return archive;
    }

    /**
     * The entries.
     *
     * @return the entries in central directory order
     */
    public List<Location> locations() {
        return locations;
    }

    /**
     * Finds an entry as numpy's {@code NpzFile.__getitem__} does: first by ZIP name, then by key.
     *
     * @param name a ZIP name ({@code "x.npy"}) or a key ({@code "x"})
     * @return the entry, or null
     */
    public Location find(String name) {
        Location l = byName.get(name);
        return l != null ? l : byKey.get(name);
    }
}
