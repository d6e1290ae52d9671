package org.npyfile.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example, so that none can rot. The bundled data was made by numpy. */
class ExamplesTest {

    private static final Path DATA = Path.of("data");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void saveLoad() throws Exception {
        SaveLoad.run(out, dir);
        assertThat(printed()).contains("dtype <f8, shape [2, 3]").contains("values [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]");
    }

    @Test
    void twoStreamsPrintsMatchingImagesAndLabelsFromAnOffset() throws Exception {
        TwoStreams.run(out, DATA.resolve("digits_images.npy"), DATA.resolve("digits_labels.npy"), 10, 3);
        String text = printed();
        assertThat(text).contains("item 10: label ").contains("item 12: label ").doesNotContain("item 13");
        assertThat(text.lines().filter(l -> l.startsWith("\u001b[48;5;"))).hasSize(3 * 8);
    }

    @Test
    void growingWritePatchesTheRowCount() throws Exception {
        GrowingWrite.run(out, dir, 1000);
        assertThat(printed()).contains("wrote (1000, 128) of <f4, 512128 bytes");
    }

    @Test
    void fromResourceReadsAnInputStream() throws Exception {
        FromResource.run(out);
        assertThat(printed()).startsWith("NpyArray[<f4, shape (16,), C order] [0.0, 0.4067366");
    }

    @Test
    void npzEntriesListsHeadersAndStreamsTheLabels() throws Exception {
        NpzEntries.run(out, DATA.resolve("digits.npz"));
        String text = printed();
        assertThat(text).contains("images: |u1 (200, 8, 8), DEFLATED").contains("labels: <i8 (200,), DEFLATED");
        long sum = 0;
        for (long label : org.npyfile.Npy.read(DATA.resolve("digits_labels.npy")).asLongArray()) {
            sum += label;
        }
        assertThat(text).contains("streamed labels: sum " + sum);
    }

    @Test
    void sparkDigitsReadsTheArchiveCountsPerLabelAndWritesTheSevens() throws Exception {
        SparkDigits.run(out, DATA.resolve("digits.npz"), dir);
        String text = printed();
        assertThat(text).contains("|-- images: array").contains("|-- labels: long");
        long[] labels = org.npyfile.Npy.read(DATA.resolve("digits_labels.npy")).asLongArray();
        long sevens = java.util.Arrays.stream(labels).filter(l -> l == 7).count();
        assertThat(text).contains("label 7: " + sevens + " images").contains("wrote " + sevens + " sevens");
    }
}
