package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.Casting;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyTypeException;
import org.npyfile.internal.LongDoubles;

/**
 * Long doubles ({@code <f16}, {@code >f16}, {@code <c32}) as numpy on this x86-64 machine writes
 * them: every value decoded exactly (compared with numpy's {@code as_integer_ratio}), cast to double
 * as numpy casts it, and Java-encoded values loaded back by numpy with the same value.
 */
class LongDoublesTest {

    /** Values whose edges matter: subnormals, extremes, ties of the double cast, specials. */
    private static final String VALUES = "[0, -0.0, 1, -1, np.longdouble(1) / 3, np.longdouble('0.1'),"
            + " np.finfo(np.longdouble).max, -np.finfo(np.longdouble).max, np.finfo(np.longdouble).tiny,"
            + " np.finfo(np.longdouble).smallest_subnormal, np.finfo(np.longdouble).smallest_subnormal * 12345,"
            + " np.longdouble(2) ** -16400, np.longdouble('1e4000'), np.longdouble('-1e-4940'),"
            + " np.longdouble(2**64 - 1), np.inf, -np.inf, np.nan,"
            + " 1 + np.longdouble(2) ** -53, 1 + 3 * np.longdouble(2) ** -53,"
            + " 1 + np.longdouble(2) ** -53 + np.longdouble(2) ** -60, np.longdouble(2) ** -1075,"
            + " 3 * np.longdouble(2) ** -1076, 3 * np.longdouble(2) ** -1075,"
            + " np.longdouble(np.finfo(np.float64).max) + np.longdouble(2) ** 970,"
            + " np.longdouble(np.finfo(np.float64).max) + np.longdouble(2) ** 969, np.longdouble(2) ** 1024,"
            + " np.longdouble('2.2250738585072011e-308'), np.longdouble(5e-324) / 2, np.longdouble(-7.25)]";

    private static NumpyRuntime numpy;
    private static Path dir;

    @BeforeAll
    static void produce() throws IOException {
        var runtime = NumpyRuntime.shared();
        assumeTrue(runtime.isPresent(), () -> "no numpy to test against: " + NumpyRuntime.unavailableReason());
        numpy = runtime.get();
        dir = NumpyFixtures.outputDir("long-doubles");
        numpy.produce("pickled", dir, Map.of("files", Map.of(
                "le.npy", "np.array(" + VALUES + ", dtype='<f16')",
                "be.npy", "np.array(" + VALUES + ", dtype='>f16')",
                "c32.npy", "np.array(" + VALUES + ", dtype='<f16').view('<c32')",
                "c32-be.npy", "np.array(" + VALUES + ", dtype='<f16').view('<c32').astype('>c32')")));
    }

    @Test
    void numpysX86LongDoublesDecodeExactlyAndCastToDoubleAsNumpyCasts() throws IOException {
        List<Path> files = List.of(dir.resolve("le.npy"), dir.resolve("be.npy"), dir.resolve("c32.npy"),
                dir.resolve("c32-be.npy"));
        List<JsonNode> reports = numpy.report("long-doubles", files, Map.of());
        assumeTrue(reports.get(0).path("finfo").get(0).asInt() == 63,
                "numpy's longdouble here is not the x87 80-bit format: " + reports.get(0).path("finfo"));
        for (int f = 0; f < files.size(); f++) {
            PickledValues.Section data = PickledValues.dataSection(files.get(f));
            ByteOrder order = files.get(f).getFileName().toString().contains("be") ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN;
            JsonNode values = reports.get(f).path("values");
            assertThat(values.size()).isEqualTo(30);
            for (int i = 0; i < values.size(); i++) {
                JsonNode expected = values.get(i);
                ByteBuffer buf = data.pickle().duplicate();
                int at = buf.position() + 16 * i;
                String where = files.get(f).getFileName() + "[" + i + "] = " + expected.path("repr").asText();
                double d = LongDoubles.toDouble(buf, at, order, LongDoubles.Format.X87_EXTENDED);
                assertThat(String.format("%016x", Double.doubleToRawLongBits(d)))
                        .as(where).isEqualTo(expected.path("double").asText());
                if (expected.has("ratio")) {
                    BigDecimal exact = new BigDecimal(new BigInteger(expected.path("ratio").get(0).asText(), 16))
                            .divide(new BigDecimal(new BigInteger(expected.path("ratio").get(1).asText(), 16)));
                    assertThat(LongDoubles.toBigDecimal(buf, at, order, LongDoubles.Format.X87_EXTENDED))
                            .as(where).isEqualByComparingTo(exact);
                } else {
                    assertThat(LongDoubles.decode(buf, at, order, LongDoubles.Format.X87_EXTENDED).kind().name())
                            .as(where).isEqualTo(switch (expected.path("special").asText()) {
                                case "inf" -> "POSITIVE_INFINITY";
                                case "-inf" -> "NEGATIVE_INFINITY";
                                default -> "NAN";
                            });
                }
            }
        }
    }

