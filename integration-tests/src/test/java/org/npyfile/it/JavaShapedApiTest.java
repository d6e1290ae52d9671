package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npyfile.Casting;
import org.npyfile.DType;
import org.npyfile.MappedNpyArray;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyReader;
import org.npyfile.NpyShapeException;
import org.npyfile.NpyTypeException;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * The API a Java user reaches for, against numpy: rows in and out ({@code float[][]}), numpy's
 * logical order on every path for Fortran-order files, element access by index, {@code astype}
 * with numpy's casting results, and structured arrays built field by field. numpy writes the
 * inputs and judges the outputs, one python process per batch.
 */
class JavaShapedApiTest {

    private static final HexFormat HEX = HexFormat.of();

    private static NumpyRuntime numpy;
    private static Path dir;

    @BeforeAll
    static void produce() throws IOException {
        numpy = NumpyFixtures.numpy();
        dir = NumpyFixtures.outputDir("java-shaped");
        Map<String, String> arrays = new LinkedHashMap<>();
        arrays.put("f4-fortran.npy", "np.asfortranarray(np.arange(12, dtype='<f4').reshape(3, 4) * 1.25)");
        arrays.put("f8-be-fortran-3d.npy", "np.asfortranarray(np.arange(24, dtype='>f8').reshape(2, 3, 4) - 7.5)");
        arrays.put("i8-c.npy", "np.array([[1, -2, 3], [2**40 + 5, -(2**40) - 7, 2**31]], dtype='<i8')");
        arrays.put("u1-fortran.npy", "np.asfortranarray(np.arange(30, dtype='|u1').reshape(5, 6) * 7)");
        for (Map.Entry<String, String> cast : CAST_SOURCES.entrySet()) {
            arrays.put(cast.getKey(), cast.getValue());
        }
        numpy.produce("eval", dir, Map.of("arrays", arrays));
    }

