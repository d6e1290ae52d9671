package org.npyfile.npz.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.npyfile.npz.NpzFormatException;

/**
 * The end of central directory record of a random-access archive (and its ZIP64 record, when a
 * locator precedes it): the entry count and the central directory's place, to check what the central
 * directory parser found against.
 *
 * @param count the number of central directory entries
 * @param directorySize the central directory's length in bytes
 * @param directoryOffset the central directory's archive offset
 */
public record EndRecord(long count, long directorySize, long directoryOffset) {

    /** The longest comment a 16-bit length allows: the record is within this many bytes of the end. */
    private static final int MAX_COMMENT = 0xFFFF;

    /**
     * Finds the last end record, as CPython and Commons Compress do, and reads the ZIP64 record if a
     * locator precedes it.
     *
     * @param input the archive
     * @return the record
     * @throws NpzFormatException if there is none or the ZIP64 record is malformed
     * @throws IOException if the archive cannot be read
     */
    public static EndRecord read(PositionalInput input) throws IOException {
        long size = input.size();
        int tail = (int) Math.min(size, ZipFormat.END_RECORD_LENGTH + MAX_COMMENT);
        ByteBuffer b = ByteBuffer.allocate(tail);
        input.readFully(size - tail, b, null, "the end of the archive");
        byte[] bytes = b.array();
        int at = -1;
        for (int i = tail - ZipFormat.END_RECORD_LENGTH; i >= 0; i--) {
            if (ZipFormat.u32(bytes, i) == ZipFormat.END_RECORD) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new NpzFormatException(null, -1, "an end of central directory record (PK\\5\\6) in the last "
                    + tail + " bytes", "none (not a ZIP file, or a truncated one)");
        }
        long recordOffset = size - tail + at;
        long count = ZipFormat.u16(bytes, at + 10);
        long directorySize = ZipFormat.u32(bytes, at + 12);
        long directoryOffset = ZipFormat.u32(bytes, at + 16);
        if (recordOffset >= ZipFormat.ZIP64_LOCATOR_LENGTH) {
            ByteBuffer locator = ByteBuffer.allocate(ZipFormat.ZIP64_LOCATOR_LENGTH);
            input.readFully(recordOffset - ZipFormat.ZIP64_LOCATOR_LENGTH, locator, null, "the ZIP64 locator");
            byte[] l = locator.array();
            if (ZipFormat.u32(l, 0) == ZipFormat.ZIP64_LOCATOR) {
                long zip64At = ZipFormat.u64(l, 8);
                if (zip64At < 0 || zip64At > size - ZipFormat.ZIP64_END_RECORD_LENGTH) {
                    throw new NpzFormatException(null, recordOffset - ZipFormat.ZIP64_LOCATOR_LENGTH,
                            "a ZIP64 end record offset inside the archive", Long.toUnsignedString(zip64At));
                }
                ByteBuffer record = ByteBuffer.allocate(ZipFormat.ZIP64_END_RECORD_LENGTH);
                input.readFully(zip64At, record, null, "the ZIP64 end record");
                byte[] r = record.array();
                if (ZipFormat.u32(r, 0) != ZipFormat.ZIP64_END_RECORD) {
                    throw new NpzFormatException(null, zip64At, "a ZIP64 end record (PK\\6\\6)",
                            String.format("the signature 0x%08x", ZipFormat.u32(r, 0)));
                }
                count = ZipFormat.u64(r, 32);
                directorySize = ZipFormat.u64(r, 40);
                directoryOffset = ZipFormat.u64(r, 48);
            }
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset > size || directorySize > size - directoryOffset) {
            throw new NpzFormatException(null, recordOffset, "a central directory inside the archive of " + size
                    + " bytes", Long.toUnsignedString(directorySize) + " bytes at offset "
                    + Long.toUnsignedString(directoryOffset));
        }
        return new EndRecord(count, directorySize, directoryOffset);
    }
}
