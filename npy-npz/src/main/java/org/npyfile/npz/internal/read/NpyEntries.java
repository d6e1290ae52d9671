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
     * implies, which must be the declared one where the ZIP metadata declares one. An object array's
     * header implies no length (its pickle's is told nowhere): its entry must end where the ZIP
     * metadata or its DEFLATE stream says, and its CRC-32 and sizes are checked there all the same.
     * The reader can seek both ways in a {@link SeekableEntryChannel}; otherwise it reads forward, and
     * does not trust that length for allocation: its buffers grow as data arrives.
     *
     * @param entry the entry's name
     * @param bytes the entry's bytes
     * @param limits the bounds for the npy header and array
     * @return the reader, not named; closing it closes the bytes
     * @throws NpzFormatException if the entry is not an npy stream, its length differs, or it holds
     *     objects and nothing tells where it ends
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
            if (h.dataBytes() >= 0) {
                bytes.expectLength(h.dataOffset() + h.dataBytes());
            } else if (!bytes.endKnown()) {
                throw new NpzFormatException(entry, -1, "an object array (dtype " + h.dtype().descr() + ") stored with "
                        + "its sizes in a data descriptor after it, as numpy writes to a pipe: its pickle's length is "
                        + "told nowhere before its end, so it cannot be read from a stream; read the archive with "
                        + "NpzFile", (Throwable) null);
            }
        } catch (IOException e) {
            bytes.close();
            throw named(entry, e);
        }
        return reader;
    }

    /**
     * Puts the entry's name on an exception from npy-core, keeping its type: an
     * {@link NpyFormatException} becomes an {@link NpzFormatException}, limit and other failures stay
     * what they are, with the original as the cause. A file name the exception carries (a reader
     * named {@code archive.npz:entry}) is replaced by the entry's name in the message, so that the
     * archive's name can be put on once, by the caller. Exceptions that name the entry already, and
     * plain I/O failures, pass through.
     *
     * @param entry the entry's name
     * @param e the failure
     * @return the failure to throw
     */
    public static IOException named(String entry, IOException e) {
        if (!(e instanceof NpyException n) || e instanceof NpzFormatException) {
            return e;
        }
        String message = ownMessage(n);
        String prefix = "entry '" + entry + "': ";
        if (n.file() == null && message != null && message.startsWith(prefix)) {
            return e;
        }
        if (e instanceof NpyFormatException f) {
            return new NpzFormatException(entry, -1, "in its npy stream: " + message, f);
        }
        NpyException renamed = e instanceof NpyLimitException ? new NpyLimitException(prefix + message)
                : new NpyException(prefix + message);
        renamed.initCause(e);
        return renamed;
    }

    /** An exception's message without the file name it starts with. */
    private static String ownMessage(NpyException e) {
        String message = e.getMessage();
        String file = e.file();
        if (file != null && message != null && message.startsWith(file + ": ")) {
            return message.substring(file.length() + 2);
        }
        return message;
    }
}
