package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.npyfile.NpyLimitException;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.internal.zip.EndRecord;
import org.npyfile.npz.internal.zip.LocalHeader;
import org.npyfile.npz.internal.zip.Zip64EndRecord;
import org.npyfile.npz.internal.zip.ZipFormat;
import org.npyfile.npz.internal.zip.ZipNames;

/**
 * The entries of a random-access archive: the central directory as Commons Compress reads it, each
 * entry checked against its local header and against the others before anything is read.
 *
 * <p>Checks, in order, for each central directory entry: the entry count bound; the name (CPython's
 * decoding, no NUL); no encryption; method stored or deflated; sizes and offset below 2^63; a stored
 * entry's two sizes equal; a deflated entry's uncompressed size within DEFLATE's 1032:1 bound; no
 * duplicate name or key; the total size bound; then the local header: its signature, and its name and
 * method equal to the central directory's, as are its CRC and sizes unless a data descriptor holds
 * them; the data inside the archive. Finally no two entries' byte ranges overlap.
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

        /** @return the archive offset just past the entry's data */
        public long dataEnd() {
            return dataOffset + entry.compressedSize();
        }
    }

    private final RandomAccessArchive input;
    private final List<Location> locations;
    private final Map<String, Location> byName;
    private final Map<String, Location> byKey;

    private ArchiveIndex(RandomAccessArchive input, List<Location> locations) {
        this.input = input;
        this.locations = List.copyOf(locations);
        Map<String, Location> names = new HashMap<>();
        Map<String, Location> keys = new HashMap<>();
        for (Location l : locations) {
            names.put(l.entry().name(), l);
            keys.put(l.entry().key(), l);
        }
        this.byName = names;
        this.byKey = keys;
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
        RandomAccessArchive input = new RandomAccessArchive(channel);
        // Our own reading of the end record first: it checks the directory lies inside the archive
        // before Commons Compress positions the channel there.
        EndOfDirectory end = EndOfDirectory.find(input);
        if (end.count() > limits.maxEntries()) {
            // Before Commons Compress builds an object for every entry.
            throw new NpyLimitException("the archive declares " + end.count() + " entries, over the limit of "
                    + limits.maxEntries() + " (NpzLimits.maxEntries)");
        }
        List<ZipArchiveEntry> central = centralDirectory(channel);
        if (central.size() != end.count()) {
            // Commons Compress stops at the first record without the central header signature
            throw new NpzFormatException(null, end.directoryOffset(), end.count() + " central directory entries, as the end "
                    + "record says", central.size() + " readable ones (a damaged central directory)");
        }
        if (central.size() > limits.maxEntries()) {
            throw new NpyLimitException("the archive has " + central.size() + " entries, over the limit of "
                    + limits.maxEntries() + " (NpzLimits.maxEntries)");
        }
        List<Location> locations = new ArrayList<>(central.size());
        Map<String, String> names = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        long total = 0;
        for (ZipArchiveEntry e : central) {
            NpzEntry entry = describe(e);
            String name = entry.name();
            if (names.putIfAbsent(name, name) != null) {
                throw new NpzFormatException(name, -1, "the central directory lists this name twice", (Throwable) null);
            }
            String other = keys.putIfAbsent(entry.key(), name);
            if (other != null) {
                throw new NpzFormatException(name, -1, "this entry and '" + other + "' both have the key '"
                        + entry.key() + "', which numpy could not tell apart", (Throwable) null);
            }
            total += entry.uncompressedSize();
            if (total < 0 || total > limits.maxTotalBytes()) {
                throw new NpyLimitException("entry '" + name + "': the archive's entries declare more than "
                        + limits.maxTotalBytes() + " uncompressed bytes (NpzLimits.maxTotalBytes)");
            }
            locations.add(locate(input, entry, e.getLocalHeaderOffset()));
        }
        checkOverlaps(locations, end.directoryOffset());
        return new ArchiveIndex(input, locations);
    }

    /** The end record's values, from its ZIP64 record where a locator points to one. */
    private record EndOfDirectory(long count, long directorySize, long directoryOffset) {

        static EndOfDirectory find(RandomAccessArchive input) throws IOException {
            long size = input.size();
            int tailLength = (int) Math.min(size, EndRecord.LENGTH + EndRecord.MAX_COMMENT);
            ByteBuffer b = ByteBuffer.allocate(tailLength);
            input.readFully(size - tailLength, b, null, "the end of the archive");
            byte[] tail = b.array();
            int at = EndRecord.findLast(tail);
            if (at < 0) {
                throw new NpzFormatException(null, -1, "an end of central directory record (PK\\5\\6) in the last "
                        + tailLength + " bytes", "none (not a ZIP file, or a truncated one)");
            }
            long recordOffset = size - tailLength + at;
            EndRecord end = EndRecord.parse(recordOffset, tail, at);
            long count = end.count();
            long directorySize = end.directorySize();
            long directoryOffset = end.directoryOffset();
            long locatorAt = recordOffset - Zip64EndRecord.Locator.LENGTH;
            if (locatorAt >= 0) {
                ByteBuffer l = ByteBuffer.allocate(Zip64EndRecord.Locator.LENGTH);
                input.readFully(locatorAt, l, null, "the ZIP64 locator");
                if (Zip64EndRecord.Locator.isAt(l.array())) {
                    Zip64EndRecord.Locator locator = Zip64EndRecord.Locator.parse(locatorAt, l.array());
                    long zip64At = locator.recordOffset();
                    if (zip64At < 0 || zip64At > size - Zip64EndRecord.LENGTH) {
                        throw new NpzFormatException(null, locatorAt, "a ZIP64 end record offset inside the archive",
                                Long.toUnsignedString(zip64At));
                    }
                    ByteBuffer r = ByteBuffer.allocate(Zip64EndRecord.LENGTH);
                    input.readFully(zip64At, r, null, "the ZIP64 end record");
                    Zip64EndRecord zip64 = Zip64EndRecord.parse(zip64At, r.array());
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
            return new EndOfDirectory(count, directorySize, directoryOffset);
        }
    }

    private static List<ZipArchiveEntry> centralDirectory(SeekableByteChannel channel) throws IOException {
        NonClosingChannel view = new NonClosingChannel(channel);
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(view)
                .setIgnoreLocalFileHeader(true)
                .setUseUnicodeExtraFields(false)
                .get()) {
            return Collections.list(zip.getEntries());
        } catch (IOException | RuntimeException e) {
            if (view.failure() != null) {
                throw view.failure(); // the channel failed, not the archive
            }
            throw new NpzFormatException(null, -1, "a ZIP archive with a readable central directory, found none ("
                    + rootMessage(e) + "; not a ZIP file, or truncated or damaged)", e);
        }
    }

    /** The innermost message: Commons Compress wraps format errors in a generic "Error reading Zip content". */
    private static String rootMessage(Throwable e) {
        String message = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            message = t.getMessage() != null ? t.getClass().getSimpleName() + ": " + t.getMessage()
                    : t.getClass().getSimpleName();
        }
        return message;
    }

    private static NpzEntry describe(ZipArchiveEntry e) throws NpzFormatException {
        int flags = e.getRawFlag();
        String name = ZipNames.decode(e.getRawName(), flags, -1);
        if ((flags & (ZipFormat.FLAG_ENCRYPTED | ZipFormat.FLAG_STRONG_ENCRYPTION)) != 0) {
            throw new NpzFormatException(name, -1, "an unencrypted entry", "general purpose flags "
                    + String.format("0x%04x", flags) + " (encrypted)");
        }
        NpzEntry.Method method = switch (e.getMethod()) {
            case 0 -> NpzEntry.Method.STORED;
            case 8 -> NpzEntry.Method.DEFLATED;
            default -> throw new NpzFormatException(name, -1, "compression method 0 (stored) or 8 (deflated), as numpy writes",
                    "method " + ZipFormat.methodName(e.getMethod()));
        };
        long compressed = e.getCompressedSize();
        long size = e.getSize();
        long offset = e.getLocalHeaderOffset();
        if (compressed < 0 || size < 0 || offset < 0) {
            throw new NpzFormatException(name, -1, "sizes and offset below 2^63 in the central directory",
                    "compressed size " + Long.toUnsignedString(compressed) + ", size " + Long.toUnsignedString(size)
                            + ", offset " + Long.toUnsignedString(offset));
        }
        if (method == NpzEntry.Method.STORED && compressed != size) {
            throw new NpzFormatException(name, -1, "equal sizes for a stored entry",
                    "compressed size " + compressed + " and size " + size);
        }
        if (method == NpzEntry.Method.DEFLATED && size / ZipFormat.MAX_DEFLATE_RATIO > compressed) {
            throw new NpzFormatException(name, -1, "an uncompressed size that " + compressed
                    + " DEFLATE bytes can produce (at most " + ZipFormat.MAX_DEFLATE_RATIO + " times as many)",
                    size + " bytes (a zip bomb?)");
        }
        return new NpzEntry(name, NpzEntry.keyOf(name), method, compressed, size, e.getCrc() & ZipFormat.MARK_32);
    }

    private static Location locate(RandomAccessArchive input, NpzEntry entry, long offset) throws IOException {
        String name = entry.name();
        ByteBuffer fixed = ByteBuffer.allocate(LocalHeader.FIXED_LENGTH);
        input.readFully(offset, fixed, name, "the local file header");
        ByteBuffer variable = ByteBuffer.allocate(LocalHeader.variableLength(fixed.array()));
        input.readFully(offset + LocalHeader.FIXED_LENGTH, variable, name, "the local file header's name and extra field");
        LocalHeader local = LocalHeader.parse(offset, fixed.array(), variable.array(), name);
        if (!local.name().equals(name)) {
            throw new NpzFormatException(name, offset, "the central directory's name '" + name + "' in the local header",
                    "'" + local.name() + "'");
        }
        if (local.method() != entry.method().code()) {
            throw new NpzFormatException(name, offset, "the central directory's compression method "
                    + ZipFormat.methodName(entry.method().code()) + " in the local header",
                    ZipFormat.methodName(local.method()));
        }
        if (!local.hasDataDescriptor() && (local.crc() != entry.crc32()
                || local.compressedSize() != entry.compressedSize()
                || local.size() != entry.uncompressedSize())) {
            throw new NpzFormatException(name, offset, "the central directory's CRC-32 " + ZipFormat.crcText(entry.crc32())
                    + " and sizes " + entry.compressedSize() + "/" + entry.uncompressedSize() + " in the local header",
                    ZipFormat.crcText(local.crc()) + " and " + local.compressedSize() + "/" + local.size());
        }
        Location location = new Location(entry, offset, local.dataOffset());
        if (location.dataEnd() < 0 || location.dataEnd() > input.size()) {
            throw new NpzFormatException(name, local.dataOffset(), entry.compressedSize() + " bytes of data",
                    "only " + Math.max(0, input.size() - local.dataOffset()) + " before the end of the archive (truncated archive)");
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

    /** @return the archive */
    public RandomAccessArchive input() {
        return input;
    }

    /** @return the entries in central directory order */
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
