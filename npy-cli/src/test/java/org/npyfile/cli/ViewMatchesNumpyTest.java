package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * {@code npy view -o} against numpy: every pixel of the PNG, decoded again with ImageIO, is the
 * colour that {@code view_rules.py} computes with numpy from the documented rules (block means,
 * scaling, colour maps, NaN and infinity colours, RGB, tiles): exactly for bool, uint8 and RGB,
 * within one level where values are scaled. Arrays and answers come from one python process each.
 * A Fortran-order file draws the same picture as its C-order twin.
 */
class ViewMatchesNumpyTest {

    /** Arrays made by numpy; each name is one case. */
    private static final Map<String, String> ARRAYS = new LinkedHashMap<>();

    /** The command-line options of each case. */
    private static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

    /** What view_rules.py needs to know of each case: index, grid, factor, range, cmap, tolerance. */
    private static final Map<String, Map<String, Object>> RULES = new LinkedHashMap<>();

    /** The C-order twin each Fortran-order case must draw exactly like. */
    private static final Map<String, String> TWINS = new LinkedHashMap<>();

    private static final String U8 = "np.random.default_rng(1).integers(0, 256, (13, 17), dtype=np.uint8)";
    private static final String F4 = "(lambda x: (x.__setitem__((0, 0), np.nan), x.__setitem__((1, 2), np.inf),"
            + " x.__setitem__((3, 4), -np.inf), x)[-1])(np.random.default_rng(2).standard_normal((20, 30))"
            + ".astype(np.float32))";
    private static final String STACK = "np.sin(np.arange(5 * 6 * 7).reshape(5, 6, 7) / 3.0)";
    private static final String BIG = "(lambda x: (x.__setitem__((slice(10, 14), slice(20, 23)), np.nan), x)[-1])("
            + "np.sin(np.add.outer(np.arange(100) / 7.0, np.arange(150) / 11.0)))";
    private static final String RGB = "np.random.default_rng(3).integers(0, 256, (9, 11, 3), dtype=np.uint8)";

    static {
        add("u8", U8, List.of(), Map.of("tolerance", 0));
        add("u8_F", "np.asfortranarray(" + U8 + ")", List.of(), Map.of("tolerance", 0));
        TWINS.put("u8_F", "u8");
        add("u8_exact", U8, List.of("--range", "0,255"), Map.of("range", List.of(0, 255), "tolerance", 0));
        add("bool", "np.random.default_rng(4).random((6, 9)) > 0.5", List.of(), Map.of());
        add("f4_special", F4, List.of(), Map.of());
        add("f8_F_special", "np.asfortranarray(" + F4 + ".astype(np.float64))", List.of("--cmap", "inferno"),
                Map.of("cmap", "inferno"));
        add("i2_be", "np.arange(-40, 40, dtype='>i2').reshape(8, 10) * 37", List.of("--cmap", "magma"),
                Map.of("cmap", "magma"));
        add("f8_range", "np.linspace(-2, 2, 48).reshape(6, 8)", List.of("--range", "-1,1", "--cmap", "cividis"),
                Map.of("range", List.of(-1, 1), "cmap", "cividis"));
        add("rgb_u8", RGB, List.of(), Map.of());
        add("rgb_u8_F", "np.asfortranarray(" + RGB + ")", List.of(), Map.of());
        TWINS.put("rgb_u8_F", "rgb_u8");
        add("rgba_f4", "(lambda x: (x.__setitem__((2, 3, 1), np.nan), x.__setitem__((4, 1, 0), 1.5),"
                + " x.__setitem__((5, 2, 3), -np.inf), x)[-1])(np.random.default_rng(5).random((7, 5, 4))"
                + ".astype(np.float32))", List.of(), Map.of());
        add("stack_index", STACK, List.of("--index", "3"), Map.of("index", List.of(3)));
        add("stack_F_index", "np.asfortranarray(" + STACK + ")", List.of("--index", "-2"), Map.of("index", List.of(3)));
        TWINS.put("stack_F_index", "stack_index");
        add("stack_F_grid", "np.asfortranarray(" + STACK + ")", List.of("--grid", "4"), Map.of("grid", 4));
        add("four_d_grid", "np.arange(2 * 3 * 4 * 5, dtype=np.int32).reshape(2, 3, 4, 5) % 7",
                List.of("--index", "1", "--grid", "2", "--cmap", "plasma"),
                Map.of("index", List.of(1), "grid", 2, "cmap", "plasma"));
        add("big_blocks", BIG, List.of("--max-size", "40"), Map.of("factor", 4));
        add("big_F_blocks", "np.asfortranarray(" + BIG + ")", List.of("--max-size", "40"), Map.of("factor", 4));
        TWINS.put("big_F_blocks", "big_blocks");
        add("rgb_grid_blocks", "np.random.default_rng(6).integers(0, 256, (6, 10, 9, 3), dtype=np.uint8)",
                List.of("--grid", "5", "--max-size", "20"), Map.of("grid", 5, "factor", 2));
    }

