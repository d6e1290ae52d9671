package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.util.Arrays;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.internal.zip.ZipNames;

/** Opens the npy stream inside an entry and puts the entry's name on whatever goes wrong. */
public final class NpyEntries {

    /** numpy's {@code MAGIC_PREFIX}: {@code NpzFile} parses an entry as npy only if it starts with it. */
    private static final byte[] MAGIC = HeaderFormat.MAGIC;

    private NpyEntries() {
    }

    /** @return the length of the npy magic string */
    public static int magicLength() {
        return MAGIC.length;
    }

    /**
     * Whether bytes start as numpy's {@code NpzFile} requires of an npy entry.
     *
     * @param first the entry's first bytes
     * @return whether they begin with {@code \x93NUMPY}
     */
    public static boolean isNpy(byte[] first) {
        return first.length >= MAGIC.length && Arrays.equals(first, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * The failure for an entry that is not an npy stream where an array is required.
     *
     * @param entry the entry's name
     * @param first its first bytes
     * @return the exception
     */
    public static NpzFormatException notNpy(String entry, byte[] first) {
        return new NpzFormatException(entry, -1, "an npy stream (magic \\x93NUMPY); numpy.load would hand this entry "
                + "out as raw bytes, which npyfile does not; it starts with " + (first.length == 0 ? "nothing (empty)"
                        : "the bytes " + ZipNames.hex(first)), (Throwable) null);
    }

    /**
     * Opens an entry's checked bytes as an npy stream and tells them the length the npy header
     * implies, which must be the declared one where the ZIP metadata declares one. The reader can seek
     * both ways in a {@link SeekableEntryChannel}; otherwise it reads forward, and does not trust that
     * length for allocation: its buffers grow as data arrives.
     *
     * @param entry the entry's name
     * @param bytes the entry's bytes
     * @param limits the bounds for the npy header and array
     * @return the reader; closing it closes the bytes
     * @throws NpzFormatException if the entry is not an npy stream or its length differs
     * @throws IOException as {@link #named} reports it
     */
    public static NpyReader open(String entry, EntryChannel bytes, NpyLimits limits) throws IOException {
        byte[] first = bytes.peek(MAGIC.length);
        if (!isNpy(first)) {
            bytes.close();
            throw notNpy(entry, first);
        }
        NpyReader reader;
        try {
            reader = NpyReader.of(bytes, limits);
            NpyHeader h = reader.header();
            bytes.expectLength(h.dataOffset() + h.dataBytes());
        } catch (IOException e) {
            bytes.close();
            throw named(entry, e);
        }
        return reader;
    }

    /**
     * Puts the entry's name on an exception from npy-core, keeping its type: an
     * {@link NpyFormatException} becomes an {@link NpzFormatException}, limit and type failures stay
     * what they are, with the original as the cause. Exceptions that already name the entry, and
     * plain I/O failures, pass through.
     *
     * @param entry the entry's name
     * @param e the failure
     * @return the failure to throw
     */
    public static IOException named(String entry, IOException e) {
        String prefix = "entry '" + entry + "': ";
        if (e instanceof NpzFormatException || !(e instanceof NpyException)
                || (e.getMessage() != null && e.getMessage().startsWith(prefix))) {
            return e;
        }
        if (e instanceof NpyFormatException f) {
            return new NpzFormatException(entry, -1, "in its npy stream: " + f.getMessage(), f);
        }
        if (!(e instanceof NpyLimitException)) {
            return new NpyException(prefix + e.getMessage(), e);
        }
        NpyException renamed = new NpyLimitException(prefix + e.getMessage());
        renamed.initCause(e);
        return renamed;
    }
}
