package org.npyfile.spark.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rows of one source in C order, as bytes in the file's own byte order, with a little-endian and a
 * big-endian view so that each field of a record is read in its own order with absolute gets.
 */
final class Chunk {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    final ByteBuffer little;
    final ByteBuffer big;
    /** Scratch for strings and byte strings, grown on demand. */
    byte[] scratch = new byte[64];
    int[] codePoints = new int[16];

    private Chunk(ByteBuffer data) {
        this.little = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.big = data.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    static Chunk of(ByteBuffer data) {
        return new Chunk(data);
    }

    static Chunk empty() {
        return new Chunk(EMPTY);
    }

    ByteBuffer in(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? big : little;
    }

    byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        return scratch;
    }

    int[] codePoints(int size) {
        if (codePoints.length < size) {
            codePoints = new int[Math.max(size, codePoints.length * 2)];
        }
        return codePoints;
    }
}