    private static void add(String name, String expression, List<String> options, Map<String, Object> rules) {
        ARRAYS.put(name + ".npy", expression);
        OPTIONS.put(name, options);
        RULES.put(name + ".npy", rules);
    }

    @TempDir
    static Path tmp;

    private static Map<String, JsonNode> expected;

    @BeforeAll
    static void makeArraysAndAnswersWithNumpy() throws IOException {
        NumpyRuntime numpy = Numpy.runtime();
        numpy.produce("eval", tmp, Map.of("arrays", ARRAYS));
        List<Path> files = new ArrayList<>();
        ARRAYS.keySet().forEach(name -> files.add(tmp.resolve(name)));
        Path maps = Path.of("src", "main", "resources", "org", "npyfile", "cli", "picture", "colormaps.txt")
                .toAbsolutePath();
        String expr = Numpy.call("view_rules.py", "expected_for", RULES, maps.toString());
        List<JsonNode> results = numpy.report("eval", files, Map.of("expr", expr));
        expected = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            assertThat(results.get(i).path("error").isMissingNode()).as(results.get(i).toString()).isTrue();
            expected.put(files.get(i).getFileName().toString().replace(".npy", ""), results.get(i).get("value"));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPixelIsTheColourNumpyComputesWithTheDocumentedRules() {
        return OPTIONS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            BufferedImage png = view(name);
            JsonNode canvas = expected.get(name);
            assertThat(png.getHeight()).isEqualTo(canvas.size());
            assertThat(png.getWidth()).isEqualTo(canvas.get(0).size());
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    int argb = argb(png, x, y);
                    List<Integer> allowed = new ArrayList<>();
                    for (JsonNode c : canvas.get(y).get(x)) {
                        allowed.add(c.get(3).asInt() << 24 | c.get(0).asInt() << 16 | c.get(1).asInt() << 8
                                | c.get(2).asInt());
                    }
                    assertThat(allowed).as("%s pixel (%d, %d) is %08x", name, x, y, argb).contains(argb);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aFortranOrderFileDrawsTheSamePictureAsItsCOrderTwin() {
        return TWINS.entrySet().stream().map(twins -> DynamicTest.dynamicTest(twins.getKey(), () -> {
            BufferedImage fortran = view(twins.getKey());
            BufferedImage c = view(twins.getValue());
            assertThat(fortran.getWidth()).isEqualTo(c.getWidth());
            assertThat(fortran.getHeight()).isEqualTo(c.getHeight());
            for (int y = 0; y < c.getHeight(); y++) {
                for (int x = 0; x < c.getWidth(); x++) {
                    assertThat(argb(fortran, x, y)).as("(%d, %d)", x, y).isEqualTo(argb(c, x, y));
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> uint8ShownWithTheByteRangeIsItsExactGrayLevels() {
        return Stream.of(DynamicTest.dynamicTest("u8_exact", () -> {
            BufferedImage png = view("u8_exact");
            assertThat(png.getType()).as("an 8-bit gray PNG").isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            List<JsonNode> values = Numpy.runtime().report("eval", List.of(tmp.resolve("u8_exact.npy")),
                    Map.of("expr", "a.tolist()"));
            JsonNode rows = values.get(0).get("value");
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    assertThat(png.getRaster().getSample(x, y, 0)).isEqualTo(rows.get(y).get(x).asInt());
                }
            }
        }));
    }

    private static BufferedImage view(String name) throws IOException {
        Path png = tmp.resolve(name + ".png");
        List<Object> args = new ArrayList<>(List.of("view", tmp.resolve(name + ".npy")));
        args.addAll(OPTIONS.get(name));
        args.addAll(List.of("-o", png));
        Cli.Result result = Cli.run(args.toArray());
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        return image;
    }

    /** A pixel as 0xAARRGGBB; the samples of a gray PNG as they are (getRGB would convert them). */
    static int argb(BufferedImage image, int x, int y) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int v = image.getRaster().getSample(x, y, 0);
            return 0xff000000 | v << 16 | v << 8 | v;
        }
        return image.getRGB(x, y);
    }
}
