package org.npyfile.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;

/**
 * Arrays that the fixture suites do not hold, written by npyfile for numpy to print: floats of every
 * scale (numpy's switch between positional and scientific notation), special values, complex
 * numbers, records (list and dict dtype forms, sub-arrays, titles, nesting), summarised and wrapped
 * arrays of several dimensions, Fortran order, quotes and unprintable characters in strings.
 */
final class CustomArrays {

    private CustomArrays() {
    }

    /**
     * Writes every array.
     *
     * @param dir the directory
     * @return the files by name
     * @throws IOException if writing fails
     */
    static Map<String, Path> write(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays().entrySet()) {
            Path file = dir.resolve(e.getKey() + ".npy");
            Npy.write(file, e.getValue());
            files.put(e.getKey(), file);
        }
        return files;
    }

    static Map<String, NpyArray> arrays() {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        Random random = new Random(20261127);
        double[] scales = {1e-9, 1e-5, 1e-3, 0.1, 1, 7, 100, 999, 1e4, 1e6, 1e7, 1e9, 1e17, 1e300};
        for (double scale : scales) {
            for (int n : new int[] {1, 4, 17}) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = random.nextGaussian() * scale;
                }
                a.put("f8_" + scale + "_" + n, NpyArray.of(values));
                float[] floats = new float[n];
                float[] halves = new float[n];
                for (int i = 0; i < n; i++) {
                    floats[i] = (float) values[i];
                    halves[i] = (float) Math.max(-60000, Math.min(60000, values[i]));
                }
                a.put("f4_" + scale + "_" + n, NpyArray.of(floats));
                a.put("f2_" + scale + "_" + n, NpyArray.ofFloat16(halves));
            }
        }
        double[] rounded = new double[24];
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = Math.round(random.nextGaussian() * 1e5) / Math.pow(10, i % 6);
        }
        a.put("f8_rounded_4x6", NpyArray.of(rounded, 4, 6));
        a.put("f8_specials", NpyArray.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 2.5}));
        a.put("f8_only_nan", NpyArray.of(new double[] {Double.NaN, Double.NaN}));
        a.put("f8_positive_infinity", NpyArray.of(new double[] {1.5, Double.POSITIVE_INFINITY}));
        a.put("f4_big_endian_2x3", NpyArray.of(new float[] {0.5f, 1, 2.25f, Float.NaN, 1e-3f, -7}, 2, 3)
                .withByteOrder(ByteOrder.BIG_ENDIAN));
        a.put("f8_scalar", NpyArray.of(new double[] {2.5}).reshape());
        double[] wide = new double[3 * 30];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = random.nextGaussian();
        }
        a.put("f8_wrapped_3x30", NpyArray.of(wide, 3, 30));
        double[] big = new double[8 * 9 * 10 * 11];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextGaussian() * 50;
        }
        a.put("f8_summarised_8x9x10x11", NpyArray.of(big, 8, 9, 10, 11));
        a.put("f8_summarised_fortran_8x9x10x11", NpyArray.of(big, 8, 9, 10, 11).toFortranOrder());
        long[] counts = new long[50 * 100];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i * 37L - 9000;
        }
        a.put("i8_summarised_fortran_50x100", NpyArray.of(counts, 50, 100).toFortranOrder());
        a.put("i8_summarised_1d", NpyArray.of(counts));
        float[] parts = new float[2 * 12];
        double[] wideParts = new double[2 * 12];
        for (int i = 0; i < parts.length; i++) {
            wideParts[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
            parts[i] = (float) wideParts[i];
        }
        parts[3] = Float.NaN;
        wideParts[6] = Double.NEGATIVE_INFINITY;
        a.put("c8_3x4", NpyArray.ofComplex64(parts, 3, 4));
        a.put("c16_12", NpyArray.ofComplex128(wideParts));
        a.put("c16_simple", NpyArray.ofComplex128(new double[] {1, 2, 0, -0.5, 3.25, 0}));
        boolean[] bools = new boolean[3000];
        for (int i = 0; i < bools.length; i++) {
            bools[i] = random.nextBoolean();
        }
        a.put("b1_summarised", NpyArray.of(bools));
        a.put("b1_scalar", NpyArray.of(new boolean[] {true}).reshape());
        byte[] bytes = new byte[6 * 40];
        random.nextBytes(bytes);
        a.put("i1_wrapped_6x40", NpyArray.of(bytes, 6, 40));
        long[] huge = new long[25];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = random.nextLong();
        }
        a.put("u8_5x5", NpyArray.ofUnsigned(huge, 5, 5));
        a.put("M8_10s", NpyArray.ofDatetime64(new long[] {0, 1, 12345, Long.MIN_VALUE}, "10s"));
        a.put("M8_D_summarised", NpyArray.ofDatetime64(java.util.stream.LongStream.range(-1000, 1000).toArray(), "D"));
        a.put("m8_ms_nat", NpyArray.ofTimedelta64(new long[] {1, Long.MIN_VALUE, 300, -2}, "ms"));
        a.put("S_quotes", NpyArray.ofStrings(DType.bytes(10), new String[] {"it's", "say \"hi\"", "both ' \"",
            "\\", "\u00ff\u0001\t"}));
        a.put("U_quotes", NpyArray.ofStrings(DType.unicode(12), new String[] {"it's", "say \"hi\"", "both ' \"",
            "\\", "\u2028x", "\u0085\u00a0\u00ad", "\uD83D\uDE00 \u65e5\u672c", "\u0378\uE000"}));
        a.put("U_long_lines", NpyArray.ofStrings(new String[] {"x".repeat(40), "y".repeat(40), "z".repeat(40)}));
        ByteBuffer raw = ByteBuffer.wrap(new byte[] {1, 2, 'a', 'b', 0, (byte) 0xff});
        a.put("V2", NpyArray.of(DType.rawVoid(2), false, new long[] {3}, raw));
        records(a);
        return a;
    }

    private static void records(Map<String, NpyArray> a) {
        DType xyz = DType.record().field("x", DType.INT32).field("y", DType.FLOAT64.withByteOrder(ByteOrder.BIG_ENDIAN))
                .field("z", DType.unicode(3)).build();
        a.put("rec_list", NpyArray.ofRecords(xyz, new long[] {2}, Map.of(
                "x", NpyArray.of(new int[] {1, 3}),
                "y", NpyArray.of(new double[] {2.5, 4}).withByteOrder(ByteOrder.BIG_ENDIAN),
                "z", NpyArray.ofStrings(DType.unicode(3), new String[] {"ab", "c"}))));
        DType sub = DType.record().field("x", DType.INT32).field("y", DType.FLOAT32, 2).build();
        a.put("rec_subarray", NpyArray.ofRecords(sub, new long[] {2}, Map.of(
                "x", NpyArray.of(new int[] {1, 2}),
                "y", NpyArray.of(new float[] {2.5f, 1, Float.NaN, 3}, 2, 2))));
        DType padded = DType.record().field("a", DType.INT32).padding(4).field("b", DType.FLOAT64).padding(8).build();
        a.put("rec_dict_form", NpyArray.ofRecords(padded, new long[] {2}, Map.of(
                "a", NpyArray.of(new int[] {7, -7}),
                "b", NpyArray.of(new double[] {0.5, 1e-7}))));
        DType titled = DType.record().field("Temperature", "t", DType.FLOAT32).field("flag", DType.BOOL).build();
        a.put("rec_title", NpyArray.ofRecords(titled, new long[] {2}, Map.of(
                "t", NpyArray.of(new float[] {21.5f, -3}),
                "flag", NpyArray.of(new boolean[] {true, false}))));
        DType inner = DType.record().field("u", DType.UINT8).field("v", DType.INT16).build();
        DType nested = DType.record().field("id", DType.INT64).field("pos", inner).build();
        a.put("rec_nested", NpyArray.ofRecords(nested, new long[] {2}, Map.of(
                "id", NpyArray.of(new long[] {10, 20}),
                "pos", NpyArray.ofRecords(inner, new long[] {2}, Map.of(
                        "u", NpyArray.ofUnsigned(new byte[] {1, (byte) 255}),
                        "v", NpyArray.of(new short[] {-1, 300}))))));
        DType one = DType.record().field("only", DType.INT16).build();
        a.put("rec_one_field", NpyArray.ofRecords(one, new long[] {3}, Map.of("only",
                NpyArray.of(new short[] {1, 2, 3}))));
        DType pair = DType.record().field("flag", DType.BOOL).field("value", DType.FLOAT64).build();
        a.put("rec_scalar", NpyArray.ofRecords(pair, new long[0], Map.of(
                "flag", NpyArray.of(new boolean[] {true}).reshape(),
                "value", NpyArray.of(new double[] {1.5}).reshape())));
        DType gaps = DType.record().field("a", DType.INT32).padding(4).field("b", DType.FLOAT64, 2).padding(8)
                .field("c", DType.BOOL).padding(7).build();
        a.put("rec_dict_form_subarray", NpyArray.ofRecords(gaps, new long[] {2}, Map.of(
                "a", NpyArray.of(new int[] {1, 2}),
                "b", NpyArray.of(new double[] {0.5, 1, 1.5, 2}, 2, 2),
                "c", NpyArray.of(new boolean[] {false, true}))));
        DType titledGap = DType.record().field("A", "a", DType.INT32).padding(4).field("b", DType.FLOAT64).build();
        a.put("rec_dict_form_title", NpyArray.ofRecords(titledGap, new long[] {1}, Map.of(
                "a", NpyArray.of(new int[] {3}),
                "b", NpyArray.of(new double[] {0.25}))));
        DType point = DType.record().field("x", DType.FLOAT32).field("y", DType.FLOAT32).build();
        DType path = DType.record().field("p", point, 2).build();
        a.put("rec_record_subarray", NpyArray.ofRecords(path, new long[] {1}, Map.of(
                "p", NpyArray.ofRecords(point, new long[] {1, 2}, Map.of(
                        "x", NpyArray.of(new float[] {1, 2}, 1, 2),
                        "y", NpyArray.of(new float[] {-1, 0.5f}, 1, 2))))));
        DType matrix = DType.record().field("a", DType.UINT8).field("b", DType.FLOAT64, 2, 3).build();
        double[] cells = new double[2000 * 6];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i * 0.25;
        }
        byte[] ids = new byte[2000];
        a.put("rec_summarised", NpyArray.ofRecords(matrix, new long[] {2000}, Map.of(
                "a", NpyArray.ofUnsigned(ids),
                "b", NpyArray.of(cells, 2000, 2, 3))));
    }
}
