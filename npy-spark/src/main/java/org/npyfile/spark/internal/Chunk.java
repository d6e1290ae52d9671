package org.npyfile.spark.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rows of one source in C order, as bytes in the file's own byte order, with a little-endian and a
 * big-endian view so that each field of a record is read in its own order with absolute gets, and the
 * heap array behind them for bulk copies into column vectors.
 */
final class Chunk {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    final ByteBuffer little;
    final ByteBuffer big;
    /** The array behind the views; byte {@code at} of the rows is {@code array[base + at]}. */
    final byte[] array;
    final int base;
    /** Scratch for decoding strings, grown on demand. */
    private int[] codePoints = new int[16];

    private Chunk(ByteBuffer data) {
        this.little = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.big = data.duplicate().order(ByteOrder.BIG_ENDIAN);
        this.array = data.array();
        this.base = data.arrayOffset() + data.position();
    }

    /** The rows in a heap buffer, from its position. */
    static Chunk of(ByteBuffer data) {
        return new Chunk(data.slice());
    }

    static Chunk empty() {
        return new Chunk(EMPTY);
    }

    ByteBuffer in(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? big : little;
    }

    int[] codePoints(int size) {
        if (codePoints.length < size) {
            codePoints = new int[Math.max(size, codePoints.length * 2)];
        }
        return codePoints;
    }
}
