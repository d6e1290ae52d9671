package org.npyfile.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.npyfile.DType;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;

/**
 * Writes a large array of unknown length in chunks: rows arrive from a producer that does not say
 * how many there will be; the row count is patched into the header when the writer closes.
 */
public final class GrowingWrite {

    private GrowingWrite() {
    }

    /**
     * Writes rows of 128 float32 values until the producer stops, then reads the header back.
     *
     * @param out where to print
     * @param dir a directory to write into
     * @param rows how many rows the producer yields (unknown to the writer)
     * @throws IOException if the file cannot be written
     */
    public static void run(PrintStream out, Path dir, int rows) throws IOException {
        Path file = dir.resolve("embeddings.npy");
        float[] row = new float[128];
        try (NpyWriter writer = NpyWriter.growing(file, DType.FLOAT32, 128)) {
            for (int r = 0; r < rows; r++) {
                Arrays.fill(row, r * 0.001f);
                writer.write(row, 0, row.length);
            }
        }
        try (NpyReader reader = NpyReader.open(file)) {
            out.println("wrote " + reader.header().shapeString() + " of " + reader.header().dtype().descr()
                    + ", " + Files.size(file) + " bytes");
        }
    }

    /**
     * Runs the example in a temporary directory with 100,000 rows (51 MB).
     *
     * @param args unused
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(System.out, Files.createTempDirectory("npyfile-example"), 100_000);
    }
}