    @Test
    void javaEncodedLongDoublesLoadInNumpyWithTheSameValues() throws IOException {
        String[] decimals = {"0.1", "-1e-4940", "1e4000", "3.3621031431120935063e-4932", "1.5e-4950", "-2.5",
            "123456789012345678901234567890", "1e5000", "0.30000000000000000001"};
        double[] doubles = {0.0, -0.0, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        int n = decimals.length + doubles.length;
        List<Path> files = new ArrayList<>();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            ByteBuffer data = ByteBuffer.allocate(16 * n);
            for (int i = 0; i < decimals.length; i++) {
                LongDoubles.fromBigDecimal(new BigDecimal(decimals[i]), data, 16 * i, order,
                        LongDoubles.Format.X87_EXTENDED);
            }
            for (int i = 0; i < doubles.length; i++) {
                LongDoubles.fromDouble(doubles[i], data, 16 * (decimals.length + i), order,
                        LongDoubles.Format.X87_EXTENDED);
            }
            String descr = order == ByteOrder.LITTLE_ENDIAN ? "<f16" : ">f16";
            Path file = dir.resolve("java-" + descr.charAt(0) + ".npy").toAbsolutePath();
            Files.write(file, npy("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + n + ",), }",
                    data.array()));
            files.add(file);
        }
        StringBuilder expected = new StringBuilder("[");
        for (String d : decimals) {
            expected.append("np.longdouble('").append(d).append("'), ");
        }
        for (double d : doubles) {
            expected.append("np.longdouble(").append(Double.isNaN(d) ? "np.nan" : Double.isInfinite(d)
                    ? (d > 0 ? "np.inf" : "-np.inf") : "float.fromhex('" + Double.toHexString(d) + "')").append("), ");
        }
        String expr = "bool(np.all((a == np.array(" + expected + "], dtype=np.longdouble)) | (np.isnan(a) & np.isnan("
                + "np.array(" + expected + "], dtype=np.longdouble)))) and np.all(np.signbit(a) == np.signbit(np.array("
                + expected + "], dtype=np.longdouble))))";
        for (JsonNode r : numpy.report("eval", files, Map.of("expr", expr))) {
            assertThat(r.path("value").asBoolean()).as(r.toString()).isTrue();
        }
    }

    @Test
    void thePublicApiGivesExactDecimalsAndNumpysDoubleCast() throws IOException {
        List<Path> files = List.of(dir.resolve("le.npy"), dir.resolve("be.npy"), dir.resolve("c32.npy"),
                dir.resolve("c32-be.npy"));
        List<JsonNode> reports = numpy.report("long-doubles", files, Map.of());
        assumeTrue(reports.get(0).path("finfo").get(0).asInt() == 63,
                "numpy's longdouble here is not the x87 80-bit format: " + reports.get(0).path("finfo"));
        for (int f = 0; f < files.size(); f++) {
            NpyArray a = Npy.read(files.get(f));
            assertThat(a.dtype().isLongDouble()).isTrue();
            boolean complex = a.dtype().kind() == DType.Kind.COMPLEX;
            double[] doubles = a.astype(complex ? DType.COMPLEX128 : DType.FLOAT64, Casting.UNSAFE).asDoubleArray();
            JsonNode values = reports.get(f).path("values");
            assertThat(doubles).hasSize(values.size());
            // One part at a time, so that NaN and infinities (which no decimal holds) are checked alone.
            NpyArray parts = NpyArray.of(DType.of(DType.Kind.FLOAT, 16, a.dtype().byteOrder()), false,
                    new long[] {values.size()}, a.data());
            for (int i = 0; i < values.size(); i++) {
                JsonNode expected = values.get(i);
                String where = files.get(f).getFileName() + "[" + i + "] = " + expected.path("repr").asText();
                assertThat(String.format("%016x", Double.doubleToRawLongBits(doubles[i])))
                        .as(where).isEqualTo(expected.path("double").asText());
                ByteBuffer one = a.data().slice(16 * i, 16);
                NpyArray single = NpyArray.of(parts.dtype(), false, new long[] {1}, one);
                if (expected.has("ratio")) {
                    BigDecimal exact = new BigDecimal(new BigInteger(expected.path("ratio").get(0).asText(), 16))
                            .divide(new BigDecimal(new BigInteger(expected.path("ratio").get(1).asText(), 16)));
                    assertThat(single.asBigDecimalArray()[0]).as(where).isEqualByComparingTo(exact);
                } else {
                    assertThatThrownBy(single::asBigDecimalArray).as(where).isInstanceOf(ArithmeticException.class);
                }
            }
            // A double that is no long double's own still fails no check: explicit only.
            assertThatThrownBy(a::asDoubleArray).isInstanceOf(NpyTypeException.class);
        }
    }

    @Test
    void arraysBuiltFromDecimalsAndDoublesLoadInNumpyWithTheSameValues() throws IOException {
        BigDecimal[] decimals = {new BigDecimal("0.1"), new BigDecimal("-1e-4940"), new BigDecimal("1e4000"),
            new BigDecimal("-2.5")};
        double[] doubles = {-0.0, 1.0 / 3, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Double.NaN};
        Path le = dir.resolve("public-le.npy").toAbsolutePath();
        Path be = dir.resolve("public-be.npy").toAbsolutePath();
        Path fromDoubles = dir.resolve("public-doubles.npy").toAbsolutePath();
        Npy.write(le, NpyArray.ofLongDoubles(decimals, 2, 2));
        Npy.write(be, NpyArray.ofLongDoubles(decimals, 2, 2).withByteOrder(ByteOrder.BIG_ENDIAN));
        Npy.write(fromDoubles, NpyArray.ofLongDoubles(doubles));
        List<JsonNode> r = numpy.report("eval", List.of(le, be, fromDoubles), Map.of("expr",
                "[a.dtype.str, a.shape, [repr(x) for x in a.ravel()], [bool(x) for x in np.signbit(a.ravel())]]"));
        assertThat(r.get(0).path("value").get(0).asText()).isEqualTo("<f16");
        assertThat(r.get(1).path("value").get(0).asText()).isEqualTo(">f16");
        List<JsonNode> exact = numpy.report("eval", List.of(le), Map.of("expr",
                "bool(np.all(a.ravel() == np.array([np.longdouble('0.1'), np.longdouble('-1e-4940'),"
                        + " np.longdouble('1e4000'), np.longdouble('-2.5')])))"));
        assertThat(exact.get(0).path("value").asBoolean()).isTrue();
        assertThat(r.get(1).path("value").get(2)).isEqualTo(r.get(0).path("value").get(2));
        JsonNode d = r.get(2).path("value");
        assertThat(d.get(2).get(0).asText()).isEqualTo("np.longdouble('-0.0')");
        assertThat(d.get(3).get(0).asBoolean()).isTrue();
        assertThat(d.get(2).get(3).asText()).isEqualTo("np.longdouble('-inf')");
        assertThat(d.get(2).get(4).asText()).isEqualTo("np.longdouble('nan')");
    }

    /** A version 1.0 .npy file: numpy's header, padded as numpy pads it, then the data. */
    static byte[] npy(String dict, byte[] data) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }
}
