package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.fixtures.Printout;

/**
 * {@code npy show} prints long doubles ({@code <f16}, {@code >f16}, {@code <c32}, {@code >c32}: the
 * x87 80-bit extended format numpy writes on x86-64) exactly as numpy's {@code repr} and {@code str}
 * print them: special values, the extremes, subnormals, 18 and more significant digits, numpy's
 * switches between positional and scientific notation at their exact thresholds, 0-d, N-d, Fortran
 * order, summarised arrays, encodings no x87 produces, and hundreds of seeded random bit patterns
 * and decimal values across the whole exponent range. numpy writes every array and prints them all in one python process.
 */
class LongDoubleShowMatchesNumpyTest {

    /** The x87 exponent bias: a biased exponent of 16383 is 2^0. */
    private static final int BIAS = 16383;

    /** The largest biased exponent of a finite value (0x7FFF is infinity and NaN). */
    private static final int MAX_FINITE_BIASED = 0x7FFE;

    @TempDir
    static Path tmp;

    private static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();
    private static final Map<String, Printout> PRINTED = new LinkedHashMap<>();

    @BeforeAll
    static void numpyWritesAndPrintsEveryArrayOnce() throws IOException {
        NumpyRuntime numpy = Numpy.printingRuntime();
        handPicked();
        randomBitPatterns(new Random(0x80_87L));
        randomDecimals(new Random(4932L));
        Map<String, String> files = new LinkedHashMap<>();
        EXPRESSIONS.forEach((name, expression) -> files.put(name + ".npy", expression));
        numpy.produce("eval", tmp, Map.of("arrays", files));
        List<Path> paths = new ArrayList<>();
        EXPRESSIONS.keySet().forEach(name -> paths.add(file(name)));
        List<Printout> printouts = numpy.print(paths);
        int i = 0;
        for (String name : EXPRESSIONS.keySet()) {
            PRINTED.put(name, printouts.get(i++));
        }
    }

    private static Path file(String name) {
        return tmp.resolve(name + ".npy");
    }

