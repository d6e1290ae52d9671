package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.npyfile.npz.NpzFormatException;

/**
 * A local file header: the record in front of each entry's data. With a data descriptor (flag bit 3)
 * the CRC and sizes are unknown here and reported as -1, whatever the header's fields hold.
 *
 * <p>Layout: signature {@code PK\3\4}, version (2), flags (2), method (2), time (2), date (2),
 * CRC-32 (4), compressed size (4), size (4), name length (2), extra length (2), then name and extra
 * field. A size of 0xFFFFFFFF defers to the {@linkplain Zip64Extra ZIP64 extra field}.
 *
 * @param offset the header's archive offset
 * @param flags the general purpose flags
 * @param method the compression method
 * @param crc the CRC-32, or -1 if deferred to the data descriptor
 * @param compressedSize the stored size, or -1 if deferred
 * @param size the entry's size, or -1 if deferred
 * @param name the decoded name
 * @param zip64 whether the header has a ZIP64 extra field (its data descriptor then has 8-byte sizes)
 * @param length the header's length: fixed part, name and extra field
 */
public record LocalHeader(long offset, int flags, int method, long crc, long compressedSize, long size,
                          String name, boolean zip64, int length) implements EntryHeader {

    /** {@code PK\3\4}. */
    public static final int SIGNATURE = 0x04034b50;
    /** The fixed part, before the name and extra field. */
    public static final int FIXED_LENGTH = 30;

    /**
     * The length of the name and extra field that follow the fixed part.
     *
     * @param fixed the {@value #FIXED_LENGTH} fixed bytes
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
     *     defers to a ZIP64 extra field that is too short
     */
    public static LocalHeader parse(long offset, byte[] fixed, byte[] variable, String entry)
            throws NpzFormatException {
        long signature = ZipFormat.u32(fixed, 0);
        if (signature != SIGNATURE) {
            throw new NpzFormatException(entry, offset, "a local file header (signature "
                    + ZipFormat.signatureText(SIGNATURE) + ")", ZipFormat.signatureText(signature));
        }
        int flags = ZipFormat.u16(fixed, 6);
        int nameLength = ZipFormat.u16(fixed, 26);
        String name = ZipNames.decode(Arrays.copyOfRange(variable, 0, nameLength), flags, offset);
        long[] sizes = {ZipFormat.u32(fixed, 22), ZipFormat.u32(fixed, 18)};
        boolean zip64 = Zip64Extra.resolve(variable, nameLength, variable.length, sizes, false, name, offset);
        boolean deferred = (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
        return new LocalHeader(offset, flags, ZipFormat.u16(fixed, 8), deferred ? -1 : ZipFormat.u32(fixed, 14),
                deferred ? -1 : sizes[1], deferred ? -1 : sizes[0], name, zip64, FIXED_LENGTH + variable.length);
    }

    /**
     * A local file header with a ZIP64 extra field, as CPython writes with {@code force_zip64}: both
     * 32-bit sizes 0xFFFFFFFF, the real ones in the extra field. With a data descriptor, CRC and sizes
     * are written as 0, as CPython does.
     *
     * @param name the encoded name
     * @param flags the general purpose flags
     * @param method 0 or 8
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @return the header, ready to write
     */
    public static ByteBuffer write(byte[] name, int flags, int method, long crc, long compressedSize, long size) {
        boolean deferred = (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
        ByteBuffer b = ZipFormat.record(FIXED_LENGTH + name.length + Zip64Extra.LOCAL_LENGTH);
        b.putInt(SIGNATURE)
                .putShort((short) ZipFormat.VERSION_ZIP64)
                .putShort((short) flags)
                .putShort((short) method)
                .putShort((short) 0)
                .putShort((short) ZipFormat.DOS_DATE_1980_01_01)
                .putInt((int) (deferred ? 0 : crc))
                .putInt((int) ZipFormat.MARK_32)
                .putInt((int) ZipFormat.MARK_32)
                .putShort((short) name.length)
                .putShort((short) Zip64Extra.LOCAL_LENGTH)
                .put(name);
        Zip64Extra.write(b, deferred ? 0 : size, deferred ? 0 : compressedSize);
        return b.flip();
    }

    /**
     * Whether CRC and sizes follow the data in a data descriptor (flag bit 3).
     *
     * @return the flag
     */
    public boolean hasDataDescriptor() {
        return (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
    }

    @Override
    public boolean sizesDeclared() {
        return !hasDataDescriptor();
    }

    @Override
    public long localHeaderOffset() {
        return offset;
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
