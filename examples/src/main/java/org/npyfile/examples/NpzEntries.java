package org.npyfile.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzInputStream;

/**
 * Reads an {@code .npz} bundle entry by entry, twice: with random access (headers listed without
 * reading any data) and as a plain stream (one entry at a time, as from a socket), summing the
 * labels in chunks so that no entry is ever held whole.
 */
public final class NpzEntries {

    private NpzEntries() {
    }

    /**
     * Lists the entries of an archive, then streams it and sums its {@code labels} entry.
     *
     * @param out where to print
     * @param archive an archive written by {@code numpy.savez} or {@code savez_compressed}
     * @throws IOException if the archive cannot be read or is damaged
     */
    public static void run(PrintStream out, Path archive) throws IOException {
        try (NpzFile npz = NpzFile.open(archive)) {
            for (NpzEntry entry : npz.entries()) {
                NpyHeader header = npz.header(entry.key());
                out.println(entry.key() + ": " + header.dtype().descr() + " " + header.shapeString() + ", "
                        + entry.method() + " " + entry.compressedSize() + " of " + entry.uncompressedSize() + " bytes");
            }
        }
        try (InputStream in = Files.newInputStream(archive); NpzInputStream stream = NpzInputStream.of(in)) {
            while (stream.nextEntry() != null) {
                if (!stream.entry().key().equals("labels")) {
                    continue;
                }
                long sum = 0;
                long[] chunk = new long[64];
                try (NpyReader reader = stream.reader()) {
                    int n;
                    while ((n = reader.read(chunk, 0, chunk.length)) > 0) {
                        for (int i = 0; i < n; i++) {
                            sum += chunk[i];
                        }
                    }
                }
                out.println("streamed labels: sum " + sum);
            }
        }
    }

    /**
     * Runs the example.
     *
     * @param args the archive (default: the bundled digits)
     * @throws IOException if the archive cannot be read
     */
    public static void main(String[] args) throws IOException {
        run(System.out, Path.of(args.length > 0 ? args[0] : "examples/data/digits.npz"));
    }
}
