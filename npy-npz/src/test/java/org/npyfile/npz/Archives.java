package org.npyfile.npz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.npyfile.NpyArray;
import org.npyfile.NpyWriter;

/**
 * Archives written by {@link NpzWriter} in each of its three ways, and read back whole by each
 * reader: what the tests of this package share. (Archives built byte by byte are {@link RawZip}'s.)
 */
final class Archives {

    /** The three ways an {@link NpzWriter} takes arrays. */
    enum Mode { WRITE, WRITE_ALL, STREAMED_ENTRIES }

    private Archives() {
    }

    /** Writes every array the given way. */
    static void fill(NpzWriter w, Mode mode, Map<String, NpyArray> arrays) throws IOException {
        switch (mode) {
            case WRITE -> {
                for (var e : arrays.entrySet()) {
                    w.write(e.getKey(), e.getValue());
                }
            }
            case WRITE_ALL -> w.writeAll(arrays);
            case STREAMED_ENTRIES -> {
                for (var e : arrays.entrySet()) {
                    try (NpyWriter entry = w.entry(e.getKey(), e.getValue().header())) {
                        entry.write(e.getValue());
                    }
                }
            }
            default -> throw new AssertionError(mode);
        }
    }

    /** The archive as written to a stream, which cannot seek: numpy-to-a-pipe style for streamed entries. */
    static byte[] written(Map<String, NpyArray> arrays, NpzWriteOptions options, Mode mode) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpzWriter w = NpzWriter.of(out, options)) {
            fill(w, mode, arrays);
        }
        return out.toByteArray();
    }

    /** The archive as written to a seekable channel. */
    static byte[] writtenSeekable(Map<String, NpyArray> arrays, NpzWriteOptions options, Mode mode)
            throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (NpzWriter w = NpzWriter.of(channel, options)) {
            fill(w, mode, arrays);
        }
        return Arrays.copyOf(channel.array(), (int) channel.size()); // both stay readable when closed
    }

    /** Every array, through {@link NpzFile} over the archive in memory. */
    static Map<String, NpyArray> readRandomAccess(byte[] archive) throws IOException {
        try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(archive))) {
            return npz.readAll();
        }
    }

    /** Every array, through {@link NpzInputStream}. */
    static Map<String, NpyArray> readStreaming(byte[] archive) throws IOException {
        return Npz.read(new ByteArrayInputStream(archive));
    }

    /** Where bytes first occur in an archive, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
