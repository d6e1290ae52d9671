package org.npyfile.cli.picture;

import java.util.Arrays;
import org.npyfile.cli.repr.PythonText;

/**
 * Which images of an array {@code npy view} draws, in numpy's (logical) indexing: the last two axes
 * are an image's rows and columns (the last three when a last axis of 3 or 4 holds RGB or RGBA
 * channels); {@code --index} fixes the first leading axes, and the leading axes left over form a
 * stack, flattened in C order, whose first {@code --grid N} images are tiled.
 */
public final class Selection {

    /** The most images one picture tiles. */
    public static final int MAX_TILES = 10_000;

    private final long[] shape;
    private final int channels;
    private final long[] prefix;
    private final int tiles;
    private final long stackSize;

    private Selection(long[] shape, int channels, long[] prefix, int tiles, long stackSize) {
        this.shape = shape;
        this.channels = channels;
        this.prefix = prefix;
        this.tiles = tiles;
        this.stackSize = stackSize;
    }

    /**
     * Chooses the images to draw.
     *
     * @param shape the array's shape
     * @param rgb whether a last axis of 3 or 4 is taken as RGB or RGBA channels
     * @param index the indices of the first leading axes ({@code --index}); negative ones count from
     *     the end, as in numpy
     * @param grid how many images of the stack to tile ({@code --grid}), or 0 for one image
     * @return the selection
     * @throws IllegalArgumentException (a usage error) if the shape and the options do not pick images
     */
    public static Selection of(long[] shape, boolean rgb, long[] index, int grid) {
        int planeAxes = rgb ? 3 : 2;
        String shapeText = PythonText.tuple(shape);
        if (shape.length < planeAxes) {
            throw new IllegalArgumentException("an image needs " + planeAxes + " axes" + (rgb ? " (rows, columns, channels)"
                    : " (rows, columns)") + "; shape " + shapeText + " has " + shape.length
                    + (shape.length == 1 ? "; npy hist shows the distribution of a 1-d array" : ""));
        }
        int channels = rgb ? (int) shape[shape.length - 1] : 1;
        int leading = shape.length - planeAxes;
        if (index.length > leading) {
            throw new IllegalArgumentException("--index gives " + index.length + " indices, but shape " + shapeText
                    + " has " + leading + " axes before its " + (rgb ? "RGB images" : "images"));
        }
        long[] prefix = new long[index.length];
        for (int a = 0; a < index.length; a++) {
            long i = index[a] < 0 ? index[a] + shape[a] : index[a];
            if (i < 0 || i >= shape[a]) {
                throw new IllegalArgumentException("--index: " + index[a] + " is out of range for axis " + a
                        + " of length " + shape[a]);
            }
            prefix[a] = i;
        }
        long stack = 1;
        for (int a = index.length; a < leading; a++) {
            stack *= shape[a];
        }
        if (grid < 0 || grid > MAX_TILES) {
            throw new IllegalArgumentException("--grid must be from 1 to " + MAX_TILES + ", not " + grid);
        }
        if (grid == 0 && stack != 1) {
            throw new IllegalArgumentException("shape " + shapeText + " holds " + stack + " images of "
                    + PythonText.tuple(Arrays.copyOfRange(shape, leading, shape.length)) + ": pick one with --index"
                    + (index.length == 0 ? " I" : " " + join(index) + ",I") + " or tile the first N with --grid N");
        }
        int tiles = (int) Math.min(Math.max(grid, 1), stack);
        if (tiles == 0 || rows(shape, planeAxes) == 0 || shape[leading + 1] == 0) {
            throw new IllegalArgumentException("nothing to draw: shape " + shapeText + " has no elements");
        }
        return new Selection(shape.clone(), channels, prefix, tiles, stack);
    }

    /**
     * Where the selected elements lie in the file: exactly the selection for C order, where it is
     * contiguous; for Fortran order, the span the selected elements are spread over.
     *
     * @param fortran whether the file is in Fortran order
     * @return the first position (element index in file order) and one past the last
     */
    public long[] span(boolean fortran) {
        int ndim = shape.length;
        int leading = leadingAxes();
        long[] storedStride = new long[ndim];
        long s = 1;
        for (int k = 0; k < ndim; k++) {
            int a = fortran ? k : ndim - 1 - k;
            storedStride[a] = s;
            s *= shape[a];
        }
        long base = 0;
        for (int a = 0; a < prefix.length; a++) {
            base += prefix[a] * storedStride[a];
        }
        long planeLast = 0;
        for (int a = leading; a < ndim; a++) {
            planeLast += (shape[a] - 1) * storedStride[a];
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long t = 0; t < tiles; t++) {
            // the tile's index along the stack axes, C order over them
            long at = base;
            long rest = t;
            for (int a = leading - 1; a >= prefix.length; a--) {
                at += rest % shape[a] * storedStride[a];
                rest /= shape[a];
            }
            first = Math.min(first, at);
            last = Math.max(last, at + planeLast);
        }
        return new long[] {first, last + 1};
    }

    private static long rows(long[] shape, int planeAxes) {
        return shape[shape.length - planeAxes];
    }

    /** @return the array's shape */
    public long[] shape() {
        return shape.clone();
    }

    /** @return 1 for a gray or colour-mapped image, 3 for RGB, 4 for RGBA */
    public int channels() {
        return channels;
    }

    /** @return the axes that form an image: 2, or 3 with channels */
    public int planeAxes() {
        return channels == 1 ? 2 : 3;
    }

    /** @return the axes before an image's rows */
    public int leadingAxes() {
        return shape.length - planeAxes();
    }

    /** @return the fixed indices of the first leading axes */
    public long[] prefix() {
        return prefix.clone();
    }

    /** @return the images drawn */
    public int tiles() {
        return tiles;
    }

    /** @return the images in the stack the tiles are the first of */
    public long stackSize() {
        return stackSize;
    }

    /** @return the rows of an image */
    public long height() {
        return shape[leadingAxes()];
    }

    /** @return the columns of an image */
    public long width() {
        return shape[leadingAxes() + 1];
    }

    /** @return the shape of one image, for messages: {@code (8, 8)} or {@code (32, 32, 3)} */
    public String imageShape() {
        return PythonText.tuple(Arrays.copyOfRange(shape, leadingAxes(), shape.length));
    }

    private static String join(long[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        return out.toString();
    }
}
