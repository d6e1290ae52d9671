package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Numbers from the ZIP format (PKWARE APPNOTE 6.3) and from CPython's {@code zipfile}, which writes
 * and reads every {@code .npz} numpy makes, that more than one record uses; each record's own
 * signature and layout live in its class.
 */
public final class ZipFormat {

    /** Flag bit 0: the entry is encrypted. */
    public static final int FLAG_ENCRYPTED = 0x0001;
    /** Flag bit 3: CRC and sizes follow the data in a data descriptor. */
    public static final int FLAG_DATA_DESCRIPTOR = 0x0008;
    /** Flag bit 6: strong encryption. */
    public static final int FLAG_STRONG_ENCRYPTION = 0x0040;
    /** Flag bit 11: the name is UTF-8 (otherwise CP437, as Python reads it). */
    public static final int FLAG_UTF8 = 0x0800;

    /** Method 0: stored as is. */
    public static final int METHOD_STORED = 0;
    /** Method 8: DEFLATE. */
    public static final int METHOD_DEFLATED = 8;

    /** Version 4.5, the first with ZIP64; CPython writes it once an entry is forced to ZIP64. */
    public static final int VERSION_ZIP64 = 45;
    /** "Version made by" host: UNIX, as CPython on Linux and macOS writes. */
    public static final int HOST_UNIX = 3;
    /** DOS date of 1980-01-01, CPython's default {@code ZipInfo.date_time} (time 00:00:00 is 0). */
    public static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;
    /** External attributes {@code 0o600 << 16} (rw-------), which CPython gives entries opened for writing. */
    public static final int EXTERNAL_ATTRIBUTES = 0600 << 16;

    /** A 32-bit size or offset field that defers to the ZIP64 extra field or end record. */
    public static final long MARK_32 = 0xFFFF_FFFFL;
    /** A 16-bit entry count that defers to the ZIP64 end record. */
    public static final int MARK_16 = 0xFFFF;
    /** CPython's {@code ZIP64_LIMIT}: above it, central directory values go to a ZIP64 extra field. */
    public static final long ZIP64_LIMIT = (1L << 31) - 1;
    /** CPython's {@code ZIP_FILECOUNT_LIMIT}: above it, the ZIP64 end record is written. */
    public static final int FILECOUNT_LIMIT = (1 << 16) - 1;

    /** zlib's bound on DEFLATE's compression ratio: a 258-byte match costs at least two bits. */
    public static final long MAX_DEFLATE_RATIO = 1032;

    private ZipFormat() {
    }

    /**
     * A little-endian unsigned 16-bit value.
     *
     * @param b the bytes
     * @param at the value's first byte
     * @return the value
     */
    public static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /**
     * A little-endian unsigned 32-bit value.
     *
     * @param b the bytes
     * @param at the value's first byte
     * @return the value, 0 to 2^32-1
     */
    public static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & MARK_32;
    }

    /**
     * A little-endian 64-bit value.
     *
     * @param b the bytes
     * @param at the value's first byte
     * @return the value; values of 2^63 and more come out negative
     */
    public static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    /**
     * A little-endian buffer for a record to be written.
     *
     * @param length the record's length
     * @return the buffer
     */
    static ByteBuffer record(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The method's name for messages.
     *
     * @param method a ZIP compression method
     * @return for example {@code "12 (bzip2)"}
     */
    public static String methodName(int method) {
        return switch (method) {
            case 0 -> "0 (stored)";
            case 8 -> "8 (deflated)";
            case 9 -> "9 (deflate64)";
            case 12 -> "12 (bzip2)";
            case 14 -> "14 (lzma)";
            case 93 -> "93 (zstd)";
            case 95 -> "95 (xz)";
            default -> Integer.toString(method);
        };
    }

    /**
     * A CRC-32 for messages.
     *
     * @param crc the value
     * @return for example {@code 0x1c291ca3}
     */
    public static String crcText(long crc) {
        return String.format("0x%08x", crc);
    }

    /**
     * A signature for messages.
     *
     * @param signature the 32-bit value read
     * @return for example {@code 0x04034b50}
     */
    public static String signatureText(long signature) {
        return String.format("0x%08x", signature);
    }
}
