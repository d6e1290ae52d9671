package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyReader;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.internal.zip.CentralHeader;
import org.npyfile.npz.internal.zip.DataDescriptor;
import org.npyfile.npz.internal.zip.EndRecord;
import org.npyfile.npz.internal.zip.LocalHeader;
import org.npyfile.npz.internal.zip.Zip64EndRecord;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * Walks an archive front to back from a stream: local header, data (and data descriptor), next local
 * header, ..., then checks the central directory and end record against what the walk saw.
 *
 * <p>Entries are checked as {@link ArchiveIndex} checks them, with what a stream can know: name,
 * no encryption, method, duplicate names and keys, the entry bound, and the declared sizes. Each
 * entry's end is where its declared size says, or, when its sizes wait in a data descriptor, where its
 * DEFLATE stream ends or its npy header says (the only way to find the end of a stored entry then).
 * The data descriptor must then match the computed CRC-32 and sizes. At the end, every central
 * directory entry must match one entry of the walk (by offset) in name, method, CRC and sizes, and the
 * end record its counts and position.
 */
public final class ArchiveWalk implements AutoCloseable {

    /** An entry the walk finished and verified, for the central directory check. */
    private record Seen(String name, int method, long crc, long compressedSize, long size) {
    }

    /** The entry the walk is on. */
    public static final class Current {
        private final NpzEntry entry;
        private final SequentialEntryChannel content;
        private NpyReader reader;

        private Current(NpzEntry entry, SequentialEntryChannel content) {
            this.entry = entry;
            this.content = content;
        }

        /** @return the entry as its local header describes it */
        public NpzEntry entry() {
            return entry;
        }

        /** @return the entry's checked bytes */
        public SequentialEntryChannel content() {
            return content;
        }

        /** @return the npy reader made for this entry, or null */
        public NpyReader reader() {
            return reader;
        }

        /** @param reader the npy reader made for this entry */
        public void reader(NpyReader reader) {
            this.reader = reader;
        }
    }

    private final StreamedArchive in;
    private final NpzLimits limits;
    private final Budget budget;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private final Map<Long, Seen> seen = new LinkedHashMap<>();
    private Current current;
    private int count;
    private boolean finished;
    private IOException failure;

    /**
     * Reads from a stream at the archive's first byte.
     *
     * @param in the stream; closed by {@link #close()}
     * @param limits the bounds
     */
    public ArchiveWalk(InputStream in, NpzLimits limits) {
        this.in = new StreamedArchive(in);
        this.limits = limits;
        this.budget = new Budget(limits.maxTotalBytes());
    }

    /** @return the entry the walk is on, or null before the first and after the last */
    public Current current() {
        return current;
    }

    /**
     * Finishes the current entry (reading and checking what is left of it) and moves to the next.
     *
     * @return the next entry, or null after the last one, once the central directory checked out
     * @throws NpzFormatException if the archive is malformed or does not check out; every later call
     *     throws the same exception
     * @throws NpyLimitException if it exceeds the limits
     * @throws IOException if the stream fails
     */
    public Current next() throws IOException {
        if (failure != null) {
            throw failure; // the walk lost its place: nothing after a failure can be trusted
        }
        if (finished) {
            return null;
        }
        try {
            return advance();
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
            throw e;
        }
    }

    private Current advance() throws IOException {
        if (current != null) {
            Current done = current;
            current = null;
            try {
                if (done.reader() == null && done.content().expected() < 0 && NpyEntries.isNpy(done.content().peek(
                        NpyEntries.magicLength()))) {
                    // A stored entry whose sizes follow it (numpy writing to a pipe): its npy header tells
                    // where it ends, so read the header to be able to skip the rest.
                    done.reader(NpyEntries.open(done.entry().name(), done.content(), limits.npy()));
                }
                done.content().drain();
            } finally {
                done.content().retire();
            }
        }
        long at = in.position();
        if (in.ensure(4) < 4) {
            throw new NpzFormatException(null, at, "a local file header or the central directory",
                    "the end of the stream (truncated archive)");
        }
        long signature = ZipFormat.u32(in.array(), in.offset());
        if (signature == LocalHeader.SIGNATURE) {
            current = open();
            return current;
        }
        if (signature == CentralHeader.SIGNATURE || signature == EndRecord.SIGNATURE
                || signature == Zip64EndRecord.SIGNATURE) {
            checkCentralDirectory();
            finished = true;
            return null;
        }
        throw new NpzFormatException(null, at, "a local file header (" + ZipFormat.signatureText(LocalHeader.SIGNATURE)
                + ") or the central directory", "the signature " + ZipFormat.signatureText(signature));
    }

