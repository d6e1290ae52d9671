package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.cli.picture.HistogramText;

/**
 * {@code npy hist} without numpy: the text and JSON it prints, its chart, its errors, and that only
 * it loads the charting library. ({@link HistMatchesNumpyTest} compares edges and counts with numpy.)
 */
class HistTest {

    private static final String N = System.lineSeparator();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path write(NpyArray array) throws IOException {
        Path file = tmp.resolve("a.npy");
        Npy.write(file, array);
        return file;
    }

    @Test
    void barsInTextWithTheCountsAndWhatWasCountedApart() throws IOException {
        Path file = write(NpyArray.of(new double[] {0, 1, 1, 2, 2, 2, 2, 3, Double.NaN, Double.POSITIVE_INFINITY}));
        Cli.Result result = Cli.run("hist", file, "--bins", 3, "--ascii", "--width", 30);
        assertThat(result.exitCode()).as(result.err()).isZero();
        // numpy.histogram([0, 1, 1, 2, 2, 2, 2, 3], 3): edges 0, 1, 2, 3; counts 1, 2, 5
        assertThat(result.out()).isEqualTo(file + ": float64 (10,), 8 values in 3 bins" + N
                + "[0, 1)  ####                 1" + N
                + "[1, 2)  ########             2" + N
                + "[2, 3]  ###################  5" + N
                + "not counted: NaN 1, +inf 1, -inf 0" + N);
    }

    @Test
    void jsonHasTheEdgesCountsAndNonFiniteCounts() throws IOException {
        Path file = write(NpyArray.of(new float[] {0.1f, 0.2f, 0.7f, Float.NEGATIVE_INFINITY}));
        Cli.Result result = Cli.run("hist", file, "--json", "--bins", 2);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("edges", "counts", "nan", "posinf", "neginf");
        // float32 data: float32 edges, printed as numpy prints float32 values
        assertThat(json.get("edges").toString()).isEqualTo("[0.1,0.39999998,0.7]");
        assertThat(json.get("counts").toString()).isEqualTo("[2,1]");
        assertThat(json.get("neginf").asLong()).isEqualTo(1);
    }

    @Test
    void unicodeBarsGrowInEighths() throws IOException {
        Path file = write(NpyArray.of(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 1}));
        Cli.Result result = Cli.run("hist", file, "--bins", 2, "--width", 26);
        String[] lines = result.out().split(N);
        // bars of 13 characters: 13 for the 8 values, 13/8 (one and five eighths) for the one
        assertThat(lines[1]).isEqualTo("[0, 0.5)  " + "\u2588".repeat(13) + "  8");
        assertThat(lines[2]).isEqualTo("[0.5, 1]  \u2588\u258b" + " ".repeat(11) + "  1");
    }

    @Test
    void edgeLabelsHaveTheDigitsTheirBinsNeed() {
        assertThat(HistogramText.labels(new double[] {0, 1.6, 3.2, 4.800000000000001, 16}))
                .containsExactly("0", "1.6", "3.2", "4.8", "16");
        assertThat(HistogramText.labels(new double[] {0, 5.333333333333333, 10.666666666666666, 16}))
                .containsExactly("0", "5.33", "10.7", "16");
        assertThat(HistogramText.labels(new double[] {1e-7, 2e-7})).containsExactly("1e-07", "2e-07");
    }

    @Test
    void aPngChartIsWritten() throws IOException {
        Path png = tmp.resolve("h.png");
        Cli.Result result = Cli.run("hist", Cli.EXAMPLES.resolve("digits.npz") + ":images", "-o", png, "--log");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(png + ": 800x500 chart of " + Cli.EXAMPLES.resolve("digits.npz")
                + ":images: uint8 (200, 8, 8), 12800 values in 10 bins" + N);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void badArgumentsAreUsageErrors() throws IOException {
        Path file = write(NpyArray.of(new double[] {1, 2, 3}));
        assertThat(Cli.run("hist", file, "--edges", "0,1", "--bins", 3).err())
                .contains("--edges gives the bins; it goes with neither --bins nor --range");
        assertThat(Cli.run("hist", file, "--edges", "1,0").err()).contains("--edges must increase monotonically");
        assertThat(Cli.run("hist", file, "--range", "3,1").err()).contains("max must be larger than min");
        assertThat(Cli.run("hist", file, "--bins", 0).exitCode()).isEqualTo(ExitCodes.USAGE);
        Path strings = tmp.resolve("s.npy");
        Npy.write(strings, NpyArray.ofStrings(new String[] {"a"}));
        Cli.Result text = Cli.run("hist", strings);
        assertThat(text.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(text.err()).contains("hist needs a bool, integer or float array; this one holds <U1");
    }

    @Test
    void onlyHistAndViewLoadTheChartLibraryOrAwt() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        for (List<String> args : List.of(List.of("info", Cli.EXAMPLES.resolve("digits.npz").toString()),
                List.of("stats", Cli.EXAMPLES.resolve("digits.npz").toString()),
                List.of("hist", Cli.EXAMPLES.resolve("digits_labels.npy").toString()))) {
            List<String> run = new ArrayList<>(command);
            run.addAll(args);
            Process process = new ProcessBuilder(run).redirectErrorStream(true).start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(log).isZero();
            assertThat(log).as(args.get(0)).doesNotContain("org.knowm.xchart", "java.awt.image.BufferedImage",
                    "javax.imageio");
        }
    }
}
