package org.npyfile.bench;

/**
 * The checksum {@code make_data.py} records: the sum of the values' raw 32-bit patterns as unsigned
 * integers. Exact, and the same in any element order, so a Fortran-order or big-endian read can be
 * checked against the C-order little-endian original.
 */
final class Checksums {

    private Checksums() {
    }

    static long of(float[] values) {
        long sum = 0;
        for (float v : values) {
            sum += Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
        }
        return sum;
    }
}
