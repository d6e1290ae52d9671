package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.npyfile.npz.NpzFormatException;

/**
 * A central directory file header: the directory's record of one entry.
 *
 * <p>Layout: signature {@code PK\1\2}, version made by (2), version needed (2), flags (2), method (2),
 * time (2), date (2), CRC-32 (4), compressed size (4), size (4), name length (2), extra length (2),
 * comment length (2), disk number (2), internal attributes (2), external attributes (4), local header
 * offset (4), then name, extra field and comment. A size or offset of 0xFFFFFFFF defers to the
 * {@linkplain Zip64Extra ZIP64 extra field}.
 *
 * @param offset the header's archive offset
 * @param flags the general purpose flags
 * @param method the compression method
 * @param crc the CRC-32
 * @param compressedSize the stored size (values of 2^63 and more are negative)
 * @param size the entry's size (values of 2^63 and more are negative)
 * @param localHeaderOffset the archive offset of the entry's local header (values of 2^63 and more
 *     are negative)
 * @param name the decoded name
 * @param length the header's length: fixed part, name, extra field and comment
 */
public record CentralHeader(long offset, int flags, int method, long crc, long compressedSize, long size,
                            long localHeaderOffset, String name, int length) implements EntryHeader {

    /** {@code PK\1\2}. */
    public static final int SIGNATURE = 0x02014b50;
    /** The fixed part, before name, extra field and comment. */
    public static final int FIXED_LENGTH = 46;

    /**
     * The length of the name and extra field that follow the fixed part.
     *
     * @param fixed the {@value #FIXED_LENGTH} fixed bytes
     * @return the number of bytes to read next
     */
    public static int nameAndExtraLength(byte[] fixed) {
        return ZipFormat.u16(fixed, 28) + ZipFormat.u16(fixed, 30);
    }

    /**
     * The length of the comment that follows the extra field.
     *
     * @param fixed the fixed bytes
     * @return the number of bytes after name and extra field
     */
    public static int commentLength(byte[] fixed) {
        return ZipFormat.u16(fixed, 32);
    }

    /**
     * Parses a header.
     *
     * @param offset the header's archive offset
     * @param fixed the fixed part
     * @param nameAndExtra the name and extra field
     * @return the header
     * @throws NpzFormatException if the signature is wrong, the name is malformed, or the extra
     *     field is malformed or lacks a value it is deferred to
     */
    public static CentralHeader parse(long offset, byte[] fixed, byte[] nameAndExtra) throws NpzFormatException {
        long signature = ZipFormat.u32(fixed, 0);
        if (signature != SIGNATURE) {
            throw new NpzFormatException(null, offset, "a central directory header (signature "
                    + ZipFormat.signatureText(SIGNATURE) + ")", ZipFormat.signatureText(signature));
        }
        int flags = ZipFormat.u16(fixed, 8);
        int nameLength = ZipFormat.u16(fixed, 28);
        String name = ZipNames.decode(Arrays.copyOfRange(nameAndExtra, 0, nameLength), flags, offset);
        long[] values = {ZipFormat.u32(fixed, 24), ZipFormat.u32(fixed, 20), ZipFormat.u32(fixed, 42)};
        Zip64Extra.resolve(nameAndExtra, nameLength, nameAndExtra.length, values, true, name, offset);
        return new CentralHeader(offset, flags, ZipFormat.u16(fixed, 10), ZipFormat.u32(fixed, 16), values[1],
                values[0], values[2], name, FIXED_LENGTH + nameAndExtra.length + commentLength(fixed));
    }

    /**
     * A central directory header as CPython writes it: sizes and offset in a ZIP64 extra field only
     * where a value exceeds {@link ZipFormat#ZIP64_LIMIT} (sizes go together), or always if asked.
     *
     * @param name the encoded name
     * @param flags the general purpose flags (UTF-8 name, data descriptor)
     * @param method 0 or 8
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @param localHeaderOffset the archive offset of the local header
     * @param zip64Always whether to move sizes and offset to a ZIP64 extra field whatever their values
     * @return the header, ready to write
     */
    public static ByteBuffer write(byte[] name, int flags, int method, long crc, long compressedSize, long size,
                                   long localHeaderOffset, boolean zip64Always) {
        long[] extra = new long[3];
        int count = 0;
        long compressed32 = compressedSize;
        long size32 = size;
        long offset32 = localHeaderOffset;
        if (zip64Always || size > ZipFormat.ZIP64_LIMIT || compressedSize > ZipFormat.ZIP64_LIMIT) {
            extra[count++] = size;
            extra[count++] = compressedSize;
            size32 = ZipFormat.MARK_32;
            compressed32 = ZipFormat.MARK_32;
        }
        if (zip64Always || localHeaderOffset > ZipFormat.ZIP64_LIMIT) {
            extra[count++] = localHeaderOffset;
            offset32 = ZipFormat.MARK_32;
        }
        int extraLength = count == 0 ? 0 : Zip64Extra.length(count);
        ByteBuffer b = ZipFormat.record(FIXED_LENGTH + name.length + extraLength);
        b.putInt(SIGNATURE)
                .put((byte) ZipFormat.VERSION_ZIP64)
                .put((byte) ZipFormat.HOST_UNIX)
                .putShort((short) ZipFormat.VERSION_ZIP64)
                .putShort((short) flags)
                .putShort((short) method)
                .putShort((short) 0)
                .putShort((short) ZipFormat.DOS_DATE_1980_01_01)
                .putInt((int) crc)
                .putInt((int) compressed32)
                .putInt((int) size32)
                .putShort((short) name.length)
                .putShort((short) extraLength)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(ZipFormat.EXTERNAL_ATTRIBUTES)
                .putInt((int) offset32)
                .put(name);
        if (count > 0) {
            Zip64Extra.write(b, Arrays.copyOf(extra, count));
        }
        return b.flip();
    }

    @Override
    public boolean sizesDeclared() {
        return true;
    }
}
