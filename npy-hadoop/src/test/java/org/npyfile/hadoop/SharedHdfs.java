package org.npyfile.hadoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real in-process HDFS (a {@link MiniDFSCluster}: a NameNode and a DataNode) for the whole test JVM,
 * its blocks under a temporary directory removed at the end; kept in JUnit's root store so that it is
 * shut down once, after the last test class.
 */
public final class SharedHdfs implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedHdfs.class);
    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("hdfs", key -> new Running(), Running.class);
    }

    /** The cluster's file system ({@code hdfs://localhost:port/}). */
    public static FileSystem fs() {
        if (running == null) {
            throw new IllegalStateException("the test class is not extended with SharedHdfs");
        }
        return running.fs;
    }

    /** The cluster's URI, for paths a Spark job can read. */
    public static String uri() {
        return fs().getUri().toString();
    }

    private static final class Running implements AutoCloseable {
        private final Path base;
        private final MiniDFSCluster cluster;
        private final FileSystem fs;

        Running() {
            try {
                base = Files.createTempDirectory("npy-hdfs");
                Configuration conf = new Configuration();
                conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
                conf.setInt("dfs.heartbeat.interval", 1);
                cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
                cluster.waitActive();
                fs = cluster.getFileSystem();
                running = this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            running = null;
            cluster.shutdown(true);
            if (!Files.exists(base)) {
                return;
            }
            try (Stream<Path> all = Files.walk(base)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
