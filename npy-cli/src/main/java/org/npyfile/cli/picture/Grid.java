package org.npyfile.cli.picture;

/**
 * How tiles are laid out: {@code ceil(sqrt(n))} columns, as many rows as needed, filled row by
 * row, with a line of {@link #GAP} pixels between neighbours.
 *
 * @param tiles the images
 * @param columns tiles across
 * @param rows tiles down
 */
public record Grid(int tiles, int columns, int rows) {

    /** Pixels between tiles. */
    public static final int GAP = 1;

    /**
     * The layout of n tiles.
     *
     * @param tiles at least 1
     * @return the grid
     */
    public static Grid of(int tiles) {
        int columns = (int) Math.ceil(Math.sqrt(tiles));
        while ((long) columns * columns < tiles) {
            columns++;
        }
        return new Grid(tiles, columns, (tiles + columns - 1) / columns);
    }

    /**
     * Pixels across.
     *
     * @param tileWidth pixels across a tile
     * @return the width
     */
    public long width(long tileWidth) {
        return columns * tileWidth + (columns - 1) * (long) GAP;
    }

    /**
     * Pixels down.
     *
     * @param tileHeight pixels down a tile
     * @return the height
     */
    public long height(long tileHeight) {
        return rows * tileHeight + (rows - 1) * (long) GAP;
    }

    /**
     * The smallest block size at which the picture's longer side fits.
     *
     * @param height rows of one image
     * @param width columns of one image
     * @param maxSide the most pixels on either side
     * @return the factor, at least 1
     * @throws IllegalArgumentException if even one pixel per image does not fit
     */
    public int factor(long height, long width, int maxSide) {
        if (width(1) > maxSide || height(1) > maxSide) {
            throw new IllegalArgumentException(tiles + " tiles need at least " + width(1) + "x" + height(1)
                    + " pixels, more than " + maxSide + "; ask for fewer with --grid or more with --max-size");
        }
        long across = maxSide - (columns - 1) * (long) GAP;
        long down = maxSide - (rows - 1) * (long) GAP;
        long k = Math.max(1, Math.max(ceilDiv(width * columns, across), ceilDiv(height * rows, down)));
        while (width(ceilDiv(width, k)) > maxSide || height(ceilDiv(height, k)) > maxSide) {
            k++;
        }
        return (int) Math.min(k, Integer.MAX_VALUE);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
