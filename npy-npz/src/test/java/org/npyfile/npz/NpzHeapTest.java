package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyWriter;

/**
 * Whole-archive reads within the heap: an archive whose entries each fit in the heap but together do
 * not is refused up front with an {@link org.npyfile.NpyLimitException} naming the total and the
 * limit and pointing to the entry-by-entry readers, never with an {@link OutOfMemoryError}. Run in a
 * child JVM with a 64 MiB heap, so that the test needs no large heap of its own.
 */
class NpzHeapTest {

    /**
     * The entries' data: each fits a 64 MiB heap alone, together they do not. The first is small, so
     * that a stream reads it (its buffer grows as the data comes, to twice its size at worst) before
     * the second is refused.
     */
    private static final int[] ENTRY_BYTES = {8 << 20, 60 << 20};

    @TempDir
    Path dir;

    @Test
    void wholeArchiveReadsBeyondTheHeapAreRefusedUpFrontNamingTheTotalAndTheLimit() throws Exception {
        Path file = dir.resolve("big.npz");
        try (NpzWriter w = NpzWriter.open(file)) {
            byte[] chunk = new byte[1 << 20];
            String[] keys = {"a", "b"};
            for (int k = 0; k < keys.length; k++) {
                try (NpyWriter entry = w.entry(keys[k], DType.UINT8, ENTRY_BYTES[k])) {
                    for (int i = 0; i < ENTRY_BYTES[k] / chunk.length; i++) {
                        entry.write(chunk, 0, chunk.length);
                    }
                }
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:-UsePerfData", "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), ReadWhole.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(output).isZero();
        String[] lines = output.split("\\R");
        assertThat(lines).as(output).hasSize(5);
        long total = 0; // what the central directory declares: both entries' npy headers and data
        for (int bytes : ENTRY_BYTES) {
            total += NpyHeader.of(DType.UINT8, bytes).dataOffset() + bytes;
        }
        for (int i = 0; i < 3; i++) {
            assertThat(lines[i]).as(output).startsWith("refused: org.npyfile.NpyLimitException: " + file
                    + ": the archive's 2 entries take ").contains("more than the JVM's maximum heap (")
                    .contains("read it entry by entry with NpzFile.reader(name) or NpzFile.map(name), or stream it"
                            + " with NpzInputStream");
            assertThat(lines[i]).contains(" take " + total + " bytes in memory, more than the JVM's maximum heap");
        }
        assertThat(lines[3]).as(output).startsWith("refused: org.npyfile.NpyLimitException: the archive's entries"
                + " up to 'b.npy' take " + total + " bytes in memory, more than the JVM's maximum heap");
        assertThat(lines[4]).as(output).isEqualTo("read one entry: " + ENTRY_BYTES[0] + " elements");
    }

    /** Child JVM: reads the archive whole in every way, and one entry alone; one line per attempt. */
    public static final class ReadWhole {
        public static void main(String[] args) {
            Path file = Path.of(args[0]);
            attempt(() -> {
                try (NpzFile npz = NpzFile.open(file)) {
                    return npz.readAll();
                }
            });
            attempt(() -> Npz.read(file));
            attempt(() -> ((Loaded.Archive) Numpy.load(file)).arrays());
            attempt(() -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return Npz.read(in);
                }
            });
            try (NpzFile npz = NpzFile.open(file)) {
                NpyArray a = npz.read("a");
                System.out.println("read one entry: " + a.elementCount() + " elements");
            } catch (IOException | RuntimeException | Error e) {
                System.out.println("failed: " + e);
            }
        }

        private interface WholeRead {
            Map<String, NpyArray> read() throws IOException;
        }

        private static void attempt(WholeRead read) {
            try {
                System.out.println("read: " + read.read().size() + " entries");
            } catch (org.npyfile.NpyLimitException e) {
                System.out.println("refused: " + e);
            } catch (IOException | RuntimeException | Error e) {
                System.out.println("failed: " + e);
            }
        }
    }
}
