package org.npyfile.cli.repr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * Long doubles read from the x87 extended format agree with numpy on x86-64, value by value, for
 * hundreds of seeded random bit patterns (with random padding) and the hard cases: the nearest
 * double ({@code astype(float64)}, ties to even, subnormal doubles, overflow), the order of values
 * ({@code argsort}), and the {@code str} of each scalar. numpy writes the values and answers in one
 * python process.
 */
class LongDoubleValuesTest {

    /** The x87 exponent bias. */
    private static final int BIAS = 16383;

    /** Bits of the significand below the 53 a double keeps. */
    private static final int DROPPED_BITS = 64 - 53;

    @TempDir
    static Path tmp;

    private static FloatValue[] values;
    private static JsonNode numpy;

    @BeforeAll
    static void numpyAnswersForEveryValueOnce() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        NumpyRuntime runtime = NumpyRuntime.shared().get();
        byte[] bytes = patterns(new Random(0x3FFF_8000L));
        runtime.produce("eval", tmp, Map.of("arrays", Map.of("values.npy",
                "np.frombuffer(bytes.fromhex('" + HexFormat.of().formatHex(bytes) + "'), dtype='<f16')")));
        Path file = tmp.resolve("values.npy");
        numpy = runtime.report("eval", List.of(file), Map.of("expr",
                "{'doubles': a.astype(np.float64).tolist(), 'order': np.argsort(a, kind='stable').tolist(),"
                        + " 'str': [str(x) for x in a]}")).get(0).get("value");
        ByteBuffer data = Npy.read(file).data();
        values = new FloatValue[bytes.length / 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = LongDouble.X87_EXTENDED.read(data, 16 * i);
        }
    }

    /** Valid x87 values, little-endian, each with six random padding bytes. */
    private static byte[] patterns(Random random) {
        List<long[]> fields = new ArrayList<>();
        long one = Long.MIN_VALUE;
        // specials and extremes: zeros, infinities, NaNs, the largest value, the smallest normal and subnormal
        for (long[] f : new long[][] {{0, 0}, {0, 0x8000}, {one, 0x7FFF}, {one, 0xFFFF}, {one | 1, 0x7FFF},
                {one | 1L << 62, 0xFFFF}, {-1L, 0x7FFE}, {-1L, 0xFFFE}, {one, 1}, {1, 0}, {1, 0x8000}, {one, BIAS}}) {
            fields.add(f);
        }
        for (int i = 0; i < 600; i++) {
            int biased = switch (i % 6) {
                case 0 -> random.nextInt(0x7FFF);
                // around the doubles' overflow, their subnormals and their underflow to zero
                case 1 -> BIAS + 1020 + random.nextInt(8);
                case 2 -> BIAS - 1022 - random.nextInt(54);
                case 3 -> BIAS - 1074 - random.nextInt(4);
                case 4 -> random.nextInt(12);
                default -> BIAS - 40 + random.nextInt(80);
            };
            long fraction = random.nextLong() & Long.MAX_VALUE;
            if (i % 5 == 0) {
                // exactly halfway between two doubles where a double keeps 53 bits
                fraction = fraction & -(1L << DROPPED_BITS) | 1L << (DROPPED_BITS - 1);
            }
            fields.add(new long[] {biased == 0 ? fraction : fraction | one, biased | (random.nextBoolean() ? 0x8000 : 0)});
        }
        byte[] bytes = new byte[16 * fields.size()];
        ByteBuffer out = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < fields.size(); i++) {
            out.putLong(16 * i, fields.get(i)[0]);
            out.putShort(16 * i + 8, (short) fields.get(i)[1]);
            for (int b = 10; b < 16; b++) {
                bytes[16 * i + b] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }

    @Test
    void theNearestDoubleIsNumpysCastToFloat64() {
        JsonNode doubles = numpy.get("doubles");
        for (int i = 0; i < values.length; i++) {
            JsonNode expected = doubles.get(i);
            double ours = values[i].toDouble();
            if (expected.isNumber()) {
                assertThat(Double.doubleToRawLongBits(ours)).as("value %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(expected.asDouble()));
            } else {
                assertThat(Double.toString(ours).replace("Infinity", "inf").replace("NaN", "nan")).as("value %d", i)
                        .isEqualTo(expected.asText());
            }
        }
    }

    @Test
    void valuesSortAsNumpySortsThem() {
        // numpy's stable argsort: NaNs last, equal values (0.0 and -0.0) in their first order
        Comparator<Integer> byNumber = (a, b) -> values[a].isNaN() || values[b].isNaN()
                ? Boolean.compare(values[a].isNaN(), values[b].isNaN()) : values[a].compareNumber(values[b]);
        List<Integer> ours = IntStream.range(0, values.length).boxed().sorted(byNumber).toList();
        List<Integer> expected = new ArrayList<>();
        numpy.get("order").forEach(n -> expected.add(n.asInt()));
        assertThat(ours).isEqualTo(expected);
    }

    @Test
    void everyScalarPrintsAsNumpysStr() {
        JsonNode texts = numpy.get("str");
        for (int i = 0; i < values.length; i++) {
            assertThat(ScalarText.floatStr(values[i], LongDouble.X87_EXTENDED)).as("value %d", i)
                    .isEqualTo(texts.get(i).asText());
        }
    }

    @Test
    void nanHasNoOrder() {
        FloatValue nan = LongDouble.X87_EXTENDED.value(Long.MIN_VALUE | 1, 0x7FFF);
        FloatValue one = LongDouble.X87_EXTENDED.value(Long.MIN_VALUE, BIAS);
        assertThatThrownBy(() -> one.compareNumber(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }
}
