package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.NpyTypeException;
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
     * Opens a stored entry's region as an npy stream: the region's size is the declared size, and the
     * npy header must imply exactly that.
     *
     * @param entry the entry's name
     * @param region the entry's bytes
     * @param limits the bounds for the npy header and array
     * @return the reader; closing it closes the region
     * @throws IOException as {@link #named} reports it, or if the sizes disagree
     */
    public static NpyReader openStored(String entry, SeekableByteChannel region, NpyLimits limits) throws IOException {
        byte[] first = new byte[MAGIC.length];
        ByteBuffer b = ByteBuffer.wrap(first);
        while (b.hasRemaining() && region.read(b) >= 0) {
            // fill
        }
        if (!isNpy(Arrays.copyOf(first, b.position()))) {
            region.close();
            throw notNpy(entry, Arrays.copyOf(first, b.position()));
        }
        region.position(0);
        NpyReader reader;
        try {
            reader = NpyReader.of(region, limits);
        } catch (IOException e) {
            region.close();
            throw named(entry, e);
        }
        long size = region.size();
        NpyHeader h = reader.header();
        long implied = h.dataOffset() + h.dataBytes();
        if (implied != size) {
            reader.close();
            throw new NpzFormatException(entry, -1, "the npy header (" + h.dtype().descr() + ", shape " + h.shapeString()
                    + ") implies " + implied + " bytes, but the ZIP metadata declares " + size, (Throwable) null);
        }
        return reader;
    }

    /**
     * Opens checked content as an npy stream and tells the content the length the npy header implies.
     * The reader does not trust that length for allocation: its buffers grow as data arrives.
     *
     * @param entry the entry's name
     * @param content the entry's bytes
     * @param limits the bounds for the npy header and array
     * @return the reader; closing it closes the content
     * @throws IOException as {@link #named} reports it, or if the sizes disagree
     */
    public static NpyReader open(String entry, SequentialEntryChannel content, NpyLimits limits) throws IOException {
        byte[] first = content.peek(MAGIC.length);
        if (!isNpy(first)) {
            content.close();
            throw notNpy(entry, first);
        }
        NpyReader reader;
        try {
            reader = NpyReader.of((ReadableByteChannel) content, limits);
            NpyHeader h = reader.header();
            content.expectLength(h.dataOffset() + h.dataBytes());
        } catch (IOException e) {
            content.close();
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
        NpyException renamed;
        if (e instanceof NpyLimitException) {
            renamed = new NpyLimitException(prefix + e.getMessage());
        } else if (e instanceof NpyTypeException) {
            renamed = new NpyTypeException(prefix + e.getMessage());
        } else {
            return new NpyException(prefix + e.getMessage(), e);
        }
        renamed.initCause(e);
        return renamed;
    }
}
