package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.cli.picture.ColorMap;
import org.npyfile.cli.picture.ColorMode;
import org.npyfile.cli.picture.Painter;

/**
 * {@code npy view} without numpy: terminal drawings at a fixed width and colour mode, the
 * environment's colour modes, the colour tables, and the command's errors.
 * ({@link ViewMatchesNumpyTest} checks PNG pixels against numpy.)
 */
class ViewTest {

    private static final String N = System.lineSeparator();
    private static final String E = "\u001b[";
    private static final char HALF = '\u2580';

    @TempDir
    Path tmp;

    private Path write(NpyArray array) throws IOException {
        Path file = tmp.resolve("a.npy");
        Npy.write(file, array);
        return file;
    }

    @Test
    void truecolorDrawsTwoPixelRowsPerLineWithUpperHalfBlocks() throws IOException {
        Path file = write(NpyArray.of(new double[] {0, 1, 2, 3, 4, 5}, 2, 3));
        Cli.Result result = Cli.run("view", file, "--cmap", "gray", "--colors", "truecolor", "--width", 3);
        assertThat(result.exitCode()).as(result.err()).isZero();
        // levels floor(256 v / 5): 0 51 102 over 153 204 255
        assertThat(result.out()).isEqualTo(E + "38;2;0;0;0m" + E + "48;2;153;153;153m" + HALF
                + E + "38;2;51;51;51m" + E + "48;2;204;204;204m" + HALF
                + E + "38;2;102;102;102m" + E + "48;2;255;255;255m" + HALF + E + "0m\n"
                + file + ": (2, 3) float64, gray from 0 to 5" + N);
    }

    @Test
    void the256ColourModeTakesTheNearestPaletteColour() throws IOException {
        Path file = write(NpyArray.of(new double[] {0, 1, 2, 3, 4, 5}, 2, 3));
        Cli.Result result = Cli.run("view", file, "--cmap", "gray", "--colors", "256", "--width", 3);
        // grays 0, 51, 102, 153, 204 are nearest to palette 16 (black), 236, 241, 247, 252; 255 to 231 (white)
        assertThat(result.out()).startsWith(E + "38;5;16m" + E + "48;5;247m" + HALF + E + "38;5;236m" + E + "48;5;252m"
                + HALF + E + "38;5;241m" + E + "48;5;231m" + HALF + E + "0m\n");
    }

