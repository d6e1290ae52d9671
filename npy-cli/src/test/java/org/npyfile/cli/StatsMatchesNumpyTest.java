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
import org.npyfile.cli.repr.Dragon4;
import org.npyfile.cli.repr.FloatType;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.fixtures.NumpyStats;

/**
 * {@code npy stats --json} agrees with numpy's {@code nanmin}, {@code nanmax}, {@code mean} and
 * {@code std} (float64) for every bool, integer and float fixture: counts and extremes exactly,
 * mean and standard deviation to rounding.
 */
class StatsMatchesNumpyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();
    private static Map<Path, NumpyStats> expected;

    @BeforeAll
    static void computeWithNumpyOnce() throws IOException {
        NumpyRuntime numpy = Numpy.runtime();
        for (String suite : List.of("matrix", "chunks")) {
            for (Fixture f : Numpy.suite(suite)) {
                char kind = f.descr().charAt(1);
                if ("biuf".indexOf(kind) >= 0) {
                    FIXTURES.put(suite + "/" + f.name(), f);
                }
            }
        }
        List<Path> files = new ArrayList<>();
        FIXTURES.values().forEach(f -> files.add(f.file()));
        expected = new LinkedHashMap<>();
        for (NumpyStats s : numpy.stats(files)) {
            expected.put(s.file(), s);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNumericFixture() {
        return FIXTURES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Fixture f = e.getValue();
            NumpyStats numpy = expected.get(f.file());
            assertThat(numpy.error()).isNull();
            Cli.Result run = Cli.run("stats", "--json", f.file());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode stats = JSON.readTree(run.out()).get("arrays").get(0);
            assertThat(stats.get("count").asLong()).isEqualTo(numpy.count());
            assertThat(stats.get("nan").asLong()).isEqualTo(numpy.nanCount());
            char kind = f.descr().charAt(1);
            if (numpy.nanmin() == null) {
                assertThat(stats.get("min").isNull()).isTrue();
                assertThat(stats.get("max").isNull()).isTrue();
            } else if (kind == 'b') {
                assertThat(stats.get("min").asBoolean()).isEqualTo(numpy.nanmin().equals("True"));
                assertThat(stats.get("max").asBoolean()).isEqualTo(numpy.nanmax().equals("True"));
            } else if (kind == 'f') {
                FloatType type = FloatType.ofSize(Integer.parseInt(f.descr().substring(2)));
                assertThat(inType(stats.get("min"), type)).isEqualTo(parse(numpy.nanmin()));
                assertThat(inType(stats.get("max"), type)).isEqualTo(parse(numpy.nanmax()));
            } else {
                assertThat(stats.get("min").asText()).isEqualTo(numpy.nanmin());
                assertThat(stats.get("max").asText()).isEqualTo(numpy.nanmax());
            }
            double scale = numpy.nanmin() == null || kind == 'b' ? 1
                    : Math.max(1, Math.max(Math.abs(parse(numpy.nanmin())), Math.abs(parse(numpy.nanmax()))));
            if (numpy.mean() == null) {
                return;
            }
            if (kind == 'f' && !f.descr().endsWith("8")) {
                // numpy's mean and std of float16/float32 are of that type: ours are the float64
                // results rounded to it and printed with its shortest digits
                FloatType type = FloatType.ofSize(Integer.parseInt(f.descr().substring(2)));
                assertInType(stats.get("mean"), numpy.mean(), type);
                assertInType(stats.get("std"), numpy.std(), type);
            } else {
                assertClose(stats.get("mean"), numpy.mean(), scale);
                assertClose(stats.get("std"), numpy.std(), scale);
            }
        }));
    }

    /** Our text read back as a value of the array's type (the shortest digits of that type). */
    private static double inType(JsonNode node, FloatType type) {
        String text = node.asText();
        boolean special = text.contains("inf") || text.contains("nan");
        return type.round(type == FloatType.SINGLE && !special ? Float.parseFloat(text) : parse(text));
    }

    /** Python's float text: digits, {@code nan}, {@code inf}, {@code -inf}. */
    private static double parse(String text) {
        return Double.parseDouble(text.replace("inf", "Infinity").replace("nan", "NaN"));
    }

    private static double value(JsonNode node) {
        return node.isNumber() ? node.asDouble() : parse(node.asText());
    }

    /**
     * Our text is the shortest text of a value of the type (it reads back as itself), and that value is
     * numpy's float64 result rounded to the type, give or take one step of the type where the two
     * float64 computations straddle a rounding boundary.
     */
    private static void assertInType(JsonNode ours, String numpy, FloatType type) {
        String text = ours.asText();
        double value = inType(ours, type);
        assertThat(Dragon4.shortestRepr(type.bits(value), type)).isEqualTo(text);
        double expected = type.round(parse(numpy));
        if (Double.isNaN(expected)) {
            assertThat(value).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(value).isEqualTo(expected);
        } else {
            assertThat(value).isCloseTo(expected, org.assertj.core.data.Offset.offset(ulp(type, expected)));
        }
    }

    /** The spacing of the type's values at x. */
    private static double ulp(FloatType type, double x) {
        return switch (type) {
            case HALF -> Math.scalb(1.0, Math.max(Math.getExponent(x), -14) - 10);
            case SINGLE -> Math.ulp((float) x);
            case DOUBLE -> Math.ulp(x);
        };
    }

    /** Equal, both NaN, equal infinities, or within rounding of the values' magnitude. */
    private static void assertClose(JsonNode ours, String numpy, double scale) {
        double a = value(ours);
        double b = parse(numpy);
        if (Double.isNaN(b)) {
            assertThat(a).isNaN();
        } else if (Double.isInfinite(b)) {
            assertThat(a).isEqualTo(b);
        } else {
            assertThat(a).isCloseTo(b, org.assertj.core.data.Offset.offset(1e-9 * scale + 1e-300));
        }
    }
}
