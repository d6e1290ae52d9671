package org.npyfile.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark in local mode over the bundled digits archive (200 8×8 images and their labels, written by
 * {@code numpy.savez_compressed}): reads it with the {@code npz} source, one column per key, counts the
 * digits and their mean ink per label with Spark SQL, and writes the sevens back as a {@code .npz}
 * that {@code numpy.load} reads.
 */
public final class SparkDigits {

    private SparkDigits() {
    }

    /**
     * Runs the example on {@code examples/data/digits.npz}, or on the archive given.
     *
     * @param args optionally, the archive
     * @throws IOException if the output directory cannot be made
     */
    public static void main(String[] args) throws IOException {
        Path archive = Path.of(args.length > 0 ? args[0] : "examples/data/digits.npz");
        run(System.out, archive, Files.createTempDirectory("spark-digits"));
    }

    /**
     * Reads the archive with Spark, prints the schema and per-label figures, and writes the sevens.
     *
     * @param out where to print
     * @param archive the digits archive
     * @param outDir a directory for the written archive
     */
    public static void run(PrintStream out, Path archive, Path outDir) {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("npyfile digits")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        try {
            Dataset<Row> digits = spark.read().format("npz").load(archive.toString());
            out.print(digits.schema().treeString());
            digits.createOrReplaceTempView("digits");
            List<Row> perLabel = spark.sql("SELECT labels, count(*) AS n, "
                    + "round(avg(aggregate(flatten(images), 0, (sum, pixel) -> sum + pixel)), 1) AS ink "
                    + "FROM digits GROUP BY labels ORDER BY labels").collectAsList();
            for (Row r : perLabel) {
                out.println("label " + r.getLong(0) + ": " + r.getLong(1) + " images, mean ink " + r.getDouble(2));
            }
            Path sevens = outDir.resolve("sevens");
            digits.where("labels = 7").coalesce(1).write().format("npz").option("compression", "deflate")
                    .mode("overwrite").save(sevens.toString());
            long written = spark.read().format("npz").load(sevens.toString()).count();
            out.println("wrote " + written + " sevens to " + sevens);
        } finally {
            spark.stop();
        }
    }
}
