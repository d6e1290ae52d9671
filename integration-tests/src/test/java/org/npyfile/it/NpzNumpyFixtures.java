package org.npyfile.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.npyfile.fixtures.NpzFixture;
import org.npyfile.fixtures.NumpyRuntime;

/** numpy-made {@code .npz} suites, generated once per JVM (one python process per suite). */
final class NpzNumpyFixtures {

    private static final Map<String, List<NpzFixture>> SUITES = new ConcurrentHashMap<>();

    private NpzNumpyFixtures() {
    }

    static List<NpzFixture> suite(String name) {
        NumpyRuntime numpy = NumpyFixtures.numpy();
        return SUITES.computeIfAbsent(name, n -> {
            try {
                Path dir = Files.createDirectories(Path.of("target", "numpy-fixtures", "npz-" + n));
                return numpy.generateNpz(n, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