    @Test
    void rowsComeInNumpysIndexingWhateverTheFilesLayout() throws IOException {
        for (String name : List.of("f4-fortran.npy", "f8-be-fortran-3d.npy", "i8-c.npy", "u1-fortran.npy")) {
            Path file = dir.resolve(name);
            JsonNode expected = numpy.report("eval", List.of(file), Map.of("expr", "a.tolist()")).get(0).path("value");
            NpyArray array = Npy.read(file);
            switch (name) {
                case "f4-fortran.npy" -> {
                    float[][] rows = Npy.read(file, float[][].class);
                    assertThat(rows).hasNumberOfRows(3);
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 4; j++) {
                            float want = (float) expected.get(i).get(j).asDouble();
                            assertThat(rows[i][j]).isEqualTo(want);
                            assertThat(array.getFloat(i, j)).isEqualTo(want);
                            assertThat(array.asFloatArray()[i * 4 + j]).isEqualTo(want);
                        }
                    }
                    assertThat(array.as(float[][].class)).isDeepEqualTo(rows);
                    try (MappedNpyArray mapped = Npy.map(file)) {
                        assertThat(mapped.getFloat(2, 1)).isEqualTo(rows[2][1]);
                        float[] run = new float[12];
                        mapped.get(0, run, 0, 12);
                        assertThat(run).containsExactly(array.asFloatArray());
                    }
                    try (NpyReader reader = NpyReader.open(file)) {
                        float[] first = new float[5];
                        reader.read(first, 0, 5);
                        assertThat(first).containsExactly(rows[0][0], rows[0][1], rows[0][2], rows[0][3], rows[1][0]);
                    }
                }
                case "f8-be-fortran-3d.npy" -> {
                    double[][][] planes = Npy.read(file, double[][][].class);
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 3; j++) {
                            for (int k = 0; k < 4; k++) {
                                assertThat(planes[i][j][k]).isEqualTo(expected.get(i).get(j).get(k).asDouble());
                                assertThat(array.getDouble(i, j, k)).isEqualTo(planes[i][j][k]);
                            }
                        }
                    }
                    assertThatThrownBy(() -> Npy.read(file, double[][].class)).isInstanceOf(NpyShapeException.class)
                            .hasMessageContaining("(2, 3, 4)");
                }
                case "i8-c.npy" -> {
                    long[][] rows = Npy.read(file, long[][].class);
                    assertThat(rows[1][0]).isEqualTo(expected.get(1).get(0).asLong());
                    assertThat(rows[1][2]).isEqualTo(2147483648L);
                    assertThatThrownBy(() -> Npy.read(file, int[][].class)).isInstanceOf(NpyTypeException.class)
                            .hasMessageContaining("<i8");
                }
                default -> {
                    byte[][] rows = Npy.read(file, byte[][].class);
                    for (int i = 0; i < 5; i++) {
                        for (int j = 0; j < 6; j++) {
                            assertThat(rows[i][j] & 0xFF).isEqualTo(expected.get(i).get(j).asInt());
                        }
                    }
                }
            }
        }
    }

    @Test
    void rowsWrittenFromJavaLoadInNumpyWithTheirShape() throws IOException {
        float[][] weights = new float[7][5];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 5; j++) {
                weights[i][j] = i * 10 + j + 0.5f;
            }
        }
        Path matrix = dir.resolve("java-rows.npy");
        Npy.write(matrix, NpyArray.of(weights));
        Path cube = dir.resolve("java-cube.npy");
        Npy.write(cube, NpyArray.of(new int[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}, {{9, 10}, {11, 12}}}));
        List<JsonNode> r = numpy.report("eval", List.of(matrix, cube),
                Map.of("expr", "[a.dtype.str, list(a.shape), bool(a.flags.c_contiguous), a.tolist()]"));
        assertThat(r.get(0).path("value").get(0).asText()).isEqualTo("<f4");
        assertThat(r.get(0).path("value").get(1).toString()).isEqualTo("[7,5]");
        assertThat(r.get(0).path("value").get(3).get(6).get(4).asDouble()).isEqualTo(64.5);
        assertThat(r.get(1).path("value").get(1).toString()).isEqualTo("[3,2,2]");
        assertThat(r.get(1).path("value").get(3).get(2).get(1).get(0).asInt()).isEqualTo(11);
        assertThatThrownBy(() -> NpyArray.of(new float[][] {{1, 2}, {3}})).isInstanceOf(NpyShapeException.class)
                .hasMessageContaining("row [1] has 1 elements");
    }

    /** Arrays to cast: values where numpy's astype is defined (in range), as numpy makes them. */
    private static final Map<String, String> CAST_SOURCES = new LinkedHashMap<>();
    /** For each source, the targets to compare with numpy's astype. */
    private static final Map<String, List<String>> CAST_TARGETS = new LinkedHashMap<>();

    static {
        cast("f8.npy", "np.array([0.0, -0.0, 1.5, -2.75, 3.4028235677973366e+38, 1e300, -1e-320, np.nan, np.inf,"
                + " -np.inf, 0.1, 2.5, -2.5, 65519.99, 65520.0, 1e-8, 123456789.987654321])",
                "<f4", "<f2", ">f4", "|b1", "<c8", "<c16");
        // Floats to integers only where numpy defines the result (the truncated value fits).
        cast("f8-small.npy", "np.array([0.0, -0.0, 1.9, -1.9, 127.9, -128.9, 100.5])", "<i4", "<i8", "|i1", "<i2");
        cast("f8-unsigned.npy", "np.array([0.0, 1.9, 255.5, 200.1])", "|u1", "<u2", "<u4", "<u8");
        cast("f8-i4.npy", "np.array([2147483647.0, -2147483648.0, -2147483648.9])", "<i4", "<i8");
        cast("f8-i8.npy", "np.array([9.2e18, -9.2e18, 1e15 + 0.5, 2.0**62])", "<i8");
        cast("i8.npy", "np.array([0, 1, -1, 127, 128, -129, 255, 256, 65535, 65536, 2**31 - 1, 2**31, -2**31 - 1,"
                + " 2**40 + 5, -(2**40) - 7, 2**53 + 1, 2**63 - 1, -2**63], dtype='<i8')",
                "<i4", "|i1", "|u1", "<u2", "<u4", "<u8", "<f4", "<f8", "<f2", "|b1", ">i2", "<c8");
        cast("u8.npy", "np.array([0, 1, 2**32 + 3, 2**63, 2**64 - 1, 2**53 + 1], dtype='<u8')",
                "<i8", "<f8", "<f4", "<u4", "|b1");
        cast("f4.npy", "np.array([0.5, -1.25, 3.4e38, np.nan, -np.inf, 1e-45, 7.0], dtype='>f4')",
                "<f8", "<f2", "<c16", "|b1");
        cast("c16.npy", "np.array([1.5 + 2j, -0.0 - 1j, np.nan + 0j, 3 + 0j])", "<f8", "<c8", "|b1");
        cast("b1.npy", "np.array([True, False, True])", "<i4", "<f8", "|u1", "<c8");
        cast("m8.npy", "np.array([0, -5, 2**40, 'NaT'], dtype='<m8[ms]')", "<i8");
        cast("i4-to-time.npy", "np.array([0, -5, 123456], dtype='<i4')", "<M8[s]");
    }

    private static void cast(String name, String expression, String... targets) {
        CAST_SOURCES.put(name, expression);
        CAST_TARGETS.put(name, List.of(targets));
    }

    @Test
    void astypeGivesNumpysBytesWhereNumpyDefinesThem() throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : CAST_TARGETS.entrySet()) {
            for (String target : e.getValue()) {
                files.add(dir.resolve(e.getKey()));
                targets.add(target);
            }
        }
        // One python process: every (file, target) pair in order, numpy's bytes as hex.
        StringBuilder expr = new StringBuilder("{");
        for (String t : new java.util.LinkedHashSet<>(targets)) {
            expr.append("'").append(t).append("': a.astype('").append(t).append("').tobytes().hex(), ");
        }
        expr.append("}");
        List<JsonNode> numpySaw = numpy.report("eval", files, Map.of("expr", expr.toString()));
        int compared = 0;
        for (int i = 0; i < files.size(); i++) {
            NpyArray source = Npy.read(files.get(i));
            DType target = DType.parse(targets.get(i));
            String want = numpySaw.get(i).path("value").path(targets.get(i)).asText();
            ByteBuffer got = source.astype(target, Casting.UNSAFE).data();
            byte[] bytes = new byte[got.remaining()];
            got.get(bytes);
            assertThat(HEX.formatHex(bytes)).as("%s.astype('%s')", files.get(i).getFileName(), targets.get(i))
                    .isEqualTo(want);
            compared++;
        }
        assertThat(compared).isEqualTo(files.size());
    }

    @Test
    void checkedCastsRefuseExactlyTheValuesThatDoNotFit() throws IOException {
        NpyArray wide = Npy.read(dir.resolve("i8.npy"));
        assertThatThrownBy(() -> wide.astype(DType.INT32, Casting.CHECKED)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("element 11 is 2147483648");
        NpyArray fits = NpyArray.of(new long[] {-2147483648L, 2147483647L, 0}).astype(DType.INT32, Casting.CHECKED);
        assertThat(fits.asIntArray()).containsExactly(Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
        assertThatThrownBy(() -> NpyArray.of(new double[] {1.5, Double.NaN}).astype(DType.INT64, Casting.CHECKED))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("element 1 is NaN");
        assertThat(NpyArray.of(new double[] {-1.9, 2.9}).astype(DType.INT8, Casting.CHECKED).asByteArray())
                .containsExactly(-1, 2);
        assertThatThrownBy(() -> NpyArray.of(new double[] {1e39}).astype(DType.FLOAT32, Casting.CHECKED))
                .isInstanceOf(ArithmeticException.class);
        assertThat(NpyArray.of(new double[] {Double.POSITIVE_INFINITY, 0.1}).astype(DType.FLOAT32, Casting.CHECKED)
                .asFloatArray()).containsExactly(Float.POSITIVE_INFINITY, 0.1f);
        assertThatThrownBy(() -> NpyArray.ofStrings(new String[] {"1"}).astype(DType.INT32, Casting.UNSAFE))
                .isInstanceOf(NpyTypeException.class).hasMessageContaining("<U1");
    }

    @Test
    void structuredArraysBuiltFieldByFieldKeepTheOrderGivenAndLoadInNumpy() throws IOException {
        NpyArray points = NpyArray.records(3)
                .field("zeta", NpyArray.of(new int[] {1, 2, 3}))
                .field("xyz", NpyArray.of(new float[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}}))
                .field("alpha", NpyArray.ofStrings(new String[] {"a", "bb", "ccc"}))
                .build();
        Path file = dir.resolve("java-records.npy");
        Npy.write(file, points);
        JsonNode r = numpy.report("eval", List.of(file), Map.of("expr",
                "[repr(a.dtype.descr), a['xyz'].tolist(), a['zeta'].tolist(), a['alpha'].tolist()]")).get(0).path("value");
        assertThat(r.get(0).asText()).isEqualTo("[('zeta', '<i4'), ('xyz', '<f4', (3,)), ('alpha', '<U3')]");
        assertThat(r.get(1).get(2).toString()).isEqualTo("[1.0,0.0,0.0]");
        assertThat(r.get(2).toString()).isEqualTo("[1,2,3]");
        assertThat(r.get(3).get(2).asText()).isEqualTo("ccc");
        assertThat(Npy.read(file).field("xyz").as(float[][].class)[1]).containsExactly(0, 1, 0);
    }
}
