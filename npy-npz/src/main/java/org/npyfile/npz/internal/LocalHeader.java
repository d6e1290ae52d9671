package org.npyfile.npz.internal;

import java.util.Arrays;
import org.npyfile.npz.NpzFormatException;

/**
 * A parsed local file header. With a data descriptor (flag bit 3) the CRC and sizes are unknown here
 * and reported as -1, whatever the header's fields hold.
 *
 * @param offset the header's archive offset
 * @param flags the general purpose flags
 * @param method the compression method
 * @param crc the CRC-32, or -1 if deferred to the data descriptor
 * @param compressedSize the stored size, or -1 if deferred
 * @param uncompressedSize the entry's size, or -1 if deferred
 * @param name the decoded name
 * @param zip64 whether the header has a ZIP64 extra field (its data descriptor then has 8-byte sizes)
 * @param length the header's length: fixed part, name and extra field
 */
public record LocalHeader(long offset, int flags, int method, long crc, long compressedSize, long uncompressedSize,
                          String name, boolean zip64, int length) {

    /**
     * The length of the name and extra field that follow the fixed part.
     *
     * @param fixed the {@value ZipFormat#LOCAL_HEADER_LENGTH} fixed bytes
     * @return the number of bytes to read next
     */
    public static int variableLength(byte[] fixed) {
        return ZipFormat.u16(fixed, 26) + ZipFormat.u16(fixed, 28);
    }

    /**
     * Parses a header.
     *
     * @param offset the header's archive offset
     * @param fixed the fixed part
     * @param variable the name and extra field
     * @param entry the entry's name from the central directory, for messages, or null
     * @return the header
     * @throws NpzFormatException if the signature is wrong, the name is malformed, or a size field
     *     defers to a ZIP64 extra field that is missing
     */
    public static LocalHeader parse(long offset, byte[] fixed, byte[] variable, String entry)
            throws NpzFormatException {
        long signature = ZipFormat.u32(fixed, 0);
        if (signature != ZipFormat.LOCAL_HEADER) {
            throw new NpzFormatException(entry, offset, "a local file header (signature 0x04034b50)",
                    String.format("0x%08x", signature));
        }
        int flags = ZipFormat.u16(fixed, 6);
        int method = ZipFormat.u16(fixed, 8);
        long crc = ZipFormat.u32(fixed, 14);
        long compressed = ZipFormat.u32(fixed, 18);
        long uncompressed = ZipFormat.u32(fixed, 22);
        int nameLength = ZipFormat.u16(fixed, 26);
        byte[] raw = Arrays.copyOfRange(variable, 0, nameLength);
        String name = ZipNames.decode(raw, flags, offset);
        boolean zip64 = false;
        int at = nameLength;
        while (at + 4 <= variable.length) {
            int id = ZipFormat.u16(variable, at);
            int size = ZipFormat.u16(variable, at + 2);
            if (at + 4 + size > variable.length) {
                break; // padding or junk after the last field; CPython does not parse local extras at all
            }
            if (id == ZipFormat.ZIP64_EXTRA) {
                zip64 = true;
                int field = at + 4;
                int end = field + size;
                if (uncompressed == ZipFormat.MARK_32) {
                    uncompressed = zip64Value(variable, field, end, name, offset, "uncompressed size");
                    field += 8;
                }
                if (compressed == ZipFormat.MARK_32) {
                    compressed = zip64Value(variable, field, end, name, offset, "compressed size");
                }
            }
            at += 4 + size;
        }
        boolean descriptor = (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
        if (!descriptor && (uncompressed < 0 || compressed < 0)) {
            throw new NpzFormatException(name, offset, "sizes below 2^63 in the local header",
                    "compressed " + Long.toUnsignedString(compressed) + ", uncompressed "
                            + Long.toUnsignedString(uncompressed));
        }
        return new LocalHeader(offset, flags, method, descriptor ? -1 : crc, descriptor ? -1 : compressed,
                descriptor ? -1 : uncompressed, name, zip64, ZipFormat.LOCAL_HEADER_LENGTH + variable.length);
    }

    private static long zip64Value(byte[] b, int at, int end, String name, long offset, String what)
            throws NpzFormatException {
        if (at + 8 > end) {
            throw new NpzFormatException(name, offset, "the " + what + " in the local header's ZIP64 extra field",
                    "a ZIP64 extra field that ends before it");
        }
        return ZipFormat.u64(b, at);
    }

    /**
     * Whether CRC and sizes follow the data in a data descriptor (flag bit 3).
     *
     * @return the flag
     */
    public boolean hasDataDescriptor() {
        return (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
    }

    /**
     * The archive offset of the entry's first data byte.
     *
     * @return offset plus length
     */
    public long dataOffset() {
        return offset + length;
    }
}