    private Current open() throws IOException {
        long offset = in.position();
        byte[] fixed = in.readFully(LocalHeader.FIXED_LENGTH, null, "a local file header");
        byte[] variable = in.readFully(LocalHeader.variableLength(fixed), null, "a local file header's name and extra field");
        LocalHeader h = LocalHeader.parse(offset, fixed, variable, null);
        String name = h.name();
        if (++count > limits.maxEntries()) {
            throw new NpyLimitException("entry '" + name + "': the archive has more than " + limits.maxEntries()
                    + " entries (NpzLimits.maxEntries)");
        }
        if ((h.flags() & (ZipFormat.FLAG_ENCRYPTED | ZipFormat.FLAG_STRONG_ENCRYPTION)) != 0) {
            throw new NpzFormatException(name, offset, "an unencrypted entry",
                    String.format("general purpose flags 0x%04x (encrypted)", h.flags()));
        }
        NpzEntry.Method method = switch (h.method()) {
            case 0 -> NpzEntry.Method.STORED;
            case 8 -> NpzEntry.Method.DEFLATED;
            default -> throw new NpzFormatException(name, offset, "compression method 0 (stored) or 8 (deflated), as numpy writes",
                    "method " + ZipFormat.methodName(h.method()));
        };
        if (names.putIfAbsent(name, name) != null) {
            throw new NpzFormatException(name, offset, "an entry name not seen before", "a second entry of that name");
        }
        String key = NpzEntry.keyOf(name);
        String other = keys.putIfAbsent(key, name);
        if (other != null) {
            throw new NpzFormatException(name, offset, "this entry and '" + other + "' both have the key '" + key
                    + "', which numpy could not tell apart", (Throwable) null);
        }
        boolean deferred = h.hasDataDescriptor();
        if (!deferred && (h.size() < 0 || h.compressedSize() < 0)) {
            throw new NpzFormatException(name, offset, "sizes below 2^63 in the local header",
                    "compressed " + Long.toUnsignedString(h.compressedSize()) + ", uncompressed "
                            + Long.toUnsignedString(h.size()));
        }
        if (!deferred && method == NpzEntry.Method.STORED && h.compressedSize() != h.size()) {
            throw new NpzFormatException(name, offset, "equal sizes for a stored entry",
                    "compressed size " + h.compressedSize() + " and size " + h.size());
        }
        if (!deferred && method == NpzEntry.Method.DEFLATED
                && h.size() / ZipFormat.MAX_DEFLATE_RATIO > h.compressedSize()) {
            throw new NpzFormatException(name, offset, "an uncompressed size that " + h.compressedSize()
                    + " DEFLATE bytes can produce (at most " + ZipFormat.MAX_DEFLATE_RATIO + " times as many)",
                    h.size() + " bytes (a zip bomb?)");
        }
        ByteWindow window = deferred ? in : new LimitedWindow(in, h.compressedSize());
        SequentialEntryChannel.Ending ending = (delivered, compressed, crc) -> end(h, delivered, compressed, crc);
        long expected = deferred ? -1 : h.size();
        SequentialEntryChannel content = method == NpzEntry.Method.STORED
                ? new StoredEntryChannel(window, name, expected, ending, budget)
                : new InflatingEntryChannel(window, name, expected, ending, budget);
        NpzEntry entry = new NpzEntry(name, key, method, h.compressedSize(), h.size(), h.crc());
        return new Current(entry, content);
    }

    /** The entry's last byte is out: check CRC and sizes against the local header or the data descriptor. */
    private void end(LocalHeader h, long delivered, long compressed, long crc) throws IOException {
        if (h.hasDataDescriptor()) {
            readDataDescriptor(h, delivered, compressed, crc);
        } else {
            if (compressed != h.compressedSize()) {
                throw new NpzFormatException(h.name(), h.dataOffset(), "a DEFLATE stream of " + h.compressedSize()
                        + " bytes, as the local header declares", "one that ends after " + compressed);
            }
            if (crc != h.crc()) {
                throw new NpzFormatException(h.name(), h.dataOffset(), "CRC-32 " + ZipFormat.crcText(h.crc())
                        + " (local header) over its " + delivered + " bytes", ZipFormat.crcText(crc));
            }
        }
        seen.put(h.offset(), new Seen(h.name(), h.method(), crc, compressed, delivered));
    }

    /** Reads the data descriptor, in whichever form the writer chose, and checks it against the entry. */
    private void readDataDescriptor(LocalHeader h, long delivered, long compressed, long crc) throws IOException {
        long at = in.position();
        int available = Math.min(in.ensure(DataDescriptor.MAX_LENGTH), DataDescriptor.MAX_LENGTH);
        byte[] b = Arrays.copyOfRange(in.array(), in.offset(), in.offset() + available);
        DataDescriptor d = DataDescriptor.parse(b, available, h.zip64(), crc, compressed, delivered, h.name(), at);
        if (d.crc() != crc) {
            throw new NpzFormatException(h.name(), at, "CRC-32 " + ZipFormat.crcText(d.crc())
                    + " (data descriptor) over its " + delivered + " bytes", ZipFormat.crcText(crc));
        }
        if (d.compressedSize() != compressed || d.size() != delivered) {
            throw new NpzFormatException(h.name(), at, "the data descriptor's sizes " + d.compressedSize() + "/"
                    + d.size() + " (compressed/uncompressed)", compressed + "/" + delivered);
        }
        in.consume(d.length());
    }

