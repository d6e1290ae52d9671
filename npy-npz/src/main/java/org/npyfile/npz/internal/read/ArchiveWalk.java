package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.io.InputStream;
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
 * The streaming reader's walk: an archive front to back from a stream, local header, data (and data
 * descriptor), next local header, ..., then the central directory and end records, checked against
 * what the walk saw.
 *
 * <p>Each local header must pass the {@link EntryRules}, as random access checks the central
 * directory. Each entry's end is where its declared size says, or, when its sizes wait in a data
 * descriptor, where its DEFLATE stream ends or its npy header says (the only way to find the end of a
 * stored entry then); its CRC-32 and sizes must then be those the local header or the data descriptor
 * declares ({@link EndOfEntryCheck}). The central directory is read as random access reads it
 * ({@link CentralDirectory}); every header in it must agree with one entry of the walk, found by its
 * local header offset, and every entry must have one.
 */
public final class ArchiveWalk implements AutoCloseable {

    /** An entry the walk finished and verified, for the central directory check. */
    private record Seen(String name, int method, long crc, long compressedSize, long size) {
    }

    /** The entry the walk is on. */
    public static final class Current {
        private final NpzEntry entry;
        private final SequentialEntryChannel bytes;
        private NpyReader reader;

        private Current(NpzEntry entry, SequentialEntryChannel bytes) {
            this.entry = entry;
            this.bytes = bytes;
        }

        /**
         * The entry.
         *
         * @return the entry as its local header describes it
         */
        public NpzEntry entry() {
            return entry;
        }

        /**
         * The entry's bytes.
         *
         * @return the channel that checks them
         */
        public SequentialEntryChannel bytes() {
            return bytes;
        }

        /**
         * The npy reader made for this entry.
         *
         * @return the reader, or null if none was made
         */
        public NpyReader reader() {
            return reader;
        }

        /**
         * Keeps the npy reader made for this entry.
         *
         * @param reader the reader
         */
        public void reader(NpyReader reader) {
            this.reader = reader;
        }
    }

    private final StreamedArchive in;
    private final NpzLimits limits;
    private final EntryRules rules;
    private final Map<Long, Seen> seen = new LinkedHashMap<>();
    private Current current;
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
        this.rules = new EntryRules(limits);
    }

    /**
     * The entry the walk is on.
     *
     * @return the entry, or null before the first and after the last
     */
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
                if (done.reader() == null && done.bytes().expected() < 0 && NpyEntries.isNpy(done.bytes().peek(
                        NpyEntries.magicLength()))) {
                    // A stored entry whose sizes follow it (numpy writing to a pipe): its npy header tells
                    // where it ends, so read the header to be able to skip the rest.
                    done.reader(NpyEntries.open(done.entry().name(), done.bytes(), limits.npy()));
                }
                done.bytes().drain();
            } finally {
                done.bytes().retire();
            }
        }
        long at = in.position();
        long signature = in.peekSignature("a local file header or the central directory");
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
        byte[] variable = in.readFully(LocalHeader.variableLength(fixed), null,
                "a local file header's name and extra field");
        LocalHeader h = LocalHeader.parse(offset, fixed, variable, null);
        NpzEntry entry = rules.admit(h);
        boolean deferred = h.hasDataDescriptor();
        ByteWindow window = deferred ? in : new LimitedWindow(in, h.compressedSize());
        SequentialEntryChannel.Ending ending = (delivered, compressed, crc) -> end(h, delivered, compressed, crc);
        long expected = deferred ? -1 : h.size();
        SequentialEntryChannel bytes = entry.method() == NpzEntry.Method.STORED
                ? new StoredEntryChannel(window, h.name(), expected, ending, rules.budget())
                : new InflatingEntryChannel(window, h.name(), expected, ending, rules.budget());
        return new Current(entry, bytes);
    }

    /** The entry's last byte is out: check CRC and sizes against the local header or the data descriptor. */
    private void end(LocalHeader h, long delivered, long compressed, long crc) throws IOException {
        if (h.hasDataDescriptor()) {
            long at = in.position();
            int available = in.ensure(DataDescriptor.MAX_LENGTH);
            DataDescriptor d = DataDescriptor.parse(in.array(), in.offset(), Math.min(available, DataDescriptor.MAX_LENGTH),
                    h.zip64(), crc, compressed, delivered, h.name(), at);
            in.consume(d.length());
            new EndOfEntryCheck("data descriptor", d.crc(), d.compressedSize(), d.size())
                    .verify(h.name(), at, crc, compressed, delivered);
        } else {
            new EndOfEntryCheck("local header", h.crc(), h.compressedSize(), h.size())
                    .verify(h.name(), h.dataOffset(), crc, compressed, delivered);
        }
        seen.put(h.offset(), new Seen(h.name(), h.method(), crc, compressed, delivered));
    }

    private void checkCentralDirectory() throws IOException {
        CentralDirectory directory = CentralDirectory.read(in, seen.size(), "one per entry in the stream");
        Map<Long, Seen> pending = new LinkedHashMap<>(seen);
        for (CentralHeader c : directory.headers()) {
            Seen s = pending.remove(c.localHeaderOffset());
            if (s == null) {
                throw new NpzFormatException(c.name(), c.offset(), "a central directory header for a local header "
                        + "the stream held", "one for offset " + c.localHeaderOffset() + ", where the stream had no "
                        + "entry (or it is listed twice)");
            }
            EntryRules.checkAgreement(s.name(), c, s.name(), s.method(), s.crc(), s.compressedSize(), s.size());
        }
        if (!pending.isEmpty()) {
            Seen missing = pending.values().iterator().next();
            throw new NpzFormatException(missing.name(), directory.offset(), "a central directory header for every "
                    + "entry in the stream", "none for this one (numpy would not see it)");
        }
    }

    /**
     * Closes the stream.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        if (current != null) {
            current.bytes().retire();
        }
        in.close();
    }
}
