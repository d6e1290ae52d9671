package org.npyfile.spark.internal;

import java.math.BigInteger;

/**
 * Which rows of a file belong to one of Spark's byte splits. Spark's splits of a file tile its bytes
 * {@code [0, length)} without gaps or overlaps, so any rule that maps a row to one byte position hands
 * every row to exactly one split.
 */
final class RowRanges {

    private RowRanges() {
    }

    /**
     * The rows whose first byte lies in {@code [start, end)}, as line-based sources assign lines: row
     * {@code i} starts at {@code dataOffset + i * rowBytes}. Rows of no bytes all go to the split that
     * starts at 0.
     *
     * @return {@code {first, end}}, row indices
     */
    static long[] byFirstByte(long start, long end, long dataOffset, long rowBytes, long rows) {
        if (rowBytes == 0) {
            return start == 0 ? new long[] {0, rows} : new long[] {0, 0};
        }
        return new long[] {clamp(ceilDiv(start - dataOffset, rowBytes), rows), clamp(ceilDiv(end - dataOffset, rowBytes), rows)};
    }

    /**
     * The rows of an archive assigned in proportion to the bytes: row {@code i} goes to the split that
     * holds byte {@code i * length / rows}. Used where a row is spread over several entries.
     *
     * @return {@code {first, end}}, row indices
     */
    static long[] proportional(long start, long end, long length, long rows) {
        if (length == 0) {
            return new long[] {0, rows};
        }
        return new long[] {proportion(start, length, rows), proportion(end, length, rows)};
    }

    /** The first row at or after a byte position: {@code ceil(position * rows / length)}. */
    private static long proportion(long position, long length, long rows) {
        BigInteger[] qr = BigInteger.valueOf(position).multiply(BigInteger.valueOf(rows))
                .divideAndRemainder(BigInteger.valueOf(length));
        long row = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
        return Math.min(Math.max(row, 0), rows);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long clamp(long row, long rows) {
        return Math.min(Math.max(row, 0), rows);
    }
}
