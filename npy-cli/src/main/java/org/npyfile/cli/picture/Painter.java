package org.npyfile.cli.picture;

/**
 * How block means become colours (the rules {@code npy view} documents):
 * <ul>
 * <li>{@link Rule#BOOL}: false is level 0, true level 255 (a block mean m is level
 *     {@code round(255 m)}), through the colour map (gray by default: black and white);
 * <li>{@link Rule#SCALED}: level {@code floor(256 (v - lo) / (hi - lo))} in float64, kept within 0 to 255,
 *     so that lo is level 0 and hi level 255; lo and hi are {@code --range} or the smallest and
 *     largest finite mean; a constant picture is level 0;
 * <li>{@link Rule#RGB_BYTES}: uint8 channels as they are (a block mean rounded to the nearest);
 * <li>{@link Rule#RGB_FRACTIONS}: float channels v as {@code round(255 v)}, v clipped to [0, 1].
 * </ul>
 * NaN is {@link #NAN} (magenta), +inf {@link #POSITIVE_INFINITY} (red) and -inf
 * {@link #NEGATIVE_INFINITY} (blue) whatever the colour map, none of whose colours they are; in an
 * RGB pixel, NaN in any channel makes the pixel NaN's colour, else an infinity its colour. Tiles are
 * parted by lines of {@link #GAP}.
 */
public final class Painter {

    /** The colour of NaN: magenta. */
    public static final int NAN = 0xff00ff;

    /** The colour of +inf: red. */
    public static final int POSITIVE_INFINITY = 0xff0000;

    /** The colour of -inf: blue. */
    public static final int NEGATIVE_INFINITY = 0x0000ff;

    /** The colour of the lines between tiles and of empty grid places: mid gray. */
    public static final int GAP = 0x808080;

    private static final int OPAQUE = 0xff000000;

    /** How values become colours. */
    public enum Rule {
        /** bool: false level 0, true level 255. */
        BOOL,
        /** Scaled from lo to hi over levels 0 to 255. */
        SCALED,
        /** uint8 RGB(A) channels as they are. */
        RGB_BYTES,
        /** float RGB(A) channels from [0, 1]. */
        RGB_FRACTIONS
    }

    private final Rule rule;
    private final ColorMap map;
    private final double lo;
    private final double hi;
    private long nans;
    private long positiveInfinities;
    private long negativeInfinities;
    private long clipped;
    /** What the pixel last coloured stands for. */
    private byte mark;

    /**
     * A painter.
     *
     * @param rule the rule
     * @param map the colour map, for {@link Rule#BOOL} and {@link Rule#SCALED}
     * @param lo the value of level 0, for {@link Rule#SCALED}
     * @param hi the value of level 255, for {@link Rule#SCALED}
     */
    public Painter(Rule rule, ColorMap map, double lo, double hi) {
        this.rule = rule;
        this.map = map;
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * The level of a value scaled from lo to hi.
     *
     * @param v the value, finite
     * @param lo the value of level 0
     * @param hi the value of level 255
     * @return {@code floor(256 (v - lo) / (hi - lo))} within 0 to 255; 0 if lo equals hi
     */
    public static int level(double v, double lo, double hi) {
        if (!(hi > lo)) {
            return 0;
        }
        double t = (v - lo) / (hi - lo);
        if (Double.isNaN(t) || Double.isInfinite(hi - lo)) {
            // a span wider than the largest double: halves cannot overflow
            t = (v / 2 - lo / 2) / (hi / 2 - lo / 2);
        }
        double scaled = Math.floor(t * ColorMap.SIZE);
        return scaled <= 0 ? 0 : scaled >= ColorMap.SIZE - 1 ? ColorMap.SIZE - 1 : (int) scaled;
    }

    /**
     * The smallest and largest finite mean of every block of every tile and channel.
     *
     * @param means the means
     * @return {lo, hi}, or null if no mean is finite
     */
    public static double[] finiteRange(BlockMeans means) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int channels = means.selection().channels();
        for (int t = 0; t < means.selection().tiles(); t++) {
            for (int r = 0; r < means.blockRows(); r++) {
                for (int c = 0; c < means.blockColumns(); c++) {
                    for (int ch = 0; ch < channels; ch++) {
                        double v = means.mean(t, r, c, ch);
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /**
     * Paints the tiles of a grid.
     *
     * @param means the block means
     * @param grid the layout
     * @return the picture
     */
    public Picture paint(BlockMeans means, Grid grid) {
        int tileWidth = means.blockColumns();
        int tileHeight = means.blockRows();
        int width = (int) grid.width(tileWidth);
        int height = (int) grid.height(tileHeight);
        int[] pixels = new int[width * height];
        byte[] marks = new byte[width * height];
        java.util.Arrays.fill(pixels, OPAQUE | GAP);
        for (int t = 0; t < grid.tiles(); t++) {
            int x0 = t % grid.columns() * (tileWidth + Grid.GAP);
            int y0 = t / grid.columns() * (tileHeight + Grid.GAP);
            for (int r = 0; r < tileHeight; r++) {
                for (int c = 0; c < tileWidth; c++) {
                    mark = Picture.NONE;
                    pixels[(y0 + r) * width + x0 + c] = color(means, t, r, c);
                    marks[(y0 + r) * width + x0 + c] = mark;
                }
            }
        }
        return new Picture(width, height, pixels, means.selection().channels() == 4, marks);
    }

    private int color(BlockMeans means, int t, int r, int c) {
        int channels = means.selection().channels();
        if (channels == 1) {
            double v = means.mean(t, r, c, 0);
            if (!Double.isFinite(v)) {
                return OPAQUE | special(v);
            }
            int level = rule == Rule.BOOL ? (int) Math.round(255 * v) : level(v, lo, hi);
            return OPAQUE | map.color(level);
        }
        int argb = channels == 4 ? 0 : OPAQUE;
        double worst = 0;
        for (int ch = 0; ch < channels; ch++) {
            double v = means.mean(t, r, c, ch);
            if (Double.isNaN(v) || Double.isInfinite(v) && !Double.isNaN(worst)) {
                worst = v;
                continue;
            }
            int byteValue;
            if (rule == Rule.RGB_BYTES) {
                byteValue = (int) Math.round(v);
            } else {
                if (v < 0 || v > 1) {
                    clipped++;
                }
                byteValue = (int) Math.round(255 * Math.min(1, Math.max(0, v)));
            }
            argb |= ch == 3 ? byteValue << 24 : byteValue << 8 * (2 - ch);
        }
        return worst == 0 ? argb : OPAQUE | special(worst);
    }

    private int special(double v) {
        if (Double.isNaN(v)) {
            nans++;
            mark = Picture.NAN;
            return NAN;
        }
        if (v > 0) {
            positiveInfinities++;
            mark = Picture.POSITIVE_INFINITY;
            return POSITIVE_INFINITY;
        }
        negativeInfinities++;
        mark = Picture.NEGATIVE_INFINITY;
        return NEGATIVE_INFINITY;
    }

    /** @return the pixels painted NaN's colour */
    public long nans() {
        return nans;
    }

    /** @return the pixels painted +inf's colour */
    public long positiveInfinities() {
        return positiveInfinities;
    }

    /** @return the pixels painted -inf's colour */
    public long negativeInfinities() {
        return negativeInfinities;
    }

    /** @return the float RGB channel values outside [0, 1] that were clipped */
    public long clipped() {
        return clipped;
    }
}
