package org.npyfile.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local Spark session for the whole test JVM ({@code local[2]}, no UI, two shuffle partitions),
 * kept in JUnit's root store so that it is stopped once, after the last test class.
 */
public final class SharedSpark implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSpark.class);
    private static volatile SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("session", key -> new Running(), Running.class);
    }

    /** The session; call from tests of a class extended with this extension. */
    public static SparkSession spark() {
        if (session == null) {
            throw new IllegalStateException("the test class is not extended with SharedSpark");
        }
        return session;
    }

    private static final class Running implements AutoCloseable {
        private final Path warehouse;

        Running() {
            try {
                warehouse = Files.createTempDirectory("npy-spark-warehouse");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("npy-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
                    .config("spark.driver.host", "localhost")
                    .getOrCreate();
        }

        @Override
        public void close() throws IOException {
            session.stop();
            session = null;
            TestFiles.deleteTree(warehouse);
        }
    }
}
