package org.npyfile.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyReader;

/**
 * The rows of one array (a {@code .npy} file or one npz entry) read by row ranges through an
 * {@link NpyReader}, handed out in C order whatever the file's order.
 *
 * <p>A C-order array is read with one seek and one read per batch. A Fortran-order array stores
 * each row's elements {@code rows} elements apart: a seekable source gathers a batch with one read per
 * element of a row (each read a contiguous run of the batch's rows), so a split still reads only its
 * own rows; a forward-only source (a deflated entry) is read whole once, within
 * {@code maxArrayBytes}, and transposed.
 *
 * <p>Rows are read into buffers this source keeps and reuses, so a batch costs one copy from the
 * file and no allocation; what {@link #read} returns is valid until the next call.
 */
final class RowSource implements Closeable {

    final NpyHeader header;
    final long rows;
    final long rowElements;
    final long rowBytes;
    private final int itemSize;
    private final NpyReader reader;
    private final boolean seekable;
    private final long maxArrayBytes;
    /** For Fortran order: the C-order position within a row of each Fortran-order index. */
    private int[] cIndexOfFortran;
    /** For a forward-only Fortran-order source: the whole array in C order, once read. */
    private ByteBuffer whole;
    /** The rows of the last batch; reused. */
    private ByteBuffer rowBuffer = ByteBuffer.allocate(0);
    /** For a seekable Fortran-order source: one element's run of a batch's rows; reused. */
    private ByteBuffer runBuffer = ByteBuffer.allocate(0);

    RowSource(NpyReader reader, boolean seekable, long maxArrayBytes) {
        // Positions and chunks in the stored order: this class does its own gathering by rows.
        this.reader = reader.storedOrder();
        this.header = reader.header();
        this.seekable = seekable;
        this.maxArrayBytes = maxArrayBytes;
        this.rows = ColumnSpec.rows(header);
        this.rowElements = new NpyHeader(header.dtype(), ColumnSpec.rowShape(header), false, 1, 0, 0).elementCount();
        this.itemSize = header.dtype().itemSize();
        this.rowBytes = rowElements * itemSize;
    }

    boolean seekable() {
        return seekable;
    }

    /**
     * Reads rows {@code [first, first + count)} in C order.
     *
     * @return a buffer of {@code count * rowBytes} bytes in the file's byte order, position 0, valid
     *     until the next call
     */
    ByteBuffer read(long first, int count) throws IOException {
        long bytes = count * rowBytes;
        if (bytes == 0) {
            return ByteBuffer.allocate(0);
        }
        checkInMemory(bytes, count + " rows of " + rowBytes + " bytes");
        if (!header.fortranOrder() || rowElements == 1) {
            rowBuffer = sized(rowBuffer, (int) bytes);
            return contiguous(first * rowElements, rowBuffer);
        }
        if (seekable) {
            return gather(first, count);
        }
        if (whole == null) {
            long all = rows * rowBytes;
            checkInMemory(all, "the whole Fortran-order array of " + all + " bytes");
            ByteBuffer stored = contiguous(0, ByteBuffer.allocate((int) all));
            whole = transpose(stored, 0, (int) rows);
        }
        return whole.slice(Math.toIntExact(first * rowBytes), (int) bytes);
    }

    private void checkInMemory(long bytes, String what) throws NpyLimitException {
        if (bytes > maxArrayBytes || bytes > Integer.MAX_VALUE - 8) {
            throw new NpyLimitException(what + " exceed the in-memory limit of "
                    + Math.min(maxArrayBytes, Integer.MAX_VALUE - 8) + " bytes (option maxArrayBytes)");
        }
    }

    /** A reusable buffer of at least {@code bytes}, cleared and limited to them. */
    private static ByteBuffer sized(ByteBuffer buffer, int bytes) {
        ByteBuffer b = buffer.capacity() >= bytes ? buffer : ByteBuffer.allocate(bytes);
        return b.clear().limit(bytes);
    }

    /** Fills {@code dst} with the stored elements from {@code element} on: one bulk read. */
    private ByteBuffer contiguous(long element, ByteBuffer dst) throws IOException {
        if (reader.position() != element) {
            reader.seek(element);
        }
        reader.read(dst);
        if (dst.hasRemaining()) {
            throw new IllegalStateException("read " + dst.position() + " of " + dst.limit() + " bytes at element " + element);
        }
        return dst.flip();
    }

    /** Rows of a seekable Fortran-order array: for each element of a row, the run of the batch's rows. */
    private ByteBuffer gather(long first, int count) throws IOException {
        int[] cIndex = cIndexOfFortran();
        ByteBuffer out = rowBuffer = sized(rowBuffer, (int) (count * rowBytes));
        runBuffer = sized(runBuffer, count * itemSize);
        int m = cIndex.length;
        for (int f = 0; f < m; f++) {
            ByteBuffer run = contiguous(first + rows * f, runBuffer.clear().limit(count * itemSize));
            for (int i = 0; i < count; i++) {
                out.put((i * m + cIndex[f]) * itemSize, run, i * itemSize, itemSize);
            }
        }
        return out;
    }

    /** The rows {@code [first, first + count)} of a whole Fortran-order array held in {@code data}. */
    private ByteBuffer transpose(ByteBuffer data, long first, int count) {
        int[] cIndex = cIndexOfFortran();
        int m = cIndex.length;
        ByteBuffer out = ByteBuffer.allocate((int) (count * rowBytes));
        for (int f = 0; f < m; f++) {
            for (int i = 0; i < count; i++) {
                out.put((i * m + cIndex[f]) * itemSize, data, (int) ((first + i + rows * f) * itemSize), itemSize);
            }
        }
        return out;
    }

    private int[] cIndexOfFortran() {
        if (cIndexOfFortran == null) {
            long[] dims = ColumnSpec.rowShape(header);
            int m = Math.toIntExact(rowElements);
            int[] map = new int[m];
            int[] sub = new int[dims.length];
            for (int f = 0; f < m; f++) {
                int c = 0;
                for (int d = 0; d < dims.length; d++) {
                    c = (int) (c * dims[d] + sub[d]);
                }
                map[f] = c;
                for (int d = 0; d < dims.length; d++) {
                    if (++sub[d] < dims[d]) {
                        break;
                    }
                    sub[d] = 0;
                }
            }
            cIndexOfFortran = map;
        }
        return cIndexOfFortran;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
