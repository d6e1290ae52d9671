package org.npyfile.cli.repr;

/**
 * The subset of {@code numpy.set_printoptions} that {@code npy show} honours, with numpy's defaults
 * in {@link #NUMPY}. Floats are always printed in numpy's default {@code floatmode='maxprec'}.
 *
 * @param threshold arrays with more elements are summarised with {@code ...}
 * @param edgeItems elements kept at each end of a summarised axis
 * @param lineWidth the widest line, in characters
 * @param precision the most fractional digits of a float
 */
public record PrintOptions(long threshold, int edgeItems, int lineWidth, int precision) {

    /** numpy's defaults: threshold 1000, 3 edge items, 75 characters, precision 8. */
    public static final PrintOptions NUMPY = new PrintOptions(1000, 3, 75, 8);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a negative threshold or precision, or fewer than one edge
     *     item or one character per line
     */
    public PrintOptions {
        if (threshold < 0 || edgeItems < 1 || precision < 0 || lineWidth < 1) {
            throw new IllegalArgumentException("print options out of range (threshold and precision at least 0, edge items and line width at least 1): "
                    + this);
        }
    }

    /**
     * Whether an array of this many elements is printed summarised.
     *
     * @param elements the array's element count
     * @return true above the threshold
     */
    public boolean summarises(long elements) {
        return elements > threshold;
    }
}
