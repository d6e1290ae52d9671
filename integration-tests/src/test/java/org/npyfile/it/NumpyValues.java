package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;

/**
 * Compares an array's values with numpy's canonical text for them (npy-fixtures' format): bools as
 * true/false, integers in decimal, floats as Python's repr of the value as a float64 (compared as
 * numbers, so 1e-300 and 1.0E-300 agree and NaN equals NaN), complex as "re,im", S as hex, U as
 * text, datetimes as int64 ticks, all in logical C order.
 */
final class NumpyValues {

    private NumpyValues() {
    }

    static void assertMatches(NpyArray array, List<String> numpy, String what) throws NpyException {
        NpyArray c = array.toCOrder();
        assertThat(c.elementCount()).as("%s: element count", what).isEqualTo(numpy.size());
        DType dtype = c.dtype();
        switch (dtype.kind()) {
            case BOOL -> {
                boolean[] v = c.asBooleanArray();
                for (int i = 0; i < v.length; i++) {
                    assertThat(Boolean.toString(v[i])).as("%s[%d]", what, i).isEqualTo(numpy.get(i));
                }
            }
            case INT, DATETIME, TIMEDELTA -> {
                long[] v = c.toLongArray();
                for (int i = 0; i < v.length; i++) {
                    assertThat(Long.toString(v[i])).as("%s[%d]", what, i).isEqualTo(numpy.get(i));
                }
            }
            case UINT -> {
                long[] v = dtype.itemSize() == 8 ? c.asLongArray() : c.toLongArray();
                for (int i = 0; i < v.length; i++) {
                    assertThat(Long.toUnsignedString(v[i])).as("%s[%d]", what, i).isEqualTo(numpy.get(i));
                }
            }
            case FLOAT -> {
                double[] v = c.toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    assertSameDouble(v[i], numpy.get(i), what + "[" + i + "]");
                }
            }
            case COMPLEX -> {
                double[] v = interleaved(c);
                for (int i = 0; i < numpy.size(); i++) {
                    String[] parts = numpy.get(i).split(",");
                    assertSameDouble(v[2 * i], parts[0], what + "[" + i + "].real");
                    assertSameDouble(v[2 * i + 1], parts[1], what + "[" + i + "].imag");
                }
            }
            case BYTES -> {
                String[] v = c.asStringArray();
                for (int i = 0; i < v.length; i++) {
                    String hex = HexFormat.of().formatHex(v[i].getBytes(StandardCharsets.ISO_8859_1));
                    assertThat(hex).as("%s[%d]", what, i).isEqualTo(numpy.get(i));
                }
            }
            case UNICODE -> assertThat(c.asStringArray()).as(what).containsExactlyElementsOf(numpy);
            case VOID -> {
                ByteBuffer data = c.data();
                byte[] item = new byte[dtype.itemSize()];
                for (int i = 0; i < numpy.size(); i++) {
                    data.get(item);
                    assertThat(HexFormat.of().formatHex(item)).as("%s[%d]", what, i).isEqualTo(numpy.get(i));
                }
            }
            default -> throw new AssertionError(dtype);
        }
    }

    /** Canonical texts equal, floats compared as numbers (the two languages print them differently). */
    static void assertSameText(DType dtype, List<String> numpy, List<String> expected, String what) {
        assertThat(numpy).as("%s: element count", what).hasSize(expected.size());
        boolean numeric = dtype.kind() == DType.Kind.FLOAT || dtype.kind() == DType.Kind.COMPLEX;
        for (int i = 0; i < expected.size(); i++) {
            if (!numeric) {
                assertThat(numpy.get(i)).as("%s[%d]", what, i).isEqualTo(expected.get(i));
                continue;
            }
            String[] ours = expected.get(i).split(",");
            String[] theirs = numpy.get(i).split(",");
            assertThat(theirs).as("%s[%d] parts", what, i).hasSameSizeAs(ours);
            for (int k = 0; k < ours.length; k++) {
                assertSameDouble(parsePython(ours[k]), theirs[k], what + "[" + i + "]");
            }
        }
    }

    private static double[] interleaved(NpyArray c) throws NpyException {
        if (c.dtype().itemSize() == 16) {
            return c.asDoubleArray();
        }
        float[] f = c.asFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * The canonical text of every element of a plain (non-structured) array, in C order, with
     * floats as Java prints them (compare those with {@link #assertSameText}).
     */
    static List<String> canonical(NpyArray array) throws NpyException {
        NpyArray c = array.toCOrder();
        DType dtype = c.dtype();
        List<String> out = new java.util.ArrayList<>();
        switch (dtype.kind()) {
            case BOOL -> {
                for (boolean b : c.asBooleanArray()) {
                    out.add(Boolean.toString(b));
                }
            }
            case INT, DATETIME, TIMEDELTA -> {
                for (long v : c.toLongArray()) {
                    out.add(Long.toString(v));
                }
            }
            case UINT -> {
                for (long v : dtype.itemSize() == 8 ? c.asLongArray() : c.toLongArray()) {
                    out.add(Long.toUnsignedString(v));
                }
            }
            case FLOAT -> {
                for (double v : c.toDoubleArray()) {
                    out.add(python(v));
                }
            }
            case COMPLEX -> {
                double[] v = interleaved(c);
                for (int i = 0; i < v.length; i += 2) {
                    out.add(python(v[i]) + "," + python(v[i + 1]));
                }
            }
            case BYTES -> {
                for (String s : c.asStringArray()) {
                    out.add(HexFormat.of().formatHex(s.getBytes(StandardCharsets.ISO_8859_1)));
                }
            }
            case UNICODE -> out.addAll(List.of(c.asStringArray()));
            default -> throw new AssertionError("not a plain dtype: " + dtype);
        }
        return out;
    }

    private static String python(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
    }

    static double parsePython(String text) {
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static void assertSameDouble(double ours, String numpy, String what) {
        double expected = parsePython(numpy);
        if (Double.isNaN(expected)) {
            assertThat(ours).as(what).isNaN();
        } else {
            // Bit equality tells -0.0 from 0.0.
            assertThat(Double.doubleToLongBits(ours)).as("%s: %s vs numpy %s", what, ours, numpy)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
    }
}
