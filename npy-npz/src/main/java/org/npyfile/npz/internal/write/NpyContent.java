package org.npyfile.npz.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyWriter;

/**
 * The bytes {@code numpy.save} writes for an array, as an entry's content: the preamble, then the
 * data; for an object array, the preamble and its pickle, which numpy loads with
 * {@code allow_pickle=True}. The one place that knows both kinds.
 */
public final class NpyContent {

    private NpyContent() {
    }

    /**
     * The content's length.
     *
     * @param array the array
     * @return the preamble's length plus the data's (or the pickle's)
     */
    public static long length(NpyArray array) {
        NpyHeader header = array.header();
        return header.dataOffset() + (array.dtype().hasObjects() ? array.data().remaining() : header.dataBytes());
    }

    /**
     * Writes the content and closes the target, which ends the entry.
     *
     * @param target the entry's bytes
     * @param array the array
     * @throws IOException if the target fails
     */
    public static void writeAndClose(WritableByteChannel target, NpyArray array) throws IOException {
        if (!array.dtype().hasObjects()) {
            try (NpyWriter writer = NpyWriter.of(target, array.header())) {
                writer.write(array);
            }
            return;
        }
        try (target) {
            writeFully(target, ByteBuffer.wrap(array.header().toBytes()));
            writeFully(target, array.data());
        }
    }

    private static void writeFully(WritableByteChannel target, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            target.write(bytes);
        }
    }
}
