package org.npyfile.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * The real numpy for the tests that compare with it, and its fixture suites, each generated once per
 * test JVM under {@code target/numpy-fixtures}. Tests that need numpy skip, with the reason, where
 * there is none.
 */
final class Numpy {

    private static final Path FIXTURES = Path.of("target", "numpy-fixtures");
    private static final Map<String, List<Fixture>> SUITES = new HashMap<>();

    private Numpy() {
    }

    /** The shared runtime; skips the calling test if there is none. */
    static NumpyRuntime runtime() {
        Optional<NumpyRuntime> shared = NumpyRuntime.shared();
        assumeTrue(shared.isPresent(), NumpyRuntime.unavailableReason());
        return shared.get();
    }

    /**
     * The runtime, if its numpy prints arrays as numpy 2.3 and later do (which {@code npy show}
     * follows: {@code shape=} for summarised arrays since 2.2, scientific notation chosen by the
     * type's precision since 2.3); skips the calling test otherwise.
     */
    static NumpyRuntime printingRuntime() {
        NumpyRuntime numpy = runtime();
        String[] parts = numpy.numpyVersion().split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1].replaceAll("\\D.*", ""));
        assumeTrue(major > 2 || major == 2 && minor >= 3,
                "npy show prints as numpy >= 2.3; this runtime has numpy " + numpy.numpyVersion());
        return numpy;
    }

    /** A fixture suite, generated on first use. */
    static synchronized List<Fixture> suite(String name) {
        return SUITES.computeIfAbsent(name, n -> {
            try {
                return runtime().generate(n, FIXTURES.resolve(n).toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
