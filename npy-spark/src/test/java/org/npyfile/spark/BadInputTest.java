package org.npyfile.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npyfile.spark.SharedSpark.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.NpyFormatException;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.npz.NpzFormatException;

/**
 * Malformed files inside a job: the task fails with npyfile's exception naming the file (never a short
 * read), and {@code ignoreCorruptFiles} skips them as it does for Spark's own sources.
 */
@ExtendWith(SharedSpark.class)
class BadInputTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        NumpyRuntime.shared().get().produce("eval", dir, Map.of("arrays", Map.of(
                "npy/a-good.npy", "np.arange(100, dtype='<i8')",
                "npy/b-truncated.npy", "np.arange(100, dtype='<i8')",
                "npz/a-good.npz", "{'x': np.arange(10)}",
                "npz/b-corrupt.npz", "{'x': np.arange(10)}")));
        Path truncated = dir.resolve("npy/b-truncated.npy");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 12));
        Files.write(dir.resolve("npy/c-garbage.npy"), "\u0093NUMPY garbage".getBytes(StandardCharsets.ISO_8859_1));
        Path corrupt = dir.resolve("npz/b-corrupt.npz");
        byte[] zip = Files.readAllBytes(corrupt);
        Files.write(corrupt, Arrays.copyOf(zip, zip.length - 30));
    }

    @Test
    void aTruncatedNpyFailsTheTaskWithNpyfilesExceptionNamingTheFile() {
        assertThatThrownBy(() -> spark().read().format("npy").schema("data long")
                .load(dir.resolve("npy/b-truncated.npy").toString()).collectAsList())
                .isInstanceOf(SparkException.class)
                .hasRootCauseInstanceOf(NpyFormatException.class)
                .rootCause().hasMessageContaining("expected 100 elements (800 bytes for shape (100,) of <i8)")
                .hasMessageContaining("only 98 elements");
        assertThatThrownBy(() -> spark().read().format("npy").schema("data long")
                .load(dir.resolve("npy/b-truncated.npy").toString()).collectAsList())
                .hasStackTraceContaining("b-truncated.npy: at byte");
    }

    @Test
    void aMalformedHeaderAndATruncatedArchiveFailNamingTheFile() {
        assertThatThrownBy(() -> spark().read().format("npy").schema("data long")
                .load(dir.resolve("npy/c-garbage.npy").toString()).collectAsList())
                .hasStackTraceContaining("c-garbage.npy: ")
                .hasStackTraceContaining(NpyFormatException.class.getName());
        assertThatThrownBy(() -> spark().read().format("npz").schema("x long")
                .load(dir.resolve("npz/b-corrupt.npz").toString()).collectAsList())
                .hasStackTraceContaining("b-corrupt.npz: ")
                .hasStackTraceContaining(NpzFormatException.class.getName());
    }

    @Test
    void ignoreCorruptFilesSkipsThemAndReadsTheRest() {
        assertThat(spark().read().format("npy").option("ignoreCorruptFiles", "true")
                .load(dir.resolve("npy").toString()).count()).isEqualTo(100);
        assertThat(spark().read().format("npz").option("ignoreCorruptFiles", "true")
                .load(dir.resolve("npz").toString()).count()).isEqualTo(10);
        // Without the option the job fails on whichever bad file a task meets first.
        assertThatThrownBy(() -> spark().read().format("npy").load(dir.resolve("npy").toString()).count())
                .isInstanceOf(SparkException.class).hasMessageMatching("(?s).*(b-truncated|c-garbage)\\.npy.*");
    }
}
