package org.npyfile.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npyfile.spark.SharedSpark.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npyfile.fixtures.NumpyRuntime;

/** {@code format("npz")} on archives numpy.savez and numpy.savez_compressed wrote: a column per key. */
@ExtendWith(SharedSpark.class)
class NpzReadTest {

    private static final String BUNDLE = "{'x': np.arange(300, dtype='<f8'), "
            + "'y': np.asfortranarray(np.arange(900, dtype='>i4').reshape(300, 3)), "
            + "'names': np.array(['n%d' % i for i in range(300)]), "
            + "'flag': np.arange(300) % 3 == 0}";

    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        NumpyRuntime numpy = NumpyRuntime.shared().get();
        numpy.produce("eval", dir, Map.of("arrays", Map.of(
                "stored/a.npz", BUNDLE,
                "ragged/r.npz", "{'x': np.zeros(3), 'y': np.zeros(4)}")));
        numpy.produce("eval", dir, Map.of("compressed", true, "arrays", Map.of("deflated/a.npz", BUNDLE)));
    }

    @AfterEach
    void resetSplits() {
        spark().conf().unset("spark.sql.files.maxPartitionBytes");
        spark().conf().unset("spark.sql.files.openCostInBytes");
    }

    private static Dataset<Row> read(String relative) {
        return spark().read().format("npz").option("rowIndexColumn", "i").load(dir.resolve(relative).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stored", "deflated"})
    void eachKeyIsAColumnAndRowsStayAligned(String archive) {
        Dataset<Row> df = read(archive);
        assertThat(df.schema().fieldNames()).containsExactly("x", "y", "names", "flag", "i");
        assertThat(df.schema().apply("y").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.IntegerType, true));
        List<Row> rows = df.collectAsList();
        assertThat(rows).hasSize(300);
        for (Row r : rows) {
            long i = r.getLong(4);
            assertThat(r.getDouble(0)).isEqualTo(i);
            assertThat(r.getList(1)).containsExactly((int) (3 * i), (int) (3 * i + 1), (int) (3 * i + 2));
            assertThat(r.getString(2)).isEqualTo("n" + i);
            assertThat(r.getBoolean(3)).isEqualTo(i % 3 == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stored", "deflated"})
    void splitsCoverEveryRowExactlyOnce(String archive) {
        for (long split : new long[] {97, 1000, 1 << 20}) {
            spark().conf().set("spark.sql.files.maxPartitionBytes", split);
            spark().conf().set("spark.sql.files.openCostInBytes", 0);
            Dataset<Row> df = read(archive);
            List<Row> rows = new ArrayList<>(df.select("i", "x", "names").collectAsList());
            rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
            assertThat(rows).as("split %d", split).hasSize(300);
            for (int k = 0; k < 300; k++) {
                assertThat(rows.get(k).getLong(0)).isEqualTo(k);
                assertThat(rows.get(k).getDouble(1)).isEqualTo(k);
                assertThat(rows.get(k).getString(2)).isEqualTo("n" + k);
            }
            if (split == 97) {
                assertThat(df.rdd().getNumPartitions()).isGreaterThan(5);
            }
        }
    }

    @Test
    void theKeysOptionSelectsColumnsAndCountNeedsNone() {
        Dataset<Row> df = spark().read().format("npz").option("keys", "names, x").load(dir.resolve("stored").toString());
        assertThat(df.schema().fieldNames()).containsExactly("names", "x");
        assertThat(df.count()).isEqualTo(300);
        assertThat(df.agg(org.apache.spark.sql.functions.sum("x")).first().getDouble(0)).isEqualTo(299 * 300 / 2.0);
    }

    @Test
    void keysOfDifferentLengthsFailNamingBoth() {
        assertThatThrownBy(() -> spark().read().format("npz").load(dir.resolve("ragged").toString()).collectAsList())
                .hasStackTraceContaining("r.npz")
                .hasStackTraceContaining("expected keys of the same length along axis 0, found 'x' has 3 rows, 'y' has 4");
    }
}
