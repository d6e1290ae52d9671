package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.npyfile.NpyArray;
import org.npyfile.NpyWriter;

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
     * Deflates the bytes {@code numpy.save} would write for an array.
     *
     * @param array the array
     * @param level the DEFLATE level
     * @return the deflated entry
     * @throws IOException never in practice: everything happens in memory
     */
    public static Precompressed deflate(NpyArray array, int level) throws IOException {
        Deflater deflater = new Deflater(level, true);
        CRC32 crc = new CRC32();
        List<byte[]> blocks = new ArrayList<>();
        long[] counts = new long[2]; // uncompressed, compressed
        int[] last = {0};
        byte[][] block = {new byte[BLOCK_BYTES]};
        Runnable drain = () -> {
            if (last[0] == block[0].length) {
                blocks.add(block[0]);
                block[0] = new byte[BLOCK_BYTES];
                last[0] = 0;
            }
            int k = deflater.deflate(block[0], last[0], block[0].length - last[0]);
            last[0] += k;
            counts[1] += k;
        };
        try {
            WritableByteChannel sink = new WritableByteChannel() {
                private boolean open = true;

                @Override
                public int write(ByteBuffer src) {
                    int n = src.remaining();
                    int start = src.position();
                    crc.update(src);
                    src.position(start);
                    counts[0] += n;
                    deflater.setInput(src);
                    while (!deflater.needsInput()) {
                        drain.run();
                    }
                    // the deflater keeps a reference to src, which the npy writer refills: let go of it
                    deflater.setInput(new byte[0]);
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return open;
                }

                @Override
                public void close() {
                    open = false;
                }
            };
            try (NpyWriter writer = NpyWriter.of(sink, array.header())) {
                writer.write(array);
            }
            deflater.finish();
            while (!deflater.finished()) {
                drain.run();
            }
        } finally {
            deflater.end();
        }
        blocks.add(block[0]);
        return new Precompressed(blocks, last[0], crc.getValue(), counts[0], counts[1]);
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
