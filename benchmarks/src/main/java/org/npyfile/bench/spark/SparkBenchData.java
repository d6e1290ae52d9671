package org.npyfile.bench.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the Parquet copies of the benchmark data with Spark itself, from the {@code .npy} files numpy
 * made: {@code NAME-parquet-snappy} and {@code NAME-parquet-none} beside {@code NAME.npy}.
 */
public final class SparkBenchData {

    private SparkBenchData() {
    }

    /**
     * Writes the missing copies.
     *
     * @param args the data directory
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SparkSession spark = SparkBench.session(2);
        try {
            for (String data : new String[] {SparkBench.MATRIX, SparkBench.VECTOR}) {
                for (String codec : new String[] {"snappy", "none"}) {
                    Path target = dir.resolve(data + "-parquet-" + codec);
                    if (!Files.exists(target.resolve("_SUCCESS"))) {
                        spark.read().format("npy").load(dir.resolve(data + ".npy").toString())
                                .write().mode("overwrite").option("compression", codec).parquet(target.toString());
                        System.err.println("wrote " + target);
                    }
                }
            }
        } finally {
            spark.stop();
        }
    }
}
