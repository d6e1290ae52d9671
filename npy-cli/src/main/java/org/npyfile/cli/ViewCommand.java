package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.npyfile.DType;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.cli.picture.BlockMeans;
import org.npyfile.cli.picture.ColorMap;
import org.npyfile.cli.picture.ColorMode;
import org.npyfile.cli.picture.Grid;
import org.npyfile.cli.picture.Painter;
import org.npyfile.cli.picture.Picture;
import org.npyfile.cli.picture.Png;
import org.npyfile.cli.picture.Selection;
import org.npyfile.cli.picture.TerminalArt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy view}: an array as an image, in the terminal or as a PNG. */
@Command(name = "view",
        header = "Draw a 2-d array as an image or heatmap, in the terminal or as a PNG.",
        description = {
            "Draw a 2-d bool, integer or float array (or one image of a stack, or the first N as a grid) as a"
                    + " picture, in numpy's indexing whatever the file's memory order: row 0 at the top. A last"
                    + " axis of 3 or 4 holding uint8 or floats is RGB or RGBA (floats from 0 to 1, clipped).",
            "Colours: bool is black and white; other single values are scaled linearly, the smallest finite"
                    + " value (or LO) to the map's first colour and the largest (or HI) to its last: level"
                    + " floor(256 (v - LO) / (HI - LO)) of 0 to 255, so that --range 0,255 shows uint8 as its"
                    + " exact gray levels. NaN is magenta, +inf red, -inf blue (in ASCII: ? ^ v). Tiles are"
                    + " parted by gray lines.",
            "With -o, a PNG of one pixel per element (K x K with --scale K); in a terminal, characters: two"
                    + " pixels per character in 24-bit or 256 colours (from COLORTERM and TERM; NO_COLOR gives"
                    + " ASCII), scaled to the terminal's width (COLUMNS, else 80). A picture larger than"
                    + " --max-size shows the means of K x K blocks. The data is read once, in constant memory.",
        })
final class ViewCommand implements Callable<Integer> {

