package org.npyfile.cli.picture;

import java.io.IOException;
import java.util.function.LongConsumer;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;

/**
 * The selected images of an array, read in one streaming pass and reduced to the means of
 * {@code factor x factor} blocks of elements (of every channel apart): block {@code (i, j)} of an
 * image is the mean of its rows {@code i*factor ..} and columns {@code j*factor ..}, fewer at the
 * bottom and right edges. With a factor of 1 every block is one element. A mean is numpy's: NaN if
 * an element is NaN, infinite if one is (NaN if both infinities are there).
 *
 * <p>Memory is one double per block and channel, whatever the array's size. Elements arrive in the
 * file's order, C or Fortran, and are placed by their logical (numpy) index, so that a
 * Fortran-order file gives the same means as its C-order twin. Of a C-order file only the selected
 * images are read; of a Fortran-order one, the span of the file they are spread over.
 */
public final class BlockMeans {

    /** Elements per read. */
    private static final int CHUNK = 1 << 16;

    private static final int PREFIX = 0;
    private static final int STACK = 1;
    private static final int ROW = 2;
    private static final int COLUMN = 3;
    private static final int CHANNEL = 4;

    private final Selection selection;
    private final int factor;
    private final int blockRows;
    private final int blockColumns;
    private final int channels;
    private final double[] sums;

    private BlockMeans(Selection selection, int factor) {
        this.selection = selection;
        this.factor = factor;
        this.blockRows = (int) ceilDiv(selection.height(), factor);
        this.blockColumns = (int) ceilDiv(selection.width(), factor);
        this.channels = selection.channels();
        long size = (long) selection.tiles() * blockRows * blockColumns * channels;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the picture would need " + size + " values; lower --max-size");
        }
        this.sums = new double[(int) size];
    }

    /**
     * Reads the selected images.
     *
     * @param reader the array, at its first element
     * @param selection the images
     * @param factor the block size, at least 1
     * @param progress told about every element read
     * @return the block means
     * @throws IOException if reading fails
     */
    public static BlockMeans read(NpyReader reader, Selection selection, int factor, LongConsumer progress)
            throws IOException {
        BlockMeans means = new BlockMeans(selection, factor);
        means.accumulate(reader, progress);
        return means;
    }

    private void accumulate(NpyReader reader, LongConsumer progress) throws IOException {
        NpyHeader header = reader.header();
        // The walk below follows the file's own strides.
        reader.storedOrder();
        long[] shape = selection.shape();
        int ndim = shape.length;
        int leading = selection.leadingAxes();
        long[] prefix = selection.prefix();
        int[] role = new int[ndim];
        long[] stackStride = new long[ndim];
        long stride = 1;
        for (int a = ndim - 1; a >= 0; a--) {
            if (a < prefix.length) {
                role[a] = PREFIX;
            } else if (a < leading) {
                role[a] = STACK;
                stackStride[a] = stride;
                stride *= shape[a];
            } else {
                role[a] = a == leading ? ROW : a == leading + 1 ? COLUMN : CHANNEL;
            }
        }
        // axes from the fastest-varying in the file to the slowest
        int[] order = new int[ndim];
        long[] storedStride = new long[ndim];
        long s = 1;
        for (int k = 0; k < ndim; k++) {
            int a = header.fortranOrder() ? k : ndim - 1 - k;
            order[k] = a;
            storedStride[a] = s;
            s *= shape[a];
        }
        long[] span = selection.span(header.fortranOrder());
        long position = span[0];
        long end = span[1];
        reader.skip(position);

        // the odometer: the logical index of the element at `position`, and what follows from it
        long[] index = new long[ndim];
        long rest = position;
        for (int k = ndim - 1; k >= 0; k--) {
            int a = order[k];
            index[a] = rest / storedStride[a];
            rest %= storedStride[a];
        }
        int mismatches = 0;
        long tile = 0;
        for (int a = 0; a < ndim; a++) {
            if (role[a] == PREFIX && index[a] != prefix[a]) {
                mismatches++;
            } else if (role[a] == STACK) {
                tile += index[a] * stackStride[a];
            }
        }
        int rowAxis = leading;
        int columnAxis = leading + 1;
        long blockRow = index[rowAxis] / factor;
        long rowWithin = index[rowAxis] % factor;
        long blockColumn = index[columnAxis] / factor;
        long columnWithin = index[columnAxis] % factor;
        long channel = channels == 1 ? 0 : index[ndim - 1];
        int tiles = selection.tiles();

        Elements elements = new Elements(reader);
        double[] values = new double[CHUNK];
        int fastest = order[0];
        while (position < end) {
            int n = elements.read(values, (int) Math.min(CHUNK, end - position));
            if (n == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (mismatches == 0 && tile < tiles) {
                    sums[(int) (((tile * blockRows + blockRow) * blockColumns + blockColumn) * channels + channel)]
                            += values[i];
                }
                // advance the odometer by one element in file order
                int k = 0;
                int a = fastest;
                while (true) {
                    index[a]++;
                    boolean wrapped = index[a] == shape[a];
                    switch (role[a]) {
                        case PREFIX -> {
                            boolean was = index[a] - 1 == prefix[a];
                            boolean now = (wrapped ? 0 : index[a]) == prefix[a];
                            mismatches += (was ? 1 : 0) - (now ? 1 : 0);
                        }
                        case STACK -> tile += wrapped ? -(shape[a] - 1) * stackStride[a] : stackStride[a];
                        case ROW -> {
                            if (wrapped) {
                                blockRow = 0;
                                rowWithin = 0;
                            } else if (++rowWithin == factor) {
                                rowWithin = 0;
                                blockRow++;
                            }
                        }
                        case COLUMN -> {
                            if (wrapped) {
                                blockColumn = 0;
                                columnWithin = 0;
                            } else if (++columnWithin == factor) {
                                columnWithin = 0;
                                blockColumn++;
                            }
                        }
                        default -> channel = wrapped ? 0 : channel + 1;
                    }
                    if (!wrapped || ++k == ndim) {
                        break;
                    }
                    index[a] = 0;
                    a = order[k];
                }
            }
            position += n;
            progress.accept(n);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** @return the selection read */
    public Selection selection() {
        return selection;
    }

    /** @return the block size */
    public int factor() {
        return factor;
    }

    /** @return the blocks down an image */
    public int blockRows() {
        return blockRows;
    }

    /** @return the blocks across an image */
    public int blockColumns() {
        return blockColumns;
    }

    /**
     * The mean of a block.
     *
     * @param tile the image, from 0
     * @param row the block row
     * @param column the block column
     * @param channel the channel, 0 without channels
     * @return the mean of the block's elements of that channel
     */
    public double mean(int tile, int row, int column, int channel) {
        long rows = Math.min(factor, selection.height() - (long) row * factor);
        long columns = Math.min(factor, selection.width() - (long) column * factor);
        double sum = sums[((tile * blockRows + row) * blockColumns + column) * channels + channel];
        return rows * columns == 1 ? sum : sum / (rows * columns);
    }
}
