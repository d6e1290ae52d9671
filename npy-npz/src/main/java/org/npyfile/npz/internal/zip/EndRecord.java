package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import org.npyfile.npz.NpzFormatException;

/**
 * The end of central directory record, the last record of an archive: the entry count and the
 * central directory's size and offset, each capped at its field's width ({@link ZipFormat#MARK_16},
 * {@link ZipFormat#MARK_32}) when a {@linkplain Zip64EndRecord ZIP64 end record} holds the real value.
 *
 * <p>Layout: signature {@code PK\5\6}, disk number (2), directory's disk (2), entries on this disk
 * (2), entries (2), directory size (4), directory offset (4), comment length (2), comment.
 *
 * @param offset the record's archive offset
 * @param count the entry count field
 * @param directorySize the central directory size field
 * @param directoryOffset the central directory offset field
 */
public record EndRecord(long offset, long count, long directorySize, long directoryOffset) {

    /** {@code PK\5\6}. */
    public static final int SIGNATURE = 0x06054b50;
    /** The record without its comment. */
    public static final int LENGTH = 22;
    /** The longest comment a 16-bit length allows: the record starts at most this plus {@value #LENGTH} bytes before the end. */
    public static final int MAX_COMMENT = 0xFFFF;

    /**
     * Finds the last record in an archive's tail, as CPython and other readers do.
     *
     * @param tail the archive's last bytes, up to {@value #LENGTH} + {@value #MAX_COMMENT}
     * @return the index of the record's first byte in {@code tail}, or -1 if there is none
     */
    public static int findLast(byte[] tail) {
        for (int i = tail.length - LENGTH; i >= 0; i--) {
            if (ZipFormat.u32(tail, i) == SIGNATURE) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses a record.
     *
     * @param offset the record's archive offset
     * @param b the bytes holding it
     * @param at the record's first byte in {@code b}, with {@value #LENGTH} bytes from there
     * @return the record
     * @throws NpzFormatException if the signature is wrong
     */
    public static EndRecord parse(long offset, byte[] b, int at) throws NpzFormatException {
        long signature = ZipFormat.u32(b, at);
        if (signature != SIGNATURE) {
            throw new NpzFormatException(null, offset, "an end of central directory record (signature "
                    + ZipFormat.signatureText(SIGNATURE) + ")", ZipFormat.signatureText(signature));
        }
        return new EndRecord(offset, ZipFormat.u16(b, at + 10), ZipFormat.u32(b, at + 12), ZipFormat.u32(b, at + 16));
    }

    /**
     * The end records as CPython writes them: a ZIP64 end record and its locator when the count,
     * size or offset needs one (or when asked), then this record with the values capped, or with the
     * markers throughout when ZIP64 is forced, as a large archive has them.
     *
     * @param count the number of entries
     * @param directorySize the central directory's length
     * @param directoryOffset the central directory's archive offset
     * @param zip64Always whether to write the ZIP64 records whatever the values
     * @return the records, ready to write
     */
    public static ByteBuffer write(long count, long directorySize, long directoryOffset, boolean zip64Always) {
        boolean zip64 = zip64Always || count > ZipFormat.FILECOUNT_LIMIT || directoryOffset > ZipFormat.ZIP64_LIMIT
                || directorySize > ZipFormat.ZIP64_LIMIT;
        ByteBuffer b = ZipFormat.record(LENGTH
                + (zip64 ? Zip64EndRecord.LENGTH + Zip64EndRecord.Locator.LENGTH : 0));
        long count16 = count;
        long size32 = directorySize;
        long offset32 = directoryOffset;
        if (zip64) {
            Zip64EndRecord.write(b, count, directorySize, directoryOffset);
            Zip64EndRecord.Locator.write(b, directoryOffset + directorySize);
            count16 = zip64Always ? ZipFormat.MARK_16 : Math.min(count, ZipFormat.MARK_16);
            size32 = zip64Always ? ZipFormat.MARK_32 : Math.min(directorySize, ZipFormat.MARK_32);
            offset32 = zip64Always ? ZipFormat.MARK_32 : Math.min(directoryOffset, ZipFormat.MARK_32);
        }
        b.putInt(SIGNATURE)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) count16)
                .putShort((short) count16)
                .putInt((int) size32)
                .putInt((int) offset32)
                .putShort((short) 0);
        return b.flip();
    }
}