    @Test
    void asciiUsesTheRampAndMarksNonFiniteValues() throws IOException {
        Path file = write(NpyArray.of(new double[] {0, Double.NaN, 2, Double.POSITIVE_INFINITY, 4,
            Double.NEGATIVE_INFINITY, 6, 7, 8}, 3, 3));
        Cli.Result result = Cli.run("view", file, "--colors", "ascii", "--width", 3);
        assertThat(result.exitCode()).as(result.err()).isZero();
        // a lone last row is drawn by itself; viridis of 6, 7, 8 of 0..8 is bright
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).isEqualTo("^?v");
        assertThat(lines[1]).hasSize(3).matches("[=+*#%@]+");
        assertThat(lines[2]).isEqualTo(file + ": (3, 3) float64, viridis from 0 to 8; 1 NaN (magenta), 1 +inf (red),"
                + " 1 -inf (blue)");
    }

    @Test
    void theDrawingFillsTheTerminalsWidth() {
        Cli.Result small = Cli.run("view", Cli.EXAMPLES.resolve("digits.npz") + ":images", "--index", 0, "--colors",
                "ascii", "--width", 40);
        String[] lines = small.out().split("\n");
        assertThat(lines).hasSize(21);
        for (int i = 0; i < 20; i++) {
            assertThat(lines[i]).as("an 8 x 8 image drawn 5 x 5").hasSize(40);
        }
        assertThat(lines[20]).endsWith("digits.npz:images: (8, 8) uint8, gray from 0 to 15");
    }

    @Test
    void aLargeArrayIsShownAsBlockMeansThatFitTheWidth() throws IOException {
        double[] values = new double[100 * 150];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 150;
        }
        Path file = write(NpyArray.of(values, 100, 150));
        Cli.Result result = Cli.run("view", file, "--colors", "ascii", "--width", 30);
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).hasSize(30);
        assertThat(lines[10]).endsWith("viridis from 2 to 147, means of 5x5 blocks");
    }

    @Test
    void withoutATerminalAndWithoutOutputItAsksForOutput() {
        Cli.Result result = Cli.run("view", Cli.EXAMPLES.resolve("digits_labels.npy"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("npy: no terminal to draw in: pass -o OUT.png to write a PNG");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aStackNeedsAnIndexOrAGrid() {
        String images = Cli.EXAMPLES.resolve("digits.npz") + ":images";
        Cli.Result result = Cli.run("view", images, "-o", tmp.resolve("x.png"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("shape (200, 8, 8) holds 200 images of (8, 8): pick one with --index I or"
                + " tile the first N with --grid N");
        assertThat(Cli.run("view", images, "--index", 200, "-o", tmp.resolve("x.png")).err())
                .contains("--index: 200 is out of range for axis 0 of length 200");
        assertThat(Cli.run("view", Cli.EXAMPLES.resolve("digits_labels.npy"), "-o", tmp.resolve("x.png")).err())
                .contains("an image needs 2 axes (rows, columns); shape (200,) has 1; npy hist shows the"
                        + " distribution of a 1-d array");
        assertThat(Cli.run("view", Cli.EXAMPLES.resolve("digits.npz"), "-o", tmp.resolve("x.png")).err())
                .contains("holds 2 arrays [images, labels]; name one as");
        assertThat(tmp.resolve("x.png")).doesNotExist();
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path file = write(NpyArray.of(new double[] {1, 2, 3, 4}, 2, 2));
        Path png = tmp.resolve("x.png");
        assertThat(Cli.run("view", file, "--cmap", "jet", "-o", png).err())
                .contains("--cmap: no colour map 'jet'; the maps are gray, viridis, magma, inferno, plasma, cividis");
        assertThat(Cli.run("view", file, "--range", "2,1", "-o", png).err())
                .contains("--range needs two finite numbers LO,HI with LO < HI");
        assertThat(Cli.run("view", file, "--colors", "16", "-o", png).err()).contains("no colour mode '16'");
        Path strings = tmp.resolve("s.npy");
        Npy.write(strings, NpyArray.ofStrings(new String[] {"a", "b", "c", "d"}, 2, 2));
        Cli.Result text = Cli.run("view", strings, "-o", png);
        assertThat(text.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(text.err()).contains("view needs a bool, integer or float array; this one holds <U1");
        assertThat(png).doesNotExist();
    }

    @Test
    void boolIsBlackAndWhiteWhateverItHolds() throws IOException {
        Path file = write(NpyArray.of(new boolean[] {true, true, true, true}, 2, 2));
        Path png = tmp.resolve("b.png");
        Cli.Result result = Cli.run("view", file, "-o", png);
        assertThat(result.out()).isEqualTo(png + ": 2x2 pixels of " + file + ": (2, 2) bool, false black, true white"
                + N);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getRaster().getSample(1, 1, 0)).isEqualTo(255);
    }

    @Test
    void scaleMakesBlocksOfPixels() throws IOException {
        Path file = write(NpyArray.of(new double[] {0, 1, 2, 3}, 2, 2));
        Path png = tmp.resolve("s.png");
        assertThat(Cli.run("view", file, "--scale", 3, "-o", png).exitCode()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(6);
        assertThat(image.getRGB(5, 5)).isEqualTo(image.getRGB(3, 3)).isNotEqualTo(image.getRGB(2, 2));
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(ColorMap.named("viridis").color(0));
        assertThat(image.getRGB(5, 5) & 0xffffff).isEqualTo(ColorMap.named("viridis").color(255));
    }

    @Test
    void theColourModeFollowsTheEnvironment() {
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor")))
                .isEqualTo(ColorMode.TRUECOLOR);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-direct"))).isEqualTo(ColorMode.TRUECOLOR);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color"))).isEqualTo(ColorMode.COLOR256);
        assertThat(ColorMode.detect(Map.of("TERM", "screen"))).isEqualTo(ColorMode.COLOR256);
        assertThat(ColorMode.detect(Map.of("TERM", "linux"))).isEqualTo(ColorMode.ASCII);
        assertThat(ColorMode.detect(Map.of("TERM", "dumb", "COLORTERM", "truecolor"))).isEqualTo(ColorMode.ASCII);
        assertThat(ColorMode.detect(Map.of())).isEqualTo(ColorMode.ASCII);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor", "NO_COLOR", "1")))
                .isEqualTo(ColorMode.ASCII);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color", "NO_COLOR", ""))).isEqualTo(ColorMode.COLOR256);
        assertThat(ColorMode.width(Map.of("COLUMNS", "132"))).isEqualTo(132);
        assertThat(ColorMode.width(Map.of("COLUMNS", "wide"))).isEqualTo(80);
        assertThat(ColorMode.width(Map.of())).isEqualTo(80);
    }

    @Test
    void colourMapsAreMatplotlibsPublishedTables() {
        // the ends of each map as its published 8-bit colours (for viridis #440154 and #fde725)
        assertThat(ColorMap.named("viridis").color(0)).isEqualTo(0x440154);
        assertThat(ColorMap.named("viridis").color(255)).isEqualTo(0xfde725);
        assertThat(ColorMap.named("viridis").color(128)).isEqualTo(0x21918c);
        assertThat(ColorMap.named("magma").color(0)).isEqualTo(0x000004);
        assertThat(ColorMap.named("magma").color(255)).isEqualTo(0xfcfdbf);
        assertThat(ColorMap.named("inferno").color(255)).isEqualTo(0xfcffa4);
        assertThat(ColorMap.named("plasma").color(0)).isEqualTo(0x0d0887);
        assertThat(ColorMap.named("plasma").color(255)).isEqualTo(0xf0f921);
        assertThat(ColorMap.named("cividis").color(0)).isEqualTo(0x00224e);
        assertThat(ColorMap.named("cividis").color(255)).isEqualTo(0xfee838);
        assertThat(ColorMap.GRAY.color(200)).isEqualTo(0xc8c8c8);
        assertThatThrownBy(() -> ColorMap.named("jet")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanAndInfinityColoursAreInNoColourMap() {
        Set<Integer> special = Set.of(Painter.NAN, Painter.POSITIVE_INFINITY, Painter.NEGATIVE_INFINITY);
        assertThat(new HashSet<>(special)).hasSize(3);
        for (String name : ColorMap.names()) {
            ColorMap map = ColorMap.named(name);
            Set<Integer> colours = new HashSet<>();
            for (int level = 0; level < ColorMap.SIZE; level++) {
                colours.add(map.color(level));
            }
            assertThat(colours).as(name).doesNotContainAnyElementsOf(special);
        }
    }

    @Test
    void aReplacedPngKeepsItsPlaceUntilTheNewOneIsComplete() throws IOException {
        Path file = write(NpyArray.of(new double[] {1, 2, 3, 4}, 2, 2));
        Path png = Files.writeString(tmp.resolve("old.png"), "old");
        assertThat(Cli.run("view", file, "--index", 0, "-o", png).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(png)).isEqualTo("old");
        assertThat(Cli.run("view", file, "-o", png).exitCode()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(2);
    }
}
