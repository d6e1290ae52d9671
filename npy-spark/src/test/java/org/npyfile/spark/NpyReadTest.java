package org.npyfile.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npyfile.spark.SharedSpark.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npyfile.fixtures.NumpyRuntime;
import scala.collection.immutable.Seq;

/**
 * {@code format("npy")} against files numpy wrote: rows, splits, orders, byte orders, SQL and
 * partition discovery. numpy's own {@code tolist()} of each file is the expected value.
 */
@ExtendWith(SharedSpark.class)
class NpyReadTest {

    @TempDir
    static Path dir;

    private static NumpyRuntime numpy;

    @BeforeAll
    static void fixtures() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        numpy = NumpyRuntime.shared().get();
        numpy.produce("eval", dir, Map.of("arrays", Map.ofEntries(
                Map.entry("matrix/m.npy", "np.arange(6000, dtype='<f4').reshape(1000, 6) / 7"),
                Map.entry("c/a.npy", "np.arange(3000, dtype='<i4').reshape(500, 2, 3) * 3 - 1000"),
                Map.entry("fortran/a.npy", "np.asfortranarray(np.arange(3000, dtype='>i4').reshape(500, 2, 3) * 3 - 1000)"),
                Map.entry("vector/v.npy", "np.linspace(-1, 1, 777)"),
                Map.entry("scalar/s.npy", "np.array(42, dtype='<i8')"),
                Map.entry("empty/e.npy", "np.zeros((0, 4), dtype='<f8')"),
                Map.entry("small/c.npy", "np.arange(600, dtype='<i4').reshape(150, 2, 2) - 300"),
                Map.entry("small/f.npy", "np.asfortranarray(np.arange(600, dtype='>i4').reshape(150, 2, 2) - 300)"),
                Map.entry("small/v.npy", "np.linspace(-1, 1, 151)"),
                Map.entry("parts/k=1/a.npy", "np.arange(5, dtype='<i2')"),
                Map.entry("parts/k=2/b.npy", "np.arange(5, 9, dtype='<i2')"),
                Map.entry("mixed/a.npy", "np.zeros((3, 2), dtype='<f4')"),
                Map.entry("mixed/b.npy", "np.zeros((3, 4), dtype='<f4')"))));
    }

    @AfterEach
    void resetSplits() {
        spark().conf().unset("spark.sql.files.maxPartitionBytes");
        spark().conf().unset("spark.sql.files.openCostInBytes");
    }

    private static Dataset<Row> read(String relative) {
        return spark().read().format("npy").load(dir.resolve(relative).toString());
    }

    private static JsonNode numpyValue(String relative, String expr) throws IOException {
        JsonNode result = numpy.report("eval", List.of(dir.resolve(relative)), Map.of("expr", expr)).get(0);
        assertThat(result.has("error")).as("numpy: %s", result).isFalse();
        return result.path("value");
    }

    @Test
    void readsEachRowOfA2dFileAsAnArrayColumn() throws IOException {
        Dataset<Row> df = read("matrix");
        assertThat(df.schema().fieldNames()).containsExactly("data");
        assertThat(df.schema().apply("data").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.FloatType, true));
        assertThat(df.schema().apply("data").metadata().getString("numpy.dtype")).isEqualTo("<f4");
        assertThat(df.schema().apply("data").metadata().getString("numpy.shape")).isEqualTo("(6,)");
        JsonNode expected = numpyValue("matrix/m.npy", "a.tolist()");
        List<Row> rows = df.collectAsList();
        assertThat(rows).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            Seq<Object> values = rows.get(i).getSeq(0);
            for (int j = 0; j < 6; j++) {
                assertThat((Float) values.apply(j)).isEqualTo((float) expected.get(i).get(j).asDouble());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small/c.npy", "small/f.npy", "small/v.npy", "scalar", "empty"})
    void splitsOfEverySizeCoverEveryRowExactlyOnce(String name) throws IOException {
        Dataset<Row> whole = spark().read().format("npy").option("rowIndexColumn", "i").load(dir.resolve(name).toString());
        List<Row> reference = sorted(whole.collectAsList());
        long rows = reference.size();
        // from a few rows (not row-aligned) to the whole file
        for (long split : new long[] {53, 333, 1000, 1 << 20}) {
            spark().conf().set("spark.sql.files.maxPartitionBytes", split);
            spark().conf().set("spark.sql.files.openCostInBytes", 0);
            Dataset<Row> df = spark().read().format("npy").option("rowIndexColumn", "i").load(dir.resolve(name).toString());
            List<Row> got = sorted(df.collectAsList());
            assertThat(got).as("split size %d", split).hasSize((int) rows);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).getLong(1)).as("split size %d", split).isEqualTo(i);
            }
            assertThat(got).as("split size %d", split).isEqualTo(reference);
            if (split == 53 && rows > 100) {
                assertThat(df.rdd().getNumPartitions()).isGreaterThan(10);
            }
        }
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparingLong(r -> r.getLong(r.fieldIndex("i"))));
        return copy;
    }

    @Test
    void fortranOrderAndBigEndianGiveTheValuesOfCOrderLittleEndian() throws IOException {
        List<Row> c = read("c").collectAsList();
        List<Row> fortran = read("fortran").collectAsList();
        assertThat(fortran).isEqualTo(c);
        JsonNode expected = numpyValue("fortran/a.npy", "a.tolist()");
        for (int i = 0; i < c.size(); i++) {
            List<scala.collection.Seq<Object>> row = c.get(i).getList(0);
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 3; k++) {
                    assertThat((Integer) row.get(j).apply(k)).isEqualTo(expected.get(i).get(j).get(k).asInt());
                }
            }
        }
        assertThat(read("fortran").schema().apply("data").dataType())
                .isEqualTo(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, true), true));
    }

    @Test
    void aZeroDimensionalArrayIsOneRowAndAnEmptyOneNone() {
        Dataset<Row> scalar = read("scalar");
        assertThat(scalar.schema().apply("data").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(scalar.collectAsList()).extracting(r -> r.getLong(0)).containsExactly(42L);
        assertThat(read("empty").count()).isZero();
    }

    @Test
    void partitionDirectoriesBecomeColumnsAndThePathColumnNamesTheFile() {
        Dataset<Row> df = spark().read().format("npy").option("pathColumn", "file")
                .load(dir.resolve("parts").toString());
        assertThat(df.schema().fieldNames()).containsExactly("data", "file", "k");
        List<Row> rows = df.orderBy("data").collectAsList();
        assertThat(rows).extracting(r -> r.getShort(0)).containsExactly((short) 0, (short) 1, (short) 2, (short) 3,
                (short) 4, (short) 5, (short) 6, (short) 7, (short) 8);
        assertThat(rows.get(0).getInt(2)).isEqualTo(1);
        assertThat(rows.get(8).getInt(2)).isEqualTo(2);
        assertThat(rows.get(8).getString(1)).endsWith("parts/k=2/b.npy");
        assertThat(df.where("k = 2").count()).isEqualTo(4);
    }

    @Test
    void sqlReadsAPathAndATable() {
        String path = dir.resolve("vector").toUri().toString();
        assertThat(spark().sql("SELECT count(*), round(sum(data), 6) FROM npy.`" + path + "`").first().getLong(0))
                .isEqualTo(777);
        spark().sql("CREATE TABLE vec USING npy LOCATION '" + path + "'");
        try {
            Row row = spark().sql("SELECT count(*), min(data), max(data) FROM vec").first();
            assertThat(row.getLong(0)).isEqualTo(777);
            assertThat(row.getDouble(1)).isEqualTo(-1.0);
            assertThat(row.getDouble(2)).isEqualTo(1.0);
        } finally {
            spark().sql("DROP TABLE vec");
        }
    }

    @Test
    void filesWithDifferentRowShapesFailNamingBothFiles() {
        assertThatThrownBy(() -> read("mixed").collectAsList())
                .hasStackTraceContaining("mixed/b.npy: it does not match the schema inferred from")
                .hasStackTraceContaining("mixed/a.npy")
                .hasStackTraceContaining("<f4 rows of shape (4,)");
    }

    @Test
    void aUserSchemaOfAnotherTypeFailsNamingTheFile() {
        StructType schema = new StructType().add("data", new ArrayType(DataTypes.DoubleType, false));
        assertThatThrownBy(() -> spark().read().format("npy").schema(schema).load(dir.resolve("matrix").toString())
                .collectAsList())
                .hasStackTraceContaining("m.npy: it does not match the table's schema")
                .hasStackTraceContaining("column 'data' of <f4 rows of shape (6,) where the schema has array<double>");
    }
}
