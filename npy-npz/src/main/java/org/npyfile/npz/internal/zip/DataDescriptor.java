package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import org.npyfile.npz.NpzFormatException;

/**
 * The data descriptor after an entry's data, for writers that learn CRC and sizes only at the end
 * (flag bit 3; numpy writing to a pipe): CRC-32, compressed size, size, optionally behind the
 * signature {@code PK\7\8}, with 4-byte sizes or, in ZIP64 archives, 8-byte ones.
 *
 * <p>Which of the four forms a writer chose is not recorded anywhere: the form is found by the values
 * the reader computed, which it must match anyway.
 *
 * @param crc the CRC-32
 * @param compressedSize the stored bytes
 * @param size the entry's bytes
 * @param length the descriptor's length in its form
 */
public record DataDescriptor(long crc, long compressedSize, long size, int length) {

    /** {@code PK\7\8}, optional. */
    public static final int SIGNATURE = 0x08074b50;
    /** The longest form: signature, CRC-32 and two 8-byte sizes. */
    public static final int MAX_LENGTH = 24;

    /**
     * Parses the descriptor in the form whose values equal the computed ones, trying the expected
     * form first (8-byte sizes after a local header with a ZIP64 field); if none matches, in the
     * expected form, for the caller to report the difference.
     *
     * @param b the bytes holding what follows the entry's data
     * @param from the index in {@code b} of the byte after the data
     * @param available how many bytes there are from there, at most {@value #MAX_LENGTH}
     * @param zip64 whether the local header has a ZIP64 extra field
     * @param crc the CRC-32 computed over the entry
     * @param compressedSize the stored bytes counted
     * @param size the entry bytes counted
     * @param entry the entry's name, for messages
     * @param at the descriptor's archive offset, for messages
     * @return the descriptor
     * @throws NpzFormatException if the archive ends before the expected form does
     */
    public static DataDescriptor parse(byte[] b, int from, int available, boolean zip64, long crc, long compressedSize,
                                       long size, String entry, long at) throws NpzFormatException {
        int[] widths = zip64 ? new int[] {8, 4} : new int[] {4, 8};
        boolean signed = available >= 4 && ZipFormat.u32(b, from) == SIGNATURE;
        for (int width : widths) {
            for (int start : signed ? new int[] {4, 0} : new int[] {0}) {
                DataDescriptor d = read(b, from, available, start, width);
                if (d != null && d.crc() == crc && d.compressedSize() == compressedSize && d.size() == size) {
                    return d;
                }
            }
        }
        DataDescriptor expected = read(b, from, available, signed ? 4 : 0, widths[0]);
        if (expected == null) {
            throw new NpzFormatException(entry, at, "a data descriptor after the entry's data",
                    "the end of the stream (truncated archive)");
        }
        return expected;
    }

    private static DataDescriptor read(byte[] b, int from, int available, int start, int width) {
        int length = start + 4 + 2 * width;
        if (length > available) {
            return null;
        }
        int at = from + start;
        return new DataDescriptor(ZipFormat.u32(b, at), value(b, at + 4, width), value(b, at + 4 + width, width), length);
    }

    private static long value(byte[] b, int at, int width) {
        return width == 8 ? ZipFormat.u64(b, at) : ZipFormat.u32(b, at);
    }

    /**
     * A ZIP64 data descriptor with its signature, as CPython writes it.
     *
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @return the descriptor, ready to write
     */
    public static ByteBuffer write(long crc, long compressedSize, long size) {
        return ZipFormat.record(MAX_LENGTH)
                .putInt(SIGNATURE)
                .putInt((int) crc)
                .putLong(compressedSize)
                .putLong(size)
                .flip();
    }
}
