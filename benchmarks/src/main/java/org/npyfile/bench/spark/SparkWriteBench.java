package org.npyfile.bench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Writes the 1 GiB matrix back, read from its {@code .npy} each time: as {@code .npy}, as Parquet, and
 * to Spark's {@code noop} sink, whose time is the read alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparkWriteBench {

    /** Where run-spark.sh put the data. */
    @Param("")
    public String dataDir;

    /** {@code local[cores]}. */
    @Param("2")
    public int cores;

    /** The sink. */
    @Param({"noop", "npy", "parquet-snappy", "parquet-none"})
    public String format;

    private SparkSession spark;
    private Path out;

    /** Starts the session. */
    @Setup(Level.Trial)
    public void start() {
        spark = SparkBench.session(cores);
        out = Path.of(dataDir).resolve("written-" + format);
    }

    /** Removes what the last write left. */
    @TearDown(Level.Invocation)
    public void clean() throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> all = Files.walk(out)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Stops the session. */
    @TearDown(Level.Trial)
    public void stop() {
        spark.stop();
    }

    /** Reads the matrix and writes it. */
    @Benchmark
    public void readAndWrite() {
        Dataset<Row> df = spark.read().format("npy").load(SparkBench.path(dataDir, SparkBench.MATRIX, "npy"));
        switch (format) {
            case "noop" -> df.write().format("noop").mode("overwrite").save();
            case "npy" -> df.write().format("npy").save(out.toString());
            default -> df.write().option("compression", format.substring("parquet-".length())).parquet(out.toString());
        }
    }
}