    private void checkCentralDirectory() throws IOException {
        long start = in.position();
        Map<Long, Seen> pending = new LinkedHashMap<>(seen);
        int listed = 0;
        while (peekSignature() == CentralHeader.SIGNATURE) {
            long at = in.position();
            byte[] fixed = in.readFully(CentralHeader.FIXED_LENGTH, null, "a central directory header");
            byte[] nameAndExtra = in.readFully(CentralHeader.nameAndExtraLength(fixed), null,
                    "a central directory entry's name and extra field");
            in.skipFully(CentralHeader.commentLength(fixed), null, "a central directory comment");
            CentralHeader c = CentralHeader.parse(at, fixed, nameAndExtra);
            String name = c.name();
            if (++listed > seen.size()) {
                throw new NpzFormatException(name, at, seen.size() + " central directory entries, one per entry in the stream",
                        "more");
            }
            Seen s = pending.remove(c.localHeaderOffset());
            if (s == null) {
                throw new NpzFormatException(name, at, "a central directory entry for a local header the stream held",
                        "one for offset " + c.localHeaderOffset() + ", where the stream had no entry (or it is listed twice)");
            }
            if (!name.equals(s.name()) || c.method() != s.method() || c.crc() != s.crc()
                    || c.compressedSize() != s.compressedSize() || c.size() != s.size()) {
                throw new NpzFormatException(s.name(), at, "a central directory entry that agrees with the local header: '"
                        + s.name() + "', method " + s.method() + ", CRC-32 " + ZipFormat.crcText(s.crc()) + ", sizes "
                        + s.compressedSize() + "/" + s.size(), "'" + name + "', method " + c.method() + ", CRC-32 "
                        + ZipFormat.crcText(c.crc()) + ", sizes " + c.compressedSize() + "/" + c.size());
            }
        }
        if (!pending.isEmpty()) {
            Seen missing = pending.values().iterator().next();
            throw new NpzFormatException(missing.name(), start, "a central directory entry for every entry in the stream",
                    "none for this one (numpy would not see it)");
        }
        checkEndRecords(start, in.position() - start);
    }

    private void checkEndRecords(long cdStart, long cdSize) throws IOException {
        long entries = seen.size();
        boolean zip64 = false;
        long at = in.position();
        if (peekSignature() == Zip64EndRecord.SIGNATURE) {
            zip64 = true;
            byte[] head = in.readFully(Zip64EndRecord.HEAD_LENGTH, null, "the ZIP64 end of central directory record");
            byte[] rest = in.readFully(Zip64EndRecord.length(at, head) - Zip64EndRecord.HEAD_LENGTH, null,
                    "the ZIP64 end of central directory record");
            byte[] record = new byte[head.length + rest.length];
            System.arraycopy(head, 0, record, 0, head.length);
            System.arraycopy(rest, 0, record, head.length, rest.length);
            Zip64EndRecord r = Zip64EndRecord.parse(at, record);
            expectEqual(r.count(), entries, at, "the ZIP64 end record's entry count");
            expectEqual(r.directorySize(), cdSize, at, "the ZIP64 end record's central directory size");
            expectEqual(r.directoryOffset(), cdStart, at, "the ZIP64 end record's central directory offset");
            long locatorAt = in.position();
            Zip64EndRecord.Locator locator = Zip64EndRecord.Locator.parse(locatorAt,
                    in.readFully(Zip64EndRecord.Locator.LENGTH, null, "the ZIP64 end of central directory locator"));
            expectEqual(locator.recordOffset(), at, locatorAt, "the ZIP64 locator's record offset");
        }
        long endAt = in.position();
        EndRecord end = EndRecord.parse(endAt, in.readFully(EndRecord.LENGTH, null, "the end of central directory record"), 0);
        expectEndValue(end.count(), entries, ZipFormat.MARK_16, zip64, endAt, "the end record's entry count");
        expectEndValue(end.directorySize(), cdSize, ZipFormat.MARK_32, zip64, endAt, "the end record's central directory size");
        expectEndValue(end.directoryOffset(), cdStart, ZipFormat.MARK_32, zip64, endAt,
                "the end record's central directory offset");
    }

    private static void expectEndValue(long found, long actual, long mark, boolean zip64, long at, String what)
            throws NpzFormatException {
        if (found != actual && !(zip64 && found == mark)) {
            throw new NpzFormatException(null, at, what + " " + actual, Long.toString(found));
        }
    }

    private static void expectEqual(long found, long expected, long at, String what) throws NpzFormatException {
        if (found != expected) {
            throw new NpzFormatException(null, at, what + " " + expected, Long.toString(found));
        }
    }

    private long peekSignature() throws IOException {
        if (in.ensure(4) < 4) {
            throw new NpzFormatException(null, in.position(), "the rest of the central directory and its end record",
                    "the end of the stream (truncated archive)");
        }
        return ZipFormat.u32(in.array(), in.offset());
    }

    /**
     * Closes the stream.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        if (current != null) {
            current.content().retire();
        }
        in.close();
    }
}
