package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.fixtures.Inspection;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * Files npyfile wrote, loaded by numpy: every dtype x byte order x layout x shape. numpy must
 * report the dtype, shape and order we meant, exactly the values we wrote (given here as the
 * canonical text numpy prints for them), and re-save the array to the very same bytes.
 */
class JavaToNumpyTest {

    private static final long[][] SHAPES = {{}, {0}, {0, 3}, {7}, {3, 4, 5}};

    /** One dtype's test values: the expected canonical text for element i, and a builder of the C-order array. */
    private record Values(DType dtype, IntFunction<String> expected, ArrayBuilder build) { }

    private interface ArrayBuilder {
        NpyArray of(int count, long[] shape) throws NpyException;
    }

    private static final long[] INT8 = {0, -1, 1, Byte.MIN_VALUE, Byte.MAX_VALUE, 42, -77};
    private static final long[] INT16 = {0, -1, 1, Short.MIN_VALUE, Short.MAX_VALUE, 12345, -32000};
    private static final long[] INT32 = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456789, -5};
    private static final long[] INT64 = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 1234567890123L, -5};
    private static final double[] DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, -2.5e-300, 1e300};
    private static final float[] FLOATS = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, Float.MAX_VALUE, 1f / 3, -2.5e-30f, 1e30f};
    /** Exactly representable in float16: no rounding is under test here. */
    private static final float[] HALVES = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        0x1p-24f, 65504f, 0.333251953125f, -1.5f, 1024f};
    private static final String[] TEXT = {"", "a", "\u00e9t\u00e9", "\u00df\u4e2d\u6587", "\uD83D\uDE00!", "seven77",
        "\uDBFF\uDFFF"};
    private static final String[] BYTES = {"", "ab", "\u0000\u00ff\u0080x", "hello", "\u0001\u0002", "\u00e9"};
    private static final long[] TICKS = {0, -1, 1, Long.MIN_VALUE, 1_700_000_000L, -86_400L, 31L};
    private static final String[] UNITS = {"Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"};

    private static List<Values> valueSets() {
        List<Values> sets = new ArrayList<>();
        sets.add(new Values(DType.BOOL, i -> Boolean.toString(i % 3 == 1), (n, s) -> {
            boolean[] v = new boolean[n];
            for (int i = 0; i < n; i++) {
                v[i] = i % 3 == 1;
            }
            return NpyArray.of(v, s);
        }));
        sets.add(signed(DType.INT8, INT8, (n, s) -> NpyArray.of(bytes(INT8, n), s)));
        sets.add(signed(DType.INT16, INT16, (n, s) -> NpyArray.of(shorts(INT16, n), s)));
        sets.add(signed(DType.INT32, INT32, (n, s) -> NpyArray.of(ints(INT32, n), s)));
        sets.add(signed(DType.INT64, INT64, (n, s) -> NpyArray.of(longs(INT64, n), s)));
        sets.add(unsigned(DType.UINT8, 8, INT8, (n, s) -> NpyArray.ofUnsigned(bytes(INT8, n), s)));
        sets.add(unsigned(DType.UINT16, 16, INT16, (n, s) -> NpyArray.ofUnsigned(shorts(INT16, n), s)));
        sets.add(unsigned(DType.UINT32, 32, INT32, (n, s) -> NpyArray.ofUnsigned(ints(INT32, n), s)));
        sets.add(unsigned(DType.UINT64, 64, INT64, (n, s) -> NpyArray.ofUnsigned(longs(INT64, n), s)));
        sets.add(new Values(DType.FLOAT16, i -> python(HALVES[i % HALVES.length]),
                (n, s) -> NpyArray.ofFloat16(floats(HALVES, n), s)));
        sets.add(new Values(DType.FLOAT32, i -> python(FLOATS[i % FLOATS.length]),
                (n, s) -> NpyArray.of(floats(FLOATS, n), s)));
        sets.add(new Values(DType.FLOAT64, i -> python(DOUBLES[i % DOUBLES.length]),
                (n, s) -> NpyArray.of(doubles(DOUBLES, 0, n), s)));
        sets.add(new Values(DType.COMPLEX64,
                i -> python(FLOATS[(2 * i) % FLOATS.length]) + "," + python(FLOATS[(2 * i + 1) % FLOATS.length]),
                (n, s) -> NpyArray.ofComplex64(floats(FLOATS, 2 * n), s)));
        sets.add(new Values(DType.COMPLEX128,
                i -> python(DOUBLES[(2 * i) % DOUBLES.length]) + "," + python(DOUBLES[(2 * i + 1) % DOUBLES.length]),
                (n, s) -> NpyArray.ofComplex128(doubles(DOUBLES, 0, 2 * n), s)));
        sets.add(new Values(DType.bytes(5),
                i -> HexFormat.of().formatHex(BYTES[i % BYTES.length].getBytes(StandardCharsets.ISO_8859_1)),
                (n, s) -> NpyArray.ofStrings(DType.bytes(5), strings(BYTES, n), s)));
        sets.add(new Values(DType.unicode(7), i -> TEXT[i % TEXT.length],
                (n, s) -> NpyArray.ofStrings(DType.unicode(7), strings(TEXT, n), s)));
        for (String unit : UNITS) {
            sets.add(new Values(DType.datetime64(unit), i -> Long.toString(TICKS[i % TICKS.length]),
                    (n, s) -> NpyArray.ofDatetime64(longs(TICKS, n), unit, s)));
            sets.add(new Values(DType.timedelta64(unit), i -> Long.toString(TICKS[(i + 3) % TICKS.length]),
                    (n, s) -> NpyArray.ofTimedelta64(longs(TICKS, n, 3), unit, s)));
        }
        return sets;
    }

    @TestFactory
    Stream<DynamicTest> numpyLoadsEveryFileWeWriteWithTheValuesWeWrote() throws IOException {
        NumpyRuntime numpy = NumpyFixtures.numpy();
        Path dir = NumpyFixtures.outputDir("matrix");
        Map<Path, Case> cases = new LinkedHashMap<>();
        for (Values set : valueSets()) {
            List<ByteOrder> orders = set.dtype().hasByteOrder()
                    ? List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN) : List.of(ByteOrder.LITTLE_ENDIAN);
            for (ByteOrder order : orders) {
                for (boolean fortran : new boolean[] {false, true}) {
                    for (long[] shape : SHAPES) {
                        int count = (int) product(shape);
                        NpyArray array = set.build().of(count, shape).withByteOrder(order);
                        if (fortran) {
                            array = array.toFortranOrder();
                        }
                        String name = (array.dtype().descr() + "_" + (fortran ? "F" : "C") + "_" + shapeName(shape))
                                .replace('<', 'l').replace('>', 'b').replace('|', 'n').replace("[", "_").replace("]", "");
                        Path file = dir.resolve(name + ".npy");
                        Npy.write(file, array);
                        List<String> expected = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            expected.add(set.expected().apply(i));
                        }
                        cases.put(file, new Case(array, expected));
                    }
                }
            }
        }
        List<Inspection> reports = numpy.inspect(new ArrayList<>(cases.keySet()));
        return reports.stream().map(r -> DynamicTest.dynamicTest(r.file().getFileName().toString(), () -> {
            Case c = cases.get(r.file());
            assertThat(r.error()).as("numpy.load error").isNull();
            assertThat(r.descr()).isEqualTo(c.array().dtype().descr());
            assertThat(r.shape()).containsExactly(c.array().shape());
            assertThat(r.fortranOrder()).isEqualTo(c.array().header().fortranOrder());
            NumpyValues.assertSameText(c.array().dtype(), r.values(), c.expected(), r.file().toString());
            assertThat(r.identicalToNumpySave()).as("byte-identical to numpy.save of the same array").isTrue();
        }));
    }

    private record Case(NpyArray array, List<String> expected) { }

    private static Values signed(DType dtype, long[] values, ArrayBuilder build) {
        return new Values(dtype, i -> Long.toString(values[i % values.length]), build);
    }

    private static Values unsigned(DType dtype, int bits, long[] values, ArrayBuilder build) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return new Values(dtype, i -> Long.toUnsignedString(values[i % values.length] & mask), build);
    }

    /** Python's repr of a float64 value, as numpy's canonical text prints it. */
    private static String python(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }

    private static byte[] bytes(long[] src, int n) {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) src[i % src.length];
        }
        return v;
    }

    private static short[] shorts(long[] src, int n) {
        short[] v = new short[n];
        for (int i = 0; i < n; i++) {
            v[i] = (short) src[i % src.length];
        }
        return v;
    }

    private static int[] ints(long[] src, int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (int) src[i % src.length];
        }
        return v;
    }

    private static long[] longs(long[] src, int n) {
        return longs(src, n, 0);
    }

    private static long[] longs(long[] src, int n, int shift) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = src[(i + shift) % src.length];
        }
        return v;
    }

    private static float[] floats(float[] src, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = src[i % src.length];
        }
        return v;
    }

    private static double[] doubles(double[] src, int shift, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = src[(i + shift) % src.length];
        }
        return v;
    }

    private static String[] strings(String[] src, int n) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = src[i % src.length];
        }
        return v;
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }

    private static String shapeName(long[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (long d : shape) {
            sb.append(sb.length() == 0 ? "" : "x").append(d);
        }
        return sb.toString();
    }
}
