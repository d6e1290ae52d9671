package org.npyfile.npz.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The records an archive writer emits, byte for byte as CPython's {@code zipfile} writes them for
 * {@code numpy.savez}: {@code force_zip64} local headers (32-bit size fields 0xFFFFFFFF, real sizes in
 * a ZIP64 extra field), ZIP64 data descriptors, and a central directory and end record that use ZIP64
 * only where a value exceeds {@link ZipFormat#ZIP64_LIMIT} or the entry count
 * {@link ZipFormat#FILECOUNT_LIMIT} (or always, when asked).
 */
public final class ZipRecords {

    /**
     * One entry as the central directory lists it.
     *
     * @param name the encoded name
     * @param flags the general purpose flags (UTF-8 name, data descriptor)
     * @param method 0 or 8
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @param offset the archive offset of the local header
     */
    public record Central(byte[] name, int flags, int method, long crc, long compressedSize, long size, long offset) {
    }

    private ZipRecords() {
    }

    /**
     * A local file header with a ZIP64 extra field, as CPython writes with {@code force_zip64}. With
     * a data descriptor, CRC and sizes are written as 0, as CPython does.
     *
     * @param name the encoded name
     * @param flags the general purpose flags
     * @param method 0 or 8
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @return the header, ready to write
     */
    public static ByteBuffer localHeader(byte[] name, int flags, int method, long crc, long compressedSize, long size) {
        boolean deferred = (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
        ByteBuffer b = allocate(ZipFormat.LOCAL_HEADER_LENGTH + name.length + ZipFormat.LOCAL_ZIP64_EXTRA_LENGTH);
        b.putInt(ZipFormat.LOCAL_HEADER)
                .putShort((short) ZipFormat.VERSION_ZIP64)
                .putShort((short) flags)
                .putShort((short) method)
                .putShort((short) 0)
                .putShort((short) ZipFormat.DOS_DATE_1980_01_01)
                .putInt((int) (deferred ? 0 : crc))
                .putInt((int) ZipFormat.MARK_32)
                .putInt((int) ZipFormat.MARK_32)
                .putShort((short) name.length)
                .putShort((short) ZipFormat.LOCAL_ZIP64_EXTRA_LENGTH)
                .put(name)
                .putShort((short) ZipFormat.ZIP64_EXTRA)
                .putShort((short) (ZipFormat.LOCAL_ZIP64_EXTRA_LENGTH - 4))
                .putLong(deferred ? 0 : size)
                .putLong(deferred ? 0 : compressedSize);
        return b.flip();
    }

    /**
     * A ZIP64 data descriptor with its signature: CRC-32, compressed size, size.
     *
     * @param crc the CRC-32
     * @param compressedSize the stored bytes
     * @param size the entry's bytes
     * @return the descriptor, ready to write
     */
    public static ByteBuffer dataDescriptor(long crc, long compressedSize, long size) {
        return allocate(ZipFormat.ZIP64_DESCRIPTOR_LENGTH)
                .putInt(ZipFormat.DATA_DESCRIPTOR)
                .putInt((int) crc)
                .putLong(compressedSize)
                .putLong(size)
                .flip();
    }

    /**
     * A central directory header.
     *
     * @param e the entry
     * @param zip64Always whether to move sizes and offset to a ZIP64 extra field whatever their values
     * @return the header, ready to write
     */
    public static ByteBuffer centralHeader(Central e, boolean zip64Always) {
        List<Long> extra = new ArrayList<>(3);
        long compressed = e.compressedSize();
        long size = e.size();
        long offset = e.offset();
        if (zip64Always || size > ZipFormat.ZIP64_LIMIT || compressed > ZipFormat.ZIP64_LIMIT) {
            extra.add(size);
            extra.add(compressed);
            size = ZipFormat.MARK_32;
            compressed = ZipFormat.MARK_32;
        }
        if (zip64Always || offset > ZipFormat.ZIP64_LIMIT) {
            extra.add(offset);
            offset = ZipFormat.MARK_32;
        }
        int extraLength = extra.isEmpty() ? 0 : 4 + 8 * extra.size();
        ByteBuffer b = allocate(ZipFormat.CENTRAL_HEADER_LENGTH + e.name().length + extraLength);
        b.putInt(ZipFormat.CENTRAL_HEADER)
                .put((byte) ZipFormat.VERSION_ZIP64)
                .put((byte) ZipFormat.HOST_UNIX)
                .putShort((short) ZipFormat.VERSION_ZIP64)
                .putShort((short) e.flags())
                .putShort((short) e.method())
                .putShort((short) 0)
                .putShort((short) ZipFormat.DOS_DATE_1980_01_01)
                .putInt((int) e.crc())
                .putInt((int) compressed)
                .putInt((int) size)
                .putShort((short) e.name().length)
                .putShort((short) extraLength)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(ZipFormat.EXTERNAL_ATTRIBUTES)
                .putInt((int) offset)
                .put(e.name());
        if (!extra.isEmpty()) {
            b.putShort((short) ZipFormat.ZIP64_EXTRA).putShort((short) (8 * extra.size()));
            for (long v : extra) {
                b.putLong(v);
            }
        }
        return b.flip();
    }

    /**
     * The end records: the ZIP64 end record and locator if needed (or asked for), then the end of
     * central directory record.
     *
     * @param count the number of entries
     * @param directorySize the central directory's length
     * @param directoryOffset the central directory's archive offset
     * @param zip64Always whether to write the ZIP64 records, with 0xFFFF/0xFFFFFFFF in the end record
     * @return the records, ready to write
     */
    public static ByteBuffer endRecords(long count, long directorySize, long directoryOffset, boolean zip64Always) {
        boolean zip64 = zip64Always || count > ZipFormat.FILECOUNT_LIMIT || directoryOffset > ZipFormat.ZIP64_LIMIT
                || directorySize > ZipFormat.ZIP64_LIMIT;
        ByteBuffer b = allocate(ZipFormat.END_RECORD_LENGTH
                + (zip64 ? ZipFormat.ZIP64_END_RECORD_LENGTH + ZipFormat.ZIP64_LOCATOR_LENGTH : 0));
        long count16 = count;
        long size32 = directorySize;
        long offset32 = directoryOffset;
        if (zip64) {
            long recordOffset = directoryOffset + directorySize;
            b.putInt(ZipFormat.ZIP64_END_RECORD)
                    .putLong(ZipFormat.ZIP64_END_RECORD_LENGTH - 12)
                    .putShort((short) ZipFormat.VERSION_ZIP64)
                    .putShort((short) ZipFormat.VERSION_ZIP64)
                    .putInt(0)
                    .putInt(0)
                    .putLong(count)
                    .putLong(count)
                    .putLong(directorySize)
                    .putLong(directoryOffset);
            b.putInt(ZipFormat.ZIP64_LOCATOR)
                    .putInt(0)
                    .putLong(recordOffset)
                    .putInt(1);
            // CPython writes the values capped; forced ZIP64 writes the markers a large archive has
            count16 = zip64Always ? ZipFormat.MARK_16 : Math.min(count, ZipFormat.MARK_16);
            size32 = zip64Always ? ZipFormat.MARK_32 : Math.min(directorySize, ZipFormat.MARK_32);
            offset32 = zip64Always ? ZipFormat.MARK_32 : Math.min(directoryOffset, ZipFormat.MARK_32);
        }
        b.putInt(ZipFormat.END_RECORD)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) count16)
                .putShort((short) count16)
                .putInt((int) size32)
                .putInt((int) offset32)
                .putShort((short) 0);
        return b.flip();
    }

    private static ByteBuffer allocate(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
