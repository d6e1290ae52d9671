package org.npyfile.npz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.npyfile.Npy;
import org.npyfile.NpyArray;

/**
 * Builds ZIP archives byte by byte for tests of malformed input: every header field is whatever the
 * test says, true or not. Entries without a ZIP64 field; names in UTF-8 with flag bit 11.
 */
final class RawZip {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int count;

    /** The next byte's offset. */
    long position() {
        return body.size();
    }

    /** Writes a local header and data; returns the header's offset. */
    long local(String name, int flags, int method, long crc, long compressedSize, long size, byte[] data) {
        long offset = body.size();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = le(30 + n.length);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) (flags | 0x800)).putShort((short) method)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) compressedSize)
                .putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n);
        body.writeBytes(b.array());
        body.writeBytes(data);
        return offset;
    }

    /** Writes arbitrary bytes (a data descriptor, garbage). */
    void raw(byte[] bytes) {
        body.writeBytes(bytes);
    }

    /** Adds a central directory entry. */
    void central(String name, int flags, int method, long crc, long compressedSize, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = le(46 + n.length);
        b.putInt(0x02014b50).putShort((short) (20 | 3 << 8)).putShort((short) 20).putShort((short) (flags | 0x800))
                .putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
                .putInt((int) compressedSize).putInt((int) size).putShort((short) n.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0600 << 16).putInt((int) offset)
                .put(n);
        central.writeBytes(b.array());
        count++;
    }

    /** Adds a central directory entry whose sizes and offset sit in a ZIP64 extra field. */
    void centralZip64(String name, int method, long crc, long compressedSize, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = le(46 + n.length + 28);
        b.putInt(0x02014b50).putShort((short) (45 | 3 << 8)).putShort((short) 45).putShort((short) 0x800)
                .putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
                .putInt(-1).putInt(-1).putShort((short) n.length).putShort((short) 28)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0600 << 16).putInt(-1)
                .put(n).putShort((short) 1).putShort((short) 24).putLong(size).putLong(compressedSize).putLong(offset);
        central.writeBytes(b.array());
        count++;
    }

    /** An entry whose local and central headers say the same, true or not. */
    RawZip entry(String name, int flags, int method, long crc, long compressedSize, long size, byte[] data) {
        long offset = local(name, flags, method, crc, compressedSize, size, data);
        central(name, flags, method, crc, compressedSize, size, offset);
        return this;
    }

    /** A consistent stored entry, both headers. */
    RawZip stored(String name, byte[] data) {
        return entry(name, 0, 0, crc(data), data.length, data.length, data);
    }

    /** A consistent deflated entry, both headers. */
    RawZip deflated(String name, byte[] data) {
        return entry(name, 0, 8, crc(data), deflate(data).length, data.length, deflate(data));
    }

    /** The archive: body, central directory, end record. */
    byte[] finish() {
        return finish(count);
    }

    /** The archive, with an end record that declares {@code declared} entries, true or not. */
    byte[] finish(int declared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(central.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) declared)
                .putShort((short) declared).putInt(central.size()).putInt(body.size()).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    static byte[] npy(NpyArray array) {
        return Npy.toBytes(array);
    }

    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(6, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
