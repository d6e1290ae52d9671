package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import org.npyfile.npz.NpzFormatException;

/**
 * The ZIP64 end of central directory record, between the central directory and its locator: the
 * entry count and the directory's size and offset as 8-byte values, for archives whose
 * {@linkplain EndRecord end record} fields cannot hold them.
 *
 * <p>Layout: signature {@code PK\6\6}, the size of the rest of the record (8), versions (2 + 2), disk
 * numbers (4 + 4), entries on this disk (8), entries (8), directory size (8), directory offset (8),
 * then extensible data (none in version 1, as every writer writes it).
 *
 * @param offset the record's archive offset
 * @param count the number of entries
 * @param directorySize the central directory's length
 * @param directoryOffset the central directory's archive offset
 */
public record Zip64EndRecord(long offset, long count, long directorySize, long directoryOffset) {

    /** {@code PK\6\6}. */
    public static final int SIGNATURE = 0x06064b50;
    /** Signature and the record size field, which counts the bytes after it. */
    public static final int HEAD_LENGTH = 12;
    /** The record of version 1, without extensible data. */
    public static final int LENGTH = 56;
    /** The largest record read: version 1 plus generous extensible data. */
    public static final int MAX_LENGTH = HEAD_LENGTH + (1 << 20);

    /**
     * The record's whole length, from its head.
     *
     * @param offset the record's archive offset, for messages
     * @param head the first {@value #HEAD_LENGTH} bytes
     * @return the length, {@value #LENGTH} to {@link #MAX_LENGTH}
     * @throws NpzFormatException if the signature is wrong or the length is out of that range
     */
    public static int length(long offset, byte[] head) throws NpzFormatException {
        long signature = ZipFormat.u32(head, 0);
        if (signature != SIGNATURE) {
            throw new NpzFormatException(null, offset, "a ZIP64 end of central directory record (signature "
                    + ZipFormat.signatureText(SIGNATURE) + ")", ZipFormat.signatureText(signature));
        }
        long rest = ZipFormat.u64(head, 4);
        if (rest < LENGTH - HEAD_LENGTH || rest > MAX_LENGTH - HEAD_LENGTH) {
            throw new NpzFormatException(null, offset, "a ZIP64 end record of " + (LENGTH - HEAD_LENGTH)
                    + " to " + (MAX_LENGTH - HEAD_LENGTH) + " bytes after its size field", Long.toUnsignedString(rest));
        }
        return (int) (HEAD_LENGTH + rest);
    }

    /**
     * Parses a record.
     *
     * @param offset the record's archive offset
     * @param b the record, at least {@value #LENGTH} bytes
     * @return the record
     * @throws NpzFormatException if the signature is wrong
     */
    public static Zip64EndRecord parse(long offset, byte[] b) throws NpzFormatException {
        length(offset, b);
        return new Zip64EndRecord(offset, ZipFormat.u64(b, 32), ZipFormat.u64(b, 40), ZipFormat.u64(b, 48));
    }

    /**
     * Appends a version 1 record.
     *
     * @param b the records being written, little-endian
     * @param count the number of entries
     * @param directorySize the central directory's length
     * @param directoryOffset the central directory's archive offset
     */
    static void write(ByteBuffer b, long count, long directorySize, long directoryOffset) {
        b.putInt(SIGNATURE)
                .putLong(LENGTH - HEAD_LENGTH)
                .putShort((short) ZipFormat.VERSION_ZIP64)
                .putShort((short) ZipFormat.VERSION_ZIP64)
                .putInt(0)
                .putInt(0)
                .putLong(count)
                .putLong(count)
                .putLong(directorySize)
                .putLong(directoryOffset);
    }

    /**
     * The ZIP64 end of central directory locator, just before the end record: where the ZIP64 end
     * record is.
     *
     * <p>Layout: signature {@code PK\6\7}, the record's disk (4), the record's offset (8), the number
     * of disks (4).
     *
     * @param offset the locator's archive offset
     * @param recordOffset the ZIP64 end record's archive offset (values of 2^63 and more are negative)
     */
    public record Locator(long offset, long recordOffset) {

        /** {@code PK\6\7}. */
        public static final int SIGNATURE = 0x07064b50;
        /** The locator's length. */
        public static final int LENGTH = 20;

        /**
         * Whether bytes hold a locator, by its signature.
         *
         * @param b the bytes
         * @return whether they start with {@code PK\6\7}
         */
        public static boolean isAt(byte[] b) {
            return ZipFormat.u32(b, 0) == SIGNATURE;
        }

        /**
         * Parses a locator.
         *
         * @param offset the locator's archive offset
         * @param b the {@value #LENGTH} bytes
         * @return the locator
         * @throws NpzFormatException if the signature is wrong
         */
        public static Locator parse(long offset, byte[] b) throws NpzFormatException {
            if (!isAt(b)) {
                throw new NpzFormatException(null, offset, "a ZIP64 end of central directory locator (signature "
                        + ZipFormat.signatureText(SIGNATURE) + ")", ZipFormat.signatureText(ZipFormat.u32(b, 0)));
            }
            return new Locator(offset, ZipFormat.u64(b, 8));
        }

        /**
         * Appends a locator.
         *
         * @param b the records being written, little-endian
         * @param recordOffset the ZIP64 end record's archive offset
         */
        static void write(ByteBuffer b, long recordOffset) {
            b.putInt(SIGNATURE)
                    .putInt(0)
                    .putLong(recordOffset)
                    .putInt(1);
        }
    }
}
