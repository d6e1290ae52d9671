package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.cli.repr.FloatType;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * {@code npy hist --json} against {@code numpy.histogram} on numpy-made data: the same edges (to the
 * bit, in the same type) and counts for every array and every way of giving the bins (a number, a
 * number and a range, a constant range, explicit edges), with NaN, +inf and -inf counted apart,
 * constant and empty arrays, every integer size, float16/32/64, big-endian and Fortran-order data,
 * values on the edges; where numpy refuses the arguments, so does {@code npy hist}. Arrays and
 * answers come from one python process each.
 */
class HistMatchesNumpyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> ARRAYS = new LinkedHashMap<>();

    /** Every array is counted in each of these ways. */
    private static final List<Map<String, Object>> VARIANTS = List.of(
            Map.of(),
            Map.of("bins", 7),
            Map.of("bins", 100, "range", List.of(-1.5, 2.25)),
            Map.of("bins", 4, "range", List.of(0.1, 0.3)),
            Map.of("bins", 5, "range", List.of(1.0, 1.0)),
            Map.of("bins", 1),
            Map.of("bins", 3000),
            Map.of("edges", List.of(-2.0, -0.5, 0.0, 0.1, 1.0, 1.0, 3.5)));

    static {
        String rng = "np.random.default_rng(%d)";
        ARRAYS.put("f8_special", "(lambda x: (x.__setitem__(slice(0, 5), [np.nan, np.inf, -np.inf, np.nan, 0.0]), x)"
                + "[-1])(" + rng.formatted(7) + ".standard_normal(5000))");
        ARRAYS.put("f4_scaled", "(" + rng.formatted(8) + ".standard_normal(4000) * 3 + 0.25).astype(np.float32)");
        ARRAYS.put("f4_be_nan", "np.where(np.arange(300) % 17 == 0, np.nan, np.linspace(-1, 2, 300)).astype('>f4')");
        ARRAYS.put("f2_uniform", "(" + rng.formatted(9) + ".random(2000) * 3 - 1).astype(np.float16)");
        ARRAYS.put("f2_wide", "(" + rng.formatted(10) + ".standard_normal(1000) * 1000).astype(np.float16)");
        ARRAYS.put("f8_on_edges", "np.arange(0, 10, 0.5)");
        ARRAYS.put("f4_fine_grid", "np.linspace(-1, 1, 2001, dtype=np.float32)");
        ARRAYS.put("f8_F", "np.asfortranarray(" + rng.formatted(11) + ".standard_normal((30, 40)))");
        ARRAYS.put("f4_constant", "np.full(10, 3.3, dtype=np.float32)");
        ARRAYS.put("f2_constant", "np.full(5, 0.1, dtype=np.float16)");
        ARRAYS.put("f8_all_nan", "np.full(4, np.nan)");
        ARRAYS.put("f4_empty", "np.zeros(0, dtype=np.float32)");
        ARRAYS.put("i1_full", rng.formatted(12) + ".integers(-128, 128, 3000, dtype=np.int8)");
        ARRAYS.put("u1_small", rng.formatted(13) + ".integers(0, 17, (20, 30), dtype=np.uint8)");
        ARRAYS.put("i2_be", "(" + rng.formatted(14) + ".integers(-30000, 30000, 500)).astype('>i2')");
        ARRAYS.put("u2", rng.formatted(15) + ".integers(0, 65536, 500, dtype=np.uint16)");
        ARRAYS.put("i4_constant", "np.full(7, 5, dtype=np.int32)");
        ARRAYS.put("u4", rng.formatted(16) + ".integers(0, 2**32, 500, dtype=np.uint32)");
        ARRAYS.put("i8_huge", rng.formatted(17) + ".integers(-2**62, 2**62, 1000, dtype=np.int64)");
        ARRAYS.put("i8_small", "np.arange(-3, 4, dtype=np.int64)");
        ARRAYS.put("u8_huge", rng.formatted(18) + ".integers(2**63, 2**64 - 1, 1000, dtype=np.uint64)");
        ARRAYS.put("bool", rng.formatted(19) + ".random(333) > 0.3");
        ARRAYS.put("bool_constant", "np.ones(9, dtype=np.bool_)");
    }

    @TempDir
    static Path tmp;

    private static Map<String, JsonNode> expected;

    @BeforeAll
    static void makeArraysAndAnswersWithNumpy() throws IOException {
        NumpyRuntime numpy = Numpy.runtime();
        Map<String, String> files = new LinkedHashMap<>();
        ARRAYS.forEach((name, expression) -> files.put(name + ".npy", expression));
        numpy.produce("eval", tmp, Map.of("arrays", files));
        String expr = Numpy.call("hist_rules.py", "histograms", VARIANTS);
        List<Path> paths = new ArrayList<>();
        ARRAYS.keySet().forEach(name -> paths.add(tmp.resolve(name + ".npy")));
        List<JsonNode> results = numpy.report("eval", paths, Map.of("expr", expr));
        expected = new LinkedHashMap<>();
        int i = 0;
        for (String name : ARRAYS.keySet()) {
            JsonNode r = results.get(i++);
            assertThat(r.path("error").isMissingNode()).as(name + ": " + r).isTrue();
            expected.put(name, r.get("value"));
        }
    }

    @TestFactory
    Stream<DynamicTest> edgesAndCountsAreNumpys() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : ARRAYS.keySet()) {
            for (int v = 0; v < VARIANTS.size(); v++) {
                int variant = v;
                tests.add(DynamicTest.dynamicTest(name + " " + VARIANTS.get(v), () -> check(name, variant)));
            }
        }
        return tests.stream();
    }

    private static void check(String name, int variant) throws IOException {
        Map<String, Object> v = VARIANTS.get(variant);
        JsonNode numpy = expected.get(name).get(variant);
        List<Object> args = new ArrayList<>(List.of("hist", "--json", tmp.resolve(name + ".npy")));
        if (v.containsKey("bins")) {
            args.addAll(List.of("--bins", v.get("bins")));
        }
        if (v.containsKey("range")) {
            List<?> range = (List<?>) v.get("range");
            args.addAll(List.of("--range", range.get(0) + "," + range.get(1)));
        }
        if (v.containsKey("edges")) {
            StringBuilder edges = new StringBuilder();
            for (Object e : (List<?>) v.get("edges")) {
                edges.append(edges.length() == 0 ? "" : ",").append(e);
            }
            args.addAll(List.of("--edges", edges));
        }
        Cli.Result run = Cli.run(args.toArray());
        if (numpy.has("error")) {
            assertThat(run.exitCode()).as("numpy: %s; npy: %s", numpy.get("error"), run.out()).isNotZero();
            String message = numpy.get("error").asText();
            assertThat(run.err()).contains(message.endsWith(".") ? message.substring(0, message.length() - 1)
                    : message);
            return;
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode ours = JSON.readTree(run.out());
        FloatType type = switch (numpy.get("dtype").asText()) {
            case "float16" -> FloatType.HALF;
            case "float32" -> FloatType.SINGLE;
            default -> FloatType.DOUBLE;
        };
        List<Double> ourEdges = new ArrayList<>();
        for (JsonNode e : ours.get("edges")) {
            ourEdges.add(inType(e.asText(), type));
        }
        List<Double> numpyEdges = new ArrayList<>();
        numpy.get("edges").forEach(e -> numpyEdges.add(e.asDouble()));
        assertThat(ourEdges).as("edges").isEqualTo(numpyEdges);
        List<Long> ourCounts = new ArrayList<>();
        ours.get("counts").forEach(c -> ourCounts.add(c.asLong()));
        List<Long> numpyCounts = new ArrayList<>();
        numpy.get("counts").forEach(c -> numpyCounts.add(c.asLong()));
        assertThat(ourCounts).as("counts").isEqualTo(numpyCounts);
        for (String apart : List.of("nan", "posinf", "neginf")) {
            assertThat(ours.get(apart).asLong()).as(apart).isEqualTo(numpy.get(apart).asLong());
        }
    }

    /** Our edge text read back as a value of the bin type: the shortest text reads back as itself. */
    private static double inType(String text, FloatType type) {
        return switch (type) {
            case SINGLE -> Float.parseFloat(text);
            case HALF -> type.round(Double.parseDouble(text));
            case DOUBLE -> Double.parseDouble(text);
        };
    }
}
