package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import org.npyfile.npz.NpzFormatException;

/**
 * The ZIP64 extended information extra field (header ID 0x0001): the 8-byte values of a header's
 * size, compressed size and local header offset, for each of them whose 32-bit field holds
 * {@link ZipFormat#MARK_32}, in that order (APPNOTE 4.5.3).
 *
 * <p>Central directory extra fields are read as CPython reads them: a field that runs past the extra
 * data is an error. Local extra fields CPython does not read at all; here they are read up to the
 * first field that does not fit (padding), as only the ZIP64 field matters.
 */
public final class Zip64Extra {

    /** The field's header ID. */
    public static final int ID = 0x0001;
    /** Header ID and data length, before the field's data. */
    private static final int FIELD_HEADER_LENGTH = 4;
    /** The field of a local header as CPython writes it: header, size and compressed size. */
    public static final int LOCAL_LENGTH = FIELD_HEADER_LENGTH + 16;

    private Zip64Extra() {
    }

    /**
     * Replaces each marked value by the field's next 8-byte value.
     *
     * @param extra the bytes holding the extra data
     * @param from the extra data's first byte in {@code extra}
     * @param to the index just past the extra data
     * @param values the header's 32-bit values in APPNOTE's order (size, compressed size, local
     *     header offset; a local header has the first two); those equal to {@link ZipFormat#MARK_32}
     *     are replaced
     * @param central whether the extra data is a central directory header's (read strictly)
     * @param entry the entry's name, for messages
     * @param at the header's archive offset, for messages
     * @return whether the extra data holds a ZIP64 field
     * @throws NpzFormatException if a central extra field runs past the extra data, or the ZIP64
     *     field is too short for the values marked
     */
    public static boolean resolve(byte[] extra, int from, int to, long[] values, boolean central, String entry,
                                  long at) throws NpzFormatException {
        String header = central ? "central directory header" : "local header";
        boolean found = false;
        int i = from;
        while (i + FIELD_HEADER_LENGTH <= to) {
            int id = ZipFormat.u16(extra, i);
            int length = ZipFormat.u16(extra, i + 2);
            int end = i + FIELD_HEADER_LENGTH + length;
            if (end > to) {
                if (central) {
                    throw new NpzFormatException(entry, at, "well-formed extra fields in the " + header,
                            "a field running past the extra data");
                }
                break;
            }
            if (id == ID && !found) {
                found = true;
                int field = i + FIELD_HEADER_LENGTH;
                for (int k = 0; k < values.length; k++) {
                    if (values[k] == ZipFormat.MARK_32) {
                        if (field + 8 > end) {
                            throw new NpzFormatException(entry, at, "a ZIP64 extra field with a value for every one the "
                                    + header + " marks 0xFFFFFFFF", "one that is too short");
                        }
                        values[k] = ZipFormat.u64(extra, field);
                        field += 8;
                    }
                }
            }
            i = end;
        }
        return found;
    }

    /**
     * Appends the field.
     *
     * @param b the record being written, little-endian
     * @param values the 8-byte values, in APPNOTE's order
     */
    static void write(ByteBuffer b, long... values) {
        b.putShort((short) ID).putShort((short) (8 * values.length));
        for (long v : values) {
            b.putLong(v);
        }
    }

    /**
     * The field's length with its header.
     *
     * @param count how many values it holds
     * @return the length
     */
    static int length(int count) {
        return FIELD_HEADER_LENGTH + 8 * count;
    }
}