    /** The default longest side of a PNG, before {@code --scale}. */
    static final int PNG_MAX_SIZE = 2048;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE[:ENTRY]", description = "The array; an archive's only array needs no :ENTRY.")
    private String array;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.png", description = "Write a PNG instead of drawing in the"
            + " terminal.")
    private String output;

    @Option(names = "--index", paramLabel = "I,J,...", split = ",",
            description = "Indices of the leading axes that pick the image (negative ones count from the end).")
    private long[] index = new long[0];

    @Option(names = "--grid", paramLabel = "N", description = "Tile the first N images of the stack.")
    private int grid;

    @Option(names = "--cmap", paramLabel = "NAME", description = "The colour map: gray, viridis, magma, inferno,"
            + " plasma or cividis (default: gray for bool and uint8, viridis for other values).")
    private String cmap;

    @Option(names = "--range", paramLabel = "LO,HI", split = ",",
            description = "The values of the first and last colour (default: the smallest and largest finite"
                    + " value).")
    private double[] range;

    @Option(names = "--scale", paramLabel = "K",
            description = "Draw each pixel as K x K (default: 1 for a PNG, to the terminal's width in the"
                    + " terminal).")
    private int scale;

    @Option(names = "--max-size", paramLabel = "N",
            description = "The most pixels on either side before --scale; larger pictures show block means"
                    + " (default: " + PNG_MAX_SIZE + " for a PNG, the terminal's width in the terminal).")
    private int maxSize;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "The terminal's width in characters (default: COLUMNS, else 80).")
    private int width;

    @Option(names = "--colors", paramLabel = "MODE",
            description = "Draw characters in truecolor, 256 or ascii, even when not in a terminal (default:"
                    + " from the terminal).")
    private String colors;

    /** The environment that describes the terminal. */
    private final Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Failure {
        ColorMode mode = colorMode();
        if (output == null && mode == null) {
            throw new Failure(ExitCodes.USAGE, "no terminal to draw in: pass -o OUT.png to write a PNG (or --colors"
                    + " truecolor|256|ascii to draw characters anyway)");
        }
        if (scale < 0 || maxSize < 0 || width < 0) {
            throw new Failure(ExitCodes.USAGE, "--scale, --max-size and --width must be positive");
        }
        if (range != null && (range.length != 2 || !(range[0] < range[1]) || !Double.isFinite(range[0])
                || !Double.isFinite(range[1]))) {
            throw new Failure(ExitCodes.USAGE, "--range needs two finite numbers LO,HI with LO < HI");
        }
        ColorMap requestedMap = null;
        if (cmap != null) {
            try {
                requestedMap = ColorMap.named(cmap);
            } catch (IllegalArgumentException e) {
                throw new Failure(ExitCodes.USAGE, "--cmap: " + e.getMessage());
            }
        }
        ColorMap map = requestedMap;
        Inputs.Target target = Inputs.single(Inputs.target(array));
        Inputs.forEachArray(target, (label, reader) -> draw(label, reader, mode, map), label -> { });
        return ExitCodes.OK;
    }

    /** The terminal's colour mode, or null to write a PNG or because there is no terminal. */
    private ColorMode colorMode() throws Failure {
        if (colors != null) {
            try {
                return ColorMode.named(colors);
            } catch (IllegalArgumentException e) {
                throw new Failure(ExitCodes.USAGE, "--colors: " + e.getMessage());
            }
        }
        return output == null && Terminal.isTerminal() ? ColorMode.detect(env) : null;
    }

    private void draw(String label, NpyReader reader, ColorMode mode, ColorMap requestedMap)
            throws IOException, Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NpyHeader h = reader.header();
        DType dtype = h.dtype();
        boolean numeric = switch (dtype.kind()) {
            case BOOL, INT, UINT -> true;
            case FLOAT -> dtype.itemSize() <= 8;
            default -> false;
        };
        if (!numeric) {
            throw new Failure(ExitCodes.ERROR, label + ": view needs a bool, integer or float array"
                    + Describe.float64Limit(dtype) + "; this one holds " + Describe.dtype(dtype));
        }
        long[] shape = h.shape();
        boolean uint8 = dtype.kind() == DType.Kind.UINT && dtype.itemSize() == 1;
        boolean rgb = shape.length >= 3 && (shape[shape.length - 1] == 3 || shape[shape.length - 1] == 4)
                && (uint8 || dtype.kind() == DType.Kind.FLOAT);
        Selection selection;
        try {
            selection = Selection.of(shape, rgb, index, grid);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCodes.USAGE, label + ": " + e.getMessage());
        }
        Painter.Rule rule = rgb ? (uint8 ? Painter.Rule.RGB_BYTES : Painter.Rule.RGB_FRACTIONS)
                : dtype.kind() == DType.Kind.BOOL ? Painter.Rule.BOOL : Painter.Rule.SCALED;
        if (rule != Painter.Rule.SCALED && range != null) {
            throw new Failure(ExitCodes.USAGE, label + ": --range scales values to colours; "
                    + (rgb ? "RGB values are colours already" : "bool is black and white"));
        }
        if (rgb && requestedMap != null) {
            throw new Failure(ExitCodes.USAGE, label + ": --cmap maps single values to colours; RGB values are colours"
                    + " already");
        }
        ColorMap map = requestedMap != null ? requestedMap
                : rule == Painter.Rule.BOOL || uint8 ? ColorMap.GRAY : ColorMap.named("viridis");

        int columns = width > 0 ? width : ColorMode.width(env);
        int maxSide = maxSize > 0 ? maxSize : output != null ? PNG_MAX_SIZE : columns;
        Grid layout = Grid.of(selection.tiles());
        int factor;
        try {
            factor = layout.factor(selection.height(), selection.width(), maxSide);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCodes.USAGE, label + ": " + e.getMessage());
        }
        long[] span = selection.span(h.fortranOrder());
        BlockMeans means;
        try (Progress progress = Progress.start(err, label, span[1] - span[0])) {
            means = BlockMeans.read(reader, selection, factor, progress::advance);
        }
        double lo = 0;
        double hi = 0;
        if (rule == Painter.Rule.SCALED) {
            double[] found = range != null ? range : Painter.finiteRange(means);
            if (found != null) {
                lo = found[0];
                hi = found[1];
            }
        }
        Painter painter = new Painter(rule, map, lo, hi);
        Picture picture = painter.paint(means, layout);
        String details = details(label, selection, dtype, rule, map, lo, hi, factor, painter);
        if (output != null) {
            Picture scaled = picture.scaled(Math.max(1, scale));
            Path file = Inputs.path(output);
            try (OutputFile png = OutputFile.create(file)) {
                Png.write(scaled, png.stream());
                png.commit();
            } catch (IOException e) {
                throw Failure.of(output, e);
            }
            out.println(output + ": " + scaled.width() + "x" + scaled.height() + " pixels of " + details);
        } else {
            int k = scale > 0 ? scale : Math.max(1, maxSide / Math.max(picture.width(), picture.height()));
            out.print(TerminalArt.draw(picture.scaled(k), mode));
            out.println(details);
        }
        if (painter.clipped() > 0) {
            err.println("npy: note: " + painter.clipped() + " RGB values outside [0, 1] were clipped");
        }
        out.flush();
        err.flush();
    }

    /** One line on what was drawn and how. */
    private static String details(String label, Selection selection, DType dtype, Painter.Rule rule, ColorMap map,
            double lo, double hi, int factor, Painter painter) {
        StringBuilder text = new StringBuilder(label).append(": ");
        if (selection.tiles() > 1 || selection.stackSize() > 1) {
            text.append(selection.tiles()).append(" of ").append(selection.stackSize()).append(" images ");
        }
        text.append(selection.imageShape()).append(' ').append(Describe.dtype(dtype));
        switch (rule) {
            case BOOL -> text.append(map == ColorMap.GRAY ? ", false black, true white" : ", " + map.name());
            case SCALED -> text.append(", ").append(map.name()).append(" from ").append(number(lo)).append(" to ")
                    .append(number(hi));
            default -> text.append(selection.channels() == 3 ? ", RGB" : ", RGBA");
        }
        if (factor > 1) {
            text.append(", means of ").append(factor).append('x').append(factor).append(" blocks");
        }
        List<String> special = new ArrayList<>();
        if (painter.nans() > 0) {
            special.add(painter.nans() + " NaN (magenta)");
        }
        if (painter.positiveInfinities() > 0) {
            special.add(painter.positiveInfinities() + " +inf (red)");
        }
        if (painter.negativeInfinities() > 0) {
            special.add(painter.negativeInfinities() + " -inf (blue)");
        }
        if (!special.isEmpty()) {
            text.append("; ").append(String.join(", ", special));
        }
        return text.toString();
    }

    /** A scale end: an integer as one, else the shortest text of the double. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return org.npyfile.cli.repr.Dragon4.shortestRepr(Double.doubleToRawLongBits(v),
                org.npyfile.cli.repr.FloatType.DOUBLE);
    }
}
