package org.npyfile.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.cli.repr.Summary;

/**
 * Reads only the elements that {@code show} prints: the whole array when it is printed whole, else
 * the {@link Summary}'s corners, found in file order (C or Fortran) and read as runs of adjacent
 * elements with forward seeks, so that printing a huge array reads a few kilobytes.
 */
final class Corners {

    private Corners() {
    }

    /**
     * Reads what a summary selects.
     *
     * @param reader a reader at the first element; forward-only readers work
     * @param summary the selection, made for the reader's shape
     * @return the selected elements as a C-order array of the summary's corner shape
     * @throws IOException if the data cannot be read
     */
    static NpyArray read(NpyReader reader, Summary summary) throws IOException {
        NpyHeader header = reader.header();
        // Seeks follow the file's own strides, so the reader streams the stored order.
        reader.storedOrder();
        if (!summary.summarised()) {
            return reader.readAll().toCOrder();
        }
        DType dtype = header.dtype();
        int itemSize = dtype.itemSize();
        long[] shape = header.shape();
        long[] corner = summary.cornerShape();
        int count = summary.cornerCount();
        long[] fileStrides = fileStrides(shape, header.fortranOrder());
        long[] fileIndex = new long[count];
        int[] position = new int[shape.length];
        for (int c = 0; c < count; c++) {
            long at = 0;
            for (int k = 0; k < shape.length; k++) {
                at += summary.sourceIndex(position[k], k) * fileStrides[k];
            }
            fileIndex[c] = at;
            for (int k = shape.length - 1; k >= 0 && ++position[k] == corner[k]; k--) {
                position[k] = 0;
            }
        }
        Integer[] order = new Integer[count];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(fileIndex[a], fileIndex[b]));
        byte[] out = new byte[Math.multiplyExact(count, itemSize)];
        int i = 0;
        while (i < count) {
            int runEnd = i + 1;
            while (runEnd < count && fileIndex[order[runEnd]] == fileIndex[order[runEnd - 1]] + 1) {
                runEnd++;
            }
            long start = fileIndex[order[i]];
            if (reader.position() != start) {
                reader.seek(start);
            }
            ByteBuffer run = reader.readChunk(runEnd - i).data();
            for (int j = i; j < runEnd; j++) {
                run.get((j - i) * itemSize, out, order[j] * itemSize, itemSize);
            }
            i = runEnd;
        }
        return NpyArray.of(dtype, false, corner, ByteBuffer.wrap(out));
    }

    /** Elements between neighbours along each axis, in the file's own order. */
    private static long[] fileStrides(long[] shape, boolean fortran) {
        long[] strides = new long[shape.length];
        long stride = 1;
        if (fortran) {
            for (int k = 0; k < shape.length; k++) {
                strides[k] = stride;
                stride *= shape[k];
            }
        } else {
            for (int k = shape.length - 1; k >= 0; k--) {
                strides[k] = stride;
                stride *= shape[k];
            }
        }
        return strides;
    }
}
