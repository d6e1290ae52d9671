package org.npyfile.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npyfile.spark.SharedSpark.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.hadoop.SharedHdfs;

/** Both sources on {@code hdfs://} paths of a real in-process HDFS: split reads, and writes numpy loads. */
@ExtendWith({SharedSpark.class, SharedHdfs.class})
class HdfsTest {

    @TempDir
    static Path local;

    private static NumpyRuntime numpy;
    private static FileSystem fs;

    @BeforeAll
    static void fixtures() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        numpy = NumpyRuntime.shared().get();
        fs = SharedHdfs.fs();
        numpy.produce("eval", local.resolve("in"), Map.of("arrays", Map.of(
                "a.npy", "np.arange(40000, dtype='<f4').reshape(10000, 4)",
                "b.npz", "{'k': np.arange(5000), 'v': np.arange(10000, dtype='>f8').reshape(5000, 2)}")));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.resolve("in").toUri()),
                new org.apache.hadoop.fs.Path("/spark-in"));
    }

    @AfterEach
    void resetSplits() {
        spark().conf().unset("spark.sql.files.maxPartitionBytes");
    }

    private static String hdfs(String path) {
        return SharedHdfs.uri() + path;
    }

    @Test
    void readsSplitsOfAnNpyAndAnNpzFromHdfs() {
        spark().conf().set("spark.sql.files.maxPartitionBytes", 16_000);
        Dataset<Row> npy = spark().read().format("npy").option("rowIndexColumn", "i").load(hdfs("/spark-in/a.npy"));
        assertThat(npy.rdd().getNumPartitions()).isGreaterThan(5);
        List<Row> rows = new ArrayList<>(npy.collectAsList());
        rows.sort(Comparator.comparingLong(r -> r.getLong(1)));
        assertThat(rows).hasSize(10000);
        for (int i = 0; i < 10000; i++) {
            assertThat(rows.get(i).getLong(1)).isEqualTo(i);
            assertThat(rows.get(i).getList(0)).containsExactly(4f * i, 4f * i + 1, 4f * i + 2, 4f * i + 3);
        }
        Dataset<Row> npz = spark().read().format("npz").load(hdfs("/spark-in/b.npz"));
        assertThat(npz.rdd().getNumPartitions()).isGreaterThan(5);
        Row sums = npz.selectExpr("sum(k)", "sum(v[1])", "count(*)").first();
        assertThat(sums.getLong(0)).isEqualTo(4999L * 5000 / 2);
        assertThat(sums.getDouble(1)).isEqualTo(5000.0 * 5000);
        assertThat(sums.getLong(2)).isEqualTo(5000);
    }

    @Test
    void writesShardsToHdfsThatNumpyLoads() throws IOException {
        String out = hdfs("/spark-out/written");
        spark().range(0, 3000, 1, 3).selectExpr("id", "array(id * 2, id * 3) AS pair")
                .write().format("npz").option("compression", "deflate").save(out);
        spark().range(0, 3000, 1, 3).selectExpr("array(float(id), 0.5f) AS data")
                .write().format("npy").mode("overwrite").save(out + "-npy");
        List<Path> copies = new ArrayList<>();
        for (String dir : new String[] {"/spark-out/written", "/spark-out/written-npy"}) {
            for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(dir))) {
                String name = s.getPath().getName();
                if (name.endsWith(".npz") || name.endsWith(".npy")) {
                    Path copy = local.resolve(dir.substring(11) + "-" + name);
                    fs.copyToLocalFile(false, s.getPath(), new org.apache.hadoop.fs.Path(copy.toUri()), true);
                    copies.add(copy);
                }
            }
        }
        copies.sort(Comparator.naturalOrder());
        assertThat(copies).hasSize(6);
        List<String> seen = numpy.report("eval", copies, Map.of("expr",
                "[int(a['id'].sum()), int(a['pair'][:, 1].sum())] if path.endswith('.npz') "
                        + "else [a.dtype.str, a.shape[0], float(a[:, 0].sum())]"))
                .stream().map(r -> r.path("value").toString()).toList();
        long ids = 0;
        long pairs = 0;
        double floats = 0;
        for (String v : seen) {
            String[] parts = v.replaceAll("[\\[\\]\"]", "").split(",");
            if (parts.length == 2) {
                ids += Long.parseLong(parts[0]);
                pairs += Long.parseLong(parts[1]);
            } else {
                assertThat(parts[0]).isEqualTo("<f4");
                floats += Double.parseDouble(parts[2]);
            }
        }
        assertThat(ids).isEqualTo(2999L * 3000 / 2);
        assertThat(pairs).isEqualTo(3 * 2999L * 3000 / 2);
        assertThat(floats).isEqualTo(2999.0 * 3000 / 2);
        assertThat(fs.exists(new org.apache.hadoop.fs.Path("/spark-out/written/_SUCCESS"))).isTrue();
    }
}
