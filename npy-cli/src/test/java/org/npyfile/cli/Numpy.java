package org.npyfile.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * An expression for the {@code eval} report that runs a Python script of this test package
     * (a resource beside the tests) and calls one of its functions with {@code a}, the file's
     * array, {@code path}, the file, and the given values, passed as JSON: so that a test's numpy side can be whole
     * functions, run in the report's one python process.
     *
     * @param script the script's resource name, for example {@code view_rules.py}
     * @param function the function to call
     * @param arguments values after {@code a}, each turned into JSON and read back by Python
     * @return the expression
     * @throws IOException if the script cannot be read
     */
    static String call(String script, String function, Object... arguments) throws IOException {
        String code;
        try (InputStream in = Numpy.class.getResourceAsStream(script)) {
            code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder call = new StringBuilder("g['" + function + "'](a, path");
        for (Object argument : arguments) {
            call.append(", __import__('json').loads(").append(JSON.writeValueAsString(JSON.writeValueAsString(argument)))
                    .append(')');
        }
        return "(lambda g: (exec(" + JSON.writeValueAsString(code) + ", g), " + call + "))[1])({})";
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
