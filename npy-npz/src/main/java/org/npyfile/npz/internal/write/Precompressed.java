package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.npyfile.NpyArray;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * An array's npy bytes deflated in memory, with their CRC-32 and sizes: the unit of work for
 * deflating several entries on several threads. Held in fixed-size blocks, so no single buffer
 * limits its size and nothing is copied as it grows.
 */
public final class Precompressed {

    /** One block of compressed bytes. */
    static final int BLOCK_BYTES = 1 << 16;

    private final List<byte[]> blocks;
    private final int lastLength;
    private final long crc;
    private final long size;
    private final long compressedSize;

    private Precompressed(List<byte[]> blocks, int lastLength, long crc, long size, long compressedSize) {
        this.blocks = blocks;
        this.lastLength = lastLength;
        this.crc = crc;
        this.size = size;
        this.compressedSize = compressedSize;
    }

    /**
     * Deflates the bytes {@code numpy.save} would write for an array (its pickle, for objects).
     *
     * @param array the array
     * @param level the DEFLATE level
     * @return the deflated entry
     * @throws IOException never in practice: everything happens in memory
     */
    public static Precompressed deflate(NpyArray array, int level) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        int[] last = {BLOCK_BYTES}; // bytes used in the last block; none yet
        EntryEncoder encoder = new EntryEncoder(ZipFormat.METHOD_DEFLATED, level, encoded -> {
            while (encoded.hasRemaining()) {
                if (last[0] == BLOCK_BYTES) {
                    blocks.add(new byte[BLOCK_BYTES]);
                    last[0] = 0;
                }
                int k = Math.min(encoded.remaining(), BLOCK_BYTES - last[0]);
                encoded.get(blocks.get(blocks.size() - 1), last[0], k);
                last[0] += k;
            }
        });
        try {
            NpyContent.writeAndClose(encoder, array);
        } finally {
            encoder.release();
        }
        if (blocks.isEmpty()) {
            blocks.add(new byte[0]);
            last[0] = 0;
        }
        return new Precompressed(blocks, last[0], encoder.crc(), encoder.size(), encoder.compressedSize());
    }

    /** @return the CRC-32 of the uncompressed bytes */
    public long crc() {
        return crc;
    }

    /** @return the uncompressed length */
    public long size() {
        return size;
    }

    /** @return the compressed length */
    public long compressedSize() {
        return compressedSize;
    }

    /**
     * Writes the compressed bytes.
     *
     * @param out the target
     * @throws IOException from the target
     */
    void writeTo(ArchiveTarget out) throws IOException {
        for (int i = 0; i < blocks.size(); i++) {
            int length = i == blocks.size() - 1 ? lastLength : blocks.get(i).length;
            out.write(ByteBuffer.wrap(blocks.get(i), 0, length));
        }
    }
}