    private static void handPicked() {
        String finfo = "np.finfo(np.longdouble)";
        put("specials", "np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 2.5, 1], dtype='<f16')");
        put("only_nan_and_inf", "np.array([np.nan, -np.inf], dtype='<f16')");
        put("extremes", "(lambda f: np.array([f.max, -f.max, f.tiny, f.smallest_subnormal, -f.smallest_subnormal],"
                + " dtype='<f16'))(" + finfo + ")");
        put("largest", "np.array([" + finfo + ".max], dtype='<f16')");
        put("smallest_subnormal", "np.array([" + finfo + ".smallest_subnormal], dtype='>f16')");
        put("integers", "np.array([0, 1, -2, 12345678, 10**17, 2**63, 2**64 - 1, 10**18], dtype='<f16')");
        put("small_integers", "np.array([0, 1, -2, 3, 1000, -99999999], dtype='<f16')");
        put("eighteen_digits", "np.array(['0.1', '0.3333333333333333333333', '123456789012345678.9',"
                + " '1.000000000000000000001', '9.999999999999999999e-5', '2.718281828459045235360287'], dtype='<f16')");
        put("one_third_positional", "np.array([1, 2, 10], dtype='<f16') / np.longdouble(3)");
        // numpy compares the smallest magnitude with the Python float 0.0001 (a double), not 1e-4L
        put("nearest_long_double_to_1e-4", "np.array(['1e-4', '2e-4'], dtype='<f16')");
        put("double_nearest_1e-4", "np.array([1e-4, 2e-4], dtype='<f16')");
        put("just_below_1e8", "np.array([np.nextafter(np.longdouble(1e8), np.longdouble(0)), 1e6], dtype='<f16')");
        put("exactly_1e8", "np.array([1e8, 1e6], dtype='<f16')");
        put("ratio_exactly_1000", "np.array([1, 1000], dtype='<f16')");
        put("ratio_one_step_above_1000", "np.array([1, np.nextafter(np.longdouble(1000), np.longdouble(2000))],"
                + " dtype='<f16')");
        // the quotient is above 1000 but rounds to it in 64 bits, then above 1000 and rounds up
        put("ratio_rounding_to_1000", "(lambda m: np.array([m, np.longdouble(1000) * m]))"
                + "(np.longdouble(1) + np.longdouble(2) / np.longdouble(1000))");
        put("ratio_rounding_above_1000", "(lambda m: np.array([m, np.longdouble(1000) * m]))"
                + "(np.longdouble(1) + np.longdouble(29) / np.longdouble(1000))");
        put("big_endian", "np.array([0.5, -1.25, 3, np.nan, 1e-3], dtype='>f16')");
        put("matrix_fortran_order", "np.asfortranarray(np.arange(12, dtype='<f16').reshape(3, 4) / np.longdouble(7))");
        put("three_d", "((np.arange(24, dtype='<f16') - 12).reshape(2, 3, 4) / np.longdouble(3)).astype('>f16')");
        put("wrapped_lines", "np.arange(40, dtype='<f16') / np.longdouble(7) - 3");
        put("summarised_2d", "(np.arange(3000, dtype='<f16') / np.longdouble(7)).reshape(30, 100)");
        put("summarised_1d_scientific", "np.linspace(0, 1, 1500, dtype='<f16') ** 40");
        put("empty", "np.zeros((0, 3), dtype='<f16')");
        put("empty_complex", "np.zeros(0, dtype='>c32')");
        put("complex_specials", "np.array([complex(np.nan, 1), complex(1, np.inf), complex(-np.inf, -0.0),"
                + " complex(0, 0), complex(-0.0, 0)], dtype='<c32')");
        put("complex_thirds", "np.array([1 + 2j, 3 - 4j, -5j], dtype='<c32') / np.longdouble(3)");
        put("complex_big_endian_scientific", "(np.array([1e300 + 1j, -2e-300 - 3.5j], dtype='<c32') * np.longdouble(1e300)).astype('>c32')");
        put("complex_summarised", "(np.arange(1200, dtype='<c32') * (1 + 1j) / np.longdouble(3)).reshape(12, 100)");
        put("scalar_third", "np.array(np.longdouble(1) / 3)");
        put("scalar_largest", "np.array(" + finfo + ".max, dtype='>f16')");
        put("scalar_smallest_subnormal", "np.array(" + finfo + ".smallest_subnormal)");
        put("scalar_nan", "np.array(np.nan, dtype='<f16')");
        put("scalar_negative_infinity", "np.array(-np.inf, dtype='>f16')");
        put("scalar_negative_zero", "np.array(-0.0, dtype='<f16')");
        put("scalar_integer", "np.array(12345, dtype='<f16')");
        put("scalar_1e16", "np.array(1e16, dtype='<f16')");
        put("scalar_below_1e16", "np.array(np.nextafter(np.longdouble(1e16), np.longdouble(0)))");
        put("scalar_nearest_1e-4", "np.array(np.longdouble('1e-4'))");
        put("scalar_below_nearest_1e-4", "np.array(np.nextafter(np.longdouble('1e-4'), np.longdouble(0)))");
        put("scalar_double_1e-4", "np.array(1e-4, dtype='<f16')");
        put("scalar_complex", "np.array(np.longdouble(1) / 3 + 2j, dtype='<c32')");
        put("scalar_complex_imaginary", "np.array(np.longdouble(-1) / 3 * 1j, dtype='>c32')");
        put("scalar_complex_negative_zero_real", "np.array(complex(-0.0, 1e-300), dtype='<c32') / 7");
        put("scalar_complex_nan_inf", "np.array(complex(np.nan, -np.inf), dtype='<c32')");
        put("scalar_complex_inf_nan", "np.array(complex(-np.inf, np.nan), dtype='>c32')");
        // encodings no x87 produces: with the integer bit clear above a zero exponent numpy's isnan is true
        put("unnormals_pseudo_infinity_and_pseudo_nan", littleEndian(new long[][] {{1L << 62, BIAS}, {Long.MIN_VALUE, BIAS},
            {0, 0x7FFF}, {1, 0xFFFF}, {0x1234_5678L, 0x8000 | BIAS + 9}}));
        put("pseudo_denormal", littleEndian(new long[][] {{Long.MIN_VALUE | 5, 0}, {Long.MIN_VALUE, BIAS}}));
    }

    /** {@code np.frombuffer} of x87 values given as significand and sign-and-exponent, zero padding. */
    private static String littleEndian(long[][] values) {
        ByteBuffer bytes = ByteBuffer.allocate(16 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            bytes.putLong(16 * i, values[i][0]).putShort(16 * i + 8, (short) values[i][1]);
        }
        return "np.frombuffer(bytes.fromhex('" + HexFormat.of().formatHex(bytes.array()) + "'), dtype='<f16')";
    }

