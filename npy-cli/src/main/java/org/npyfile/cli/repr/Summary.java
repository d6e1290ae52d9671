package org.npyfile.cli.repr;

import java.util.Arrays;

/**
 * Which elements numpy prints of an array: all of them, or above the threshold only the first and
 * last {@code edgeItems} along every axis longer than twice that ({@code _leading_trailing}). The
 * selected elements form a smaller C-order array, the <em>corners</em>, which is all that needs to be
 * read from a file to print it.
 */
public final class Summary {

    private final long[] shape;
    private final boolean summarised;
    private final int edgeItems;
    private final int[] cornerShape;

    private Summary(long[] shape, boolean summarised, int edgeItems, int[] cornerShape) {
        this.shape = shape;
        this.summarised = summarised;
        this.edgeItems = edgeItems;
        this.cornerShape = cornerShape;
    }

    /**
     * The selection for an array's shape.
     *
     * @param shape the array's shape
     * @param options the print options (threshold and edge items)
     * @return the selection
     * @throws IllegalArgumentException if the corners would not fit in one Java array (only when the
     *     threshold is raised far beyond numpy's)
     */
    public static Summary of(long[] shape, PrintOptions options) {
        long count = 1;
        for (long d : shape) {
            if (d == 0) {
                count = 0;
                break;
            }
            count = count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d;
        }
        boolean summarised = options.summarises(count);
        int edge = options.edgeItems();
        int[] corner = new int[shape.length];
        long cornerCount = 1;
        for (int k = 0; k < shape.length; k++) {
            long d = summarised && shape[k] > 2L * edge ? 2L * edge : shape[k];
            if (d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("cannot print all of an axis of " + shape[k] + " elements");
            }
            corner[k] = (int) d;
            cornerCount *= d;
            if (cornerCount > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("cannot print " + cornerCount + " elements at once");
            }
        }
        return new Summary(shape.clone(), summarised, edge, corner);
    }

    /**
     * Whether the array is printed with {@code ...}.
     *
     * @return true above the threshold
     */
    public boolean summarised() {
        return summarised;
    }

    /**
     * The array's shape.
     *
     * @return a copy
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The shape of the corners array.
     *
     * @return a copy; equal to the array's shape when nothing is left out
     */
    public long[] cornerShape() {
        return Arrays.stream(cornerShape).asLongStream().toArray();
    }

    /**
     * The number of elements printed.
     *
     * @return the corners' element count
     */
    public int cornerCount() {
        int n = 1;
        for (int d : cornerShape) {
            n *= d;
        }
        return n;
    }

    /**
     * Where a corner element lies in the whole array.
     *
     * @param cornerIndex the position along one axis of the corners array
     * @param axis the axis
     * @return the position along that axis of the whole array
     */
    public long sourceIndex(int cornerIndex, int axis) {
        if (cornerShape[axis] == shape[axis] || cornerIndex < edgeItems) {
            return cornerIndex;
        }
        return shape[axis] - cornerShape[axis] + cornerIndex;
    }

    /**
     * Whether numpy prints {@code ...} along an axis.
     *
     * @param axis the axis
     * @return true if the axis is cut
     */
    boolean cuts(int axis) {
        return summarised && 2L * edgeItems < shape[axis];
    }

    int cornerLength(int axis) {
        return cornerShape[axis];
    }

    int edgeItems() {
        return edgeItems;
    }
}
