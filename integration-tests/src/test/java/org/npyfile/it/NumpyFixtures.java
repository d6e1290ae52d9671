package org.npyfile.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.NumpyRuntime;

/** numpy-made fixture suites, generated once per JVM (one python process per suite). */
final class NumpyFixtures {

    private static final Map<String, List<Fixture>> SUITES = new ConcurrentHashMap<>();

    private NumpyFixtures() {
    }

    /** The runtime, or the test is skipped with the reason none exists. */
    static NumpyRuntime numpy() {
        var runtime = NumpyRuntime.shared();
        assumeTrue(runtime.isPresent(), () -> "no numpy to test against: " + NumpyRuntime.unavailableReason());
        return runtime.get();
    }

    static List<Fixture> suite(String name) {
        NumpyRuntime numpy = numpy();
        return SUITES.computeIfAbsent(name, n -> {
            try {
                Path dir = Files.createDirectories(Path.of("target", "numpy-fixtures", n));
                return numpy.generate(n, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A fresh directory for files Java writes for numpy to inspect. */
    static Path outputDir(String name) throws IOException {
        Path dir = Path.of("target", "java-written", name);
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
