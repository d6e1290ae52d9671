package org.npyfile.bench.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The session and the data locations the Spark benchmarks share. */
final class SparkBench {

    /** 1 GiB of float32 in rows of 64: the matrix case. */
    static final String MATRIX = "matrix";
    /** 1 GiB of float64 in one dimension: the vector case. */
    static final String VECTOR = "vector";

    private SparkBench() {
    }

    /** A local session on {@code cores} cores, without the UI, quiet. */
    static SparkSession session(int cores) {
        try {
            Class.forName("org.apache.spark.sql.SparkSession");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Spark is not on the class path: run benchmarks/run-spark.sh", e);
        }
        SparkSession spark = SparkSession.builder()
                .master("local[" + cores + "]")
                .appName("npyfile Spark benchmarks")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(cores))
                .config("spark.driver.host", "localhost")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The file or directory of a data set in a format: {@code npy}, {@code parquet-snappy}, ... */
    static String path(String dataDir, String data, String format) {
        Path dir = Path.of(dataDir);
        return switch (format) {
            case "npy", "binaryFile" -> dir.resolve(data + ".npy").toString();
            default -> dir.resolve(data + "-" + format).toString();
        };
    }
}