    /**
     * Arrays of random valid x87 values given as bytes (sign, exponent and the 63 fraction bits
     * random, the integer bit set exactly for non-zero exponents, the six padding bytes random):
     * some in the exponent range where numpy prints positionally, the rest anywhere, in both byte
     * orders, real and complex, 1-d and N-d.
     */
    private static void randomBitPatterns(Random random) {
        for (int k = 0; k < 60; k++) {
            int count = 1 + random.nextInt(12);
            boolean nearOne = k % 2 == 0;
            int low = nearOne ? BIAS - 16 : random.nextInt(MAX_FINITE_BIASED + 1);
            int high = nearOne ? BIAS + 28 : Math.min(MAX_FINITE_BIASED, low + random.nextInt(k % 3 == 0 ? 40 : 20_000));
            boolean bigEndian = k % 4 == 1;
            String descr = bigEndian ? ">f16" : "<f16";
            put("random_bits_" + k, frombuffer(random, count, low, high, bigEndian, descr, k % 5 == 4 && count >= 6 ? "(2, -1)" : null));
        }
        for (int k = 0; k < 20; k++) {
            int count = 1 + random.nextInt(8);
            boolean nearOne = k % 2 == 0;
            int low = nearOne ? BIAS - 12 : random.nextInt(MAX_FINITE_BIASED + 1);
            int high = nearOne ? BIAS + 20 : Math.min(MAX_FINITE_BIASED, low + random.nextInt(5_000));
            boolean bigEndian = k % 3 == 1;
            put("random_complex_bits_" + k, frombuffer(random, 2 * count, low, high, bigEndian,
                    bigEndian ? ">c32" : "<c32", null));
        }
        put("random_subnormals", frombuffer(random, 9, 0, 0, false, "<f16", null));
        put("random_scalar_bits", frombuffer(random, 1, 0, MAX_FINITE_BIASED, true, ">f16", "(())"));
    }

    /** {@code np.frombuffer} of random x87 values with biased exponents from low to high. */
    private static String frombuffer(Random random, int count, int low, int high, boolean bigEndian, String descr,
            String shape) {
        byte[] bytes = new byte[16 * count];
        for (int i = 0; i < count; i++) {
            int biased = low + random.nextInt(high - low + 1);
            long fraction = random.nextLong() & Long.MAX_VALUE;
            long significand = biased == 0 ? fraction : fraction | Long.MIN_VALUE;
            int signAndExponent = biased | (random.nextBoolean() ? 0x8000 : 0);
            byte[] little = new byte[16];
            for (int b = 0; b < 8; b++) {
                little[b] = (byte) (significand >>> (8 * b));
            }
            little[8] = (byte) signAndExponent;
            little[9] = (byte) (signAndExponent >>> 8);
            for (int b = 10; b < 16; b++) {
                little[b] = (byte) random.nextInt(256);
            }
            for (int b = 0; b < 16; b++) {
                bytes[16 * i + b] = little[bigEndian ? 15 - b : b];
            }
        }
        String array = "np.frombuffer(bytes.fromhex('" + HexFormat.of().formatHex(bytes) + "'), dtype='" + descr + "')";
        return shape == null ? array : array + ".reshape" + shape;
    }

    /**
     * Arrays of random decimal values with 19 to 25 significant digits and exponents across the
     * whole range (numpy rounds each text to the nearest long double).
     */
    private static void randomDecimals(Random random) {
        for (int k = 0; k < 25; k++) {
            int count = 1 + random.nextInt(10);
            boolean narrow = k % 3 == 0;
            int center = random.nextInt(4932 + 4950) - 4950;
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
                digits.append(1 + random.nextInt(9)).append('.');
                int more = 18 + random.nextInt(7);
                for (int d = 0; d < more; d++) {
                    digits.append(random.nextInt(10));
                }
                int exponent = narrow ? random.nextInt(9) - 3 : Math.max(-4950, Math.min(4931, center + random.nextInt(41) - 20));
                texts.add("'" + digits + "e" + exponent + "'");
            }
            put("random_decimals_" + k, "np.array([" + String.join(", ", texts) + "], dtype='" + (k % 2 == 0 ? "<" : ">")
                    + "f16')");
        }
    }

    private static void put(String name, String expression) {
        EXPRESSIONS.put(name, expression);
    }

    @TestFactory
    Stream<DynamicTest> showPrintsWhatReprPrints() {
        return EXPRESSIONS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Printout numpy = PRINTED.get(name);
            assertThat(numpy.error()).as("numpy loads %s", name).isNull();
            Cli.Result shown = Cli.run("show", file(name));
            assertThat(shown.err()).isEmpty();
            assertThat(shown.exitCode()).isZero();
            assertThat(shown.out()).isEqualTo(numpy.repr() + System.lineSeparator());
        }));
    }

    @TestFactory
    Stream<DynamicTest> showStrPrintsWhatStrPrints() {
        return EXPRESSIONS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Printout numpy = PRINTED.get(name);
            assertThat(numpy.error()).as("numpy loads %s", name).isNull();
            Cli.Result shown = Cli.run("show", "--str", file(name));
            assertThat(shown.err()).isEmpty();
            assertThat(shown.exitCode()).isZero();
            assertThat(shown.out()).isEqualTo(numpy.str() + System.lineSeparator());
        }));
    }
}
