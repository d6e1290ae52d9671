package org.npyfile.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npyfile.spark.SharedSpark.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * {@code df.write().format("npy"/"npz")}: numpy loads every shard, the shards concatenated are the
 * DataFrame's rows, headers are byte-identical to {@code numpy.save}'s, and every save mode works.
 */
@ExtendWith(SharedSpark.class)
class WriteTest {

    @TempDir
    static Path dir;

    private static NumpyRuntime numpy;

    @BeforeAll
    static void runtime() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        numpy = NumpyRuntime.shared().get();
        numpy.produce("eval", dir, Map.of("arrays", Map.of(
                "in/u1.npy", "np.arange(250, dtype='u1').reshape(50, 5)",
                "in/ns.npy", "np.array(['2020-01-02T03:04:05.123456789', 'NaT'], dtype='M8[ns]')")));
    }

    /** numpy's answer for each file, in order; fails on a file numpy refuses. */
    private static List<JsonNode> numpy(List<Path> files, String expr) throws IOException {
        List<JsonNode> results = numpy.report("eval", files, Map.of("expr", expr));
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).has("error")).as("numpy on %s: %s", files.get(i), results.get(i)).isFalse();
        }
        return results.stream().map(r -> r.path("value")).toList();
    }

    /** numpy's values of every shard, concatenated in part order: what np.concatenate gives. */
    private static List<JsonNode> concatenated(List<Path> parts, String expr) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode shard : numpy(parts, expr)) {
            shard.forEach(all::add);
        }
        return all;
    }

    @Test
    void oneArrayColumnWritesAPlainArrayPerTaskThatNumpyLoadsAndConcatenates() throws IOException {
        Path out = dir.resolve("plain");
        spark().range(0, 1000, 1, 4).selectExpr("array(float(id / 4), float(-id)) AS data")
                .write().format("npy").save(out.toString());
        List<Path> parts = TestFiles.parts(out, ".npy");
        assertThat(parts).hasSize(4);
        assertThat(Files.exists(out.resolve("_SUCCESS"))).isTrue();
        assertThat(numpy(parts, "[a.dtype.str, a.shape[1], a.flags['C_CONTIGUOUS']]"))
                .allSatisfy(v -> assertThat(v.toString()).isEqualTo("[\"<f4\",2,true]"));
        List<JsonNode> rows = concatenated(parts, "a.tolist()");
        assertThat(rows).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(rows.get(i).get(0).asDouble()).isEqualTo(i / 4.0);
            assertThat(rows.get(i).get(1).asDouble()).isEqualTo(-i);
        }
        assertThat(numpy(parts, "open(path, 'rb').read() == (lambda b: (np.save(b, a), b.getvalue())[1])"
                + "(__import__('io').BytesIO())")).allSatisfy(v -> assertThat(v.asBoolean()).isTrue());
    }

    @Test
    void severalColumnsWriteAStructuredArrayAndStringsTakeTheLongestWidth() throws IOException {
        Path out = dir.resolve("records");
        spark().range(0, 10, 1, 2).selectExpr("id", "double(id) * 1.5 AS x", "repeat('\u00e9', int(id)) AS name",
                        "named_struct('a', int(id), 'b', array(smallint(id), smallint(2 * id))) AS s")
                .write().format("npy").save(out.toString());
        List<Path> parts = TestFiles.parts(out, ".npy");
        assertThat(numpy(parts, "str(a.dtype)")).extracting(JsonNode::asText).containsExactly(
                "[('id', '<i8'), ('x', '<f8'), ('name', '<U4'), ('s', [('a', '<i4'), ('b', '<i2', (2,))])]",
                "[('id', '<i8'), ('x', '<f8'), ('name', '<U9'), ('s', [('a', '<i4'), ('b', '<i2', (2,))])]");
        List<JsonNode> rows = concatenated(parts, "a.tolist()");
        assertThat(rows).hasSize(10);
        assertThat(rows.get(7).toString()).isEqualTo("[7,10.5,\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\",[7,[7,14]]]");
    }

    @Test
    void npzWritesAnEntryPerColumnStoredOrDeflated() throws IOException {
        Dataset<Row> df = spark().range(0, 100, 1, 2).selectExpr("id AS k", "array(id, id + 1) AS v",
                "timestamp_micros(id * 1000000) AS t");
        df.write().format("npz").save(dir.resolve("stored").toString());
        df.write().format("npz").option("compression", "deflate").save(dir.resolve("deflated").toString());
        for (String kind : new String[] {"stored", "deflated"}) {
            List<Path> parts = TestFiles.parts(dir.resolve(kind), ".npz");
            assertThat(parts).hasSize(2);
            assertThat(numpy(parts, "[sorted(a.files), a['k'].dtype.str, a['v'].shape[1], a['t'].dtype.str, "
                    + "sorted({z.compress_type for z in __import__('zipfile').ZipFile(path).infolist()})]"))
                    .extracting(JsonNode::toString)
                    .containsOnly("[[\"k\",\"t\",\"v\"],\"<i8\",2,\"<M8[us]\",[" + (kind.equals("stored") ? 0 : 8) + "]]");
            List<JsonNode> k = concatenated(parts, "a['k'].tolist()");
            List<JsonNode> t = concatenated(parts, "a['t'].astype('int64').tolist()");
            for (int i = 0; i < 100; i++) {
                assertThat(k.get(i).asLong()).isEqualTo(i);
                assertThat(t.get(i).asLong()).isEqualTo(i * 1_000_000L);
            }
            Dataset<Row> back = spark().read().format("npz").load(dir.resolve(kind).toString()).orderBy("k");
            assertThat(back.collectAsList()).isEqualTo(df.orderBy("k").collectAsList());
        }
    }

    @Test
    void aReadColumnIsWrittenBackInItsOwnDtype() throws IOException {
        Dataset<Row> u1 = spark().read().format("npy").load(dir.resolve("in/u1.npy").toString());
        u1.coalesce(1).write().format("npy").save(dir.resolve("u1-out").toString());
        Dataset<Row> ns = spark().read().format("npy").load(dir.resolve("in/ns.npy").toString());
        ns.coalesce(1).write().format("npy").save(dir.resolve("ns-out").toString());
        assertThat(numpy(TestFiles.parts(dir.resolve("u1-out"), ".npy"), "[a.dtype.str, a.tolist() == np.arange(250).reshape(50, 5).tolist()]")
                .get(0).toString()).isEqualTo("[\"|u1\",true]");
        assertThat(numpy(TestFiles.parts(dir.resolve("ns-out"), ".npy"), "[a.dtype.str, a.astype('int64').tolist()]")
                .get(0).toString()).isEqualTo("[\"<M8[ns]\",[1577934245123456789,-9223372036854775808]]");
    }

    @Test
    void everySaveModeOfAFileSourceWorks() throws IOException {
        Path out = dir.resolve("modes");
        Dataset<Row> one = spark().range(0, 3, 1, 1).toDF("data");
        Dataset<Row> two = spark().range(10, 12, 1, 1).toDF("data");
        one.write().format("npy").save(out.toString());
        assertThatThrownBy(() -> one.write().format("npy").save(out.toString())).hasMessageContaining("already exists");
        two.write().format("npy").mode(SaveMode.Ignore).save(out.toString());
        assertThat(spark().read().format("npy").load(out.toString()).count()).isEqualTo(3);
        two.write().format("npy").mode(SaveMode.Append).save(out.toString());
        assertThat(spark().read().format("npy").load(out.toString()).count()).isEqualTo(5);
        two.write().format("npy").mode(SaveMode.Overwrite).save(out.toString());
        assertThat(spark().read().format("npy").load(out.toString()).orderBy("data").collectAsList())
                .extracting(r -> r.getLong(0)).containsExactly(10L, 11L);
        spark().sql("CREATE TABLE saved USING npy AS SELECT id AS data FROM range(4)");
        try {
            spark().sql("INSERT INTO saved SELECT id FROM range(4, 6)");
            assertThat(spark().table("saved").count()).isEqualTo(6);
        } finally {
            spark().sql("DROP TABLE saved");
        }
    }

    @Test
    void nullsBecomeNanAndNaTOrFailTheTaskNamingTheColumn() throws IOException {
        Path out = dir.resolve("nulls");
        spark().sql("SELECT CAST(NULL AS DOUBLE) AS x, CAST(NULL AS TIMESTAMP) AS t").write().format("npy")
                .save(out.toString());
        assertThat(numpy(TestFiles.parts(out, ".npy"), "[str(a['x'][0]), str(a['t'][0])]").get(0).toString())
                .isEqualTo("[\"nan\",\"NaT\"]");
        assertThatThrownBy(() -> spark().sql("SELECT CAST(NULL AS INT) AS n").write().format("npy")
                .save(dir.resolve("null-int").toString()))
                .hasStackTraceContaining("column 'n' is null in row 0");
        assertThatThrownBy(() -> spark().sql("SELECT map(1, 2) AS m").write().format("npy")
                .save(dir.resolve("map").toString()))
                .hasStackTraceContaining("column 'm' has type map<int,int>, which has no numpy dtype");
    }
}
