package org.npyfile.bench.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.npyfile.NpyReader;
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
 * Reads 1 GiB of numbers with Spark and sums every value: {@code format("npy")} against Spark's own
 * Parquet reader on the same values written by Spark (snappy and uncompressed), and against
 * {@code binaryFile} plus parsing each file whole; on one core and on two. Every case hands Spark's
 * internal rows to the same summing function, so the differences are the readers'.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparkReadBench {

    /** Where run-spark.sh put the data. */
    @Param("")
    public String dataDir;

    /** {@code local[cores]}. */
    @Param({"1", "2"})
    public int cores;

    /** The data set: float32 rows of 64, or one float64 per row. */
    @Param({SparkBench.MATRIX, SparkBench.VECTOR})
    public String data;

    /** The reader. */
    @Param({"npy", "parquet-snappy", "parquet-none", "binaryFile"})
    public String format;

    private SparkSession spark;

    /** Starts the session. */
    @Setup(Level.Trial)
    public void start() {
        spark = SparkBench.session(cores);
    }

    /** Stops it. */
    @TearDown(Level.Trial)
    public void stop() {
        spark.stop();
    }

    /**
     * Scans the data and sums every value.
     *
     * @return the sum, so that nothing is optimised away
     */
    @Benchmark
    public double scanAndSum() {
        String path = SparkBench.path(dataDir, data, format);
        Dataset<Row> df = switch (format) {
            case "npy" -> spark.read().format("npy").load(path);
            case "binaryFile" -> spark.read().format("binaryFile").load(path).select("content");
            default -> spark.read().parquet(path);
        };
        boolean matrix = data.equals(SparkBench.MATRIX);
        FlatMapFunction<Iterator<InternalRow>, Double> sum = format.equals("binaryFile")
                ? rows -> Collections.singletonList(parseAndSum(rows, matrix)).iterator()
                : rows -> Collections.singletonList(sum(rows, matrix)).iterator();
        return df.queryExecution().toRdd().toJavaRDD().mapPartitions(sum).reduce(Double::sum);
    }

    private static double sum(Iterator<InternalRow> rows, boolean matrix) {
        double s = 0;
        while (rows.hasNext()) {
            InternalRow row = rows.next();
            if (matrix) {
                ArrayData values = row.getArray(0);
                for (int i = 0, n = values.numElements(); i < n; i++) {
                    s += values.getFloat(i);
                }
            } else {
                s += row.getDouble(0);
            }
        }
        return s;
    }

    /** What a binaryFile job does: the whole file's bytes in one row, parsed by npyfile in chunks. */
    private static double parseAndSum(Iterator<InternalRow> rows, boolean matrix) throws java.io.IOException {
        double s = 0;
        while (rows.hasNext()) {
            byte[] content = rows.next().getBinary(0);
            try (NpyReader reader = NpyReader.of(new java.io.ByteArrayInputStream(content))) {
                if (matrix) {
                    float[] chunk = new float[1 << 16];
                    int n;
                    while ((n = reader.read(chunk, 0, chunk.length)) > 0) {
                        for (int i = 0; i < n; i++) {
                            s += chunk[i];
                        }
                    }
                } else {
                    double[] chunk = new double[1 << 16];
                    int n;
                    while ((n = reader.read(chunk, 0, chunk.length)) > 0) {
                        for (int i = 0; i < n; i++) {
                            s += chunk[i];
                        }
                    }
                }
            }
        }
        return s;
    }
}
