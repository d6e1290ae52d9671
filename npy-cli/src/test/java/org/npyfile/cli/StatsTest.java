package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;

/**
 * {@code npy stats} without numpy at hand: the expected texts are what numpy 2.4 prints
 * ({@link StatsMatchesNumpyTest} compares with a live numpy).
 */
class StatsTest {

    @TempDir
    Path tmp;

    @Test
    void float32MeanAndStdPrintAsNumpyPrintsFloat32Scalars() throws IOException {
        // numpy: np.mean(a) -> 0.625, np.std(a) -> 0.553963 (float32 scalars);
        // in float64 they would be 0.6249999981373549 and 0.5539629938258605
        Path file = tmp.resolve("f4.npy");
        Npy.write(file, NpyArray.of(new float[] {0.1f, 0.2f, 0.7f, 1.5f}));
        Cli.Result result = Cli.run("stats", file);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("mean +0\\.625\\R").containsPattern("std +0\\.553963\\R");
        Cli.Result json = Cli.run("stats", "--json", file);
        assertThat(json.out()).contains("\"mean\": 0.625,", "\"std\": 0.553963");
    }

    @Test
    void float64AndIntegerResultsStayFloat64() throws IOException {
        Path file = tmp.resolve("f8.npy");
        Npy.write(file, NpyArray.of(new double[] {0.1f, 0.2f, 0.7f, 1.5f}));
        assertThat(Cli.run("stats", file).out()).containsPattern("mean +0\\.6249999981373549\\R")
                .containsPattern("std +0\\.5539629938258\\d*\\R");
    }
}
