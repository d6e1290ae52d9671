package org.npyfile.cli.picture;

import java.io.IOException;
import org.npyfile.DType;
import org.npyfile.NpyReader;

/**
 * The elements of a bool, integer or float array, read in stored order in bulk through typed
 * buffers that are allocated once: as doubles (bool as 0 and 1, unsigned integers as unsigned,
 * floats exactly) or, for bool and integer arrays, as exact longs.
 */
final class Elements {

    private final NpyReader reader;
    private final DType.Kind kind;
    private final int itemSize;
    private final boolean unsigned;
    private boolean[] bools;
    private byte[] bytes;
    private short[] shorts;
    private int[] ints;
    private long[] longs;
    private float[] floats;

    Elements(NpyReader reader) {
        // Pictures follow the file's own strides and histograms do not depend on the order, so
        // both stream the stored order with bounded memory.
        this.reader = reader.storedOrder();
        DType dtype = reader.header().dtype();
        this.kind = dtype.kind();
        this.itemSize = dtype.itemSize();
        this.unsigned = kind == DType.Kind.UINT;
    }

    /**
     * Whether a dtype can be read here.
     *
     * @param dtype the dtype
     * @return for bool, signed and unsigned integers and floats of 2, 4 and 8 bytes
     */
    static boolean readable(DType dtype) {
        return switch (dtype.kind()) {
            case BOOL, INT, UINT -> true;
            case FLOAT -> dtype.itemSize() <= 8;
            default -> false;
        };
    }

    /**
     * Reads elements as doubles.
     *
     * @param dst where to put them
     * @param len the most to read
     * @return the number read, 0 at the end
     * @throws IOException if reading fails
     */
    int read(double[] dst, int len) throws IOException {
        int n;
        switch (kind) {
            case FLOAT -> {
                if (itemSize == 8) {
                    return reader.read(dst, 0, len);
                }
                floats = grow(floats, len);
                n = reader.read(floats, 0, len);
                for (int i = 0; i < n; i++) {
                    dst[i] = floats[i];
                }
            }
            default -> {
                longs = grow(longs, len);
                n = read(longs, len);
                if (unsigned && itemSize == 8) {
                    for (int i = 0; i < n; i++) {
                        dst[i] = unsignedToDouble(longs[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        dst[i] = longs[i];
                    }
                }
            }
        }
        return n;
    }

    /**
     * Reads bool or integer elements exactly: bool as 0 and 1, uint64 as its bits.
     *
     * @param dst where to put them
     * @param len the most to read
     * @return the number read, 0 at the end
     * @throws IOException if reading fails
     */
    int read(long[] dst, int len) throws IOException {
        int n;
        if (kind == DType.Kind.BOOL) {
            bools = grow(bools, len);
            n = reader.read(bools, 0, len);
            for (int i = 0; i < n; i++) {
                dst[i] = bools[i] ? 1 : 0;
            }
            return n;
        }
        switch (itemSize) {
            case 1 -> {
                bytes = grow(bytes, len);
                n = reader.read(bytes, 0, len);
                for (int i = 0; i < n; i++) {
                    dst[i] = unsigned ? bytes[i] & 0xffL : bytes[i];
                }
            }
            case 2 -> {
                shorts = grow(shorts, len);
                n = reader.read(shorts, 0, len);
                for (int i = 0; i < n; i++) {
                    dst[i] = unsigned ? shorts[i] & 0xffffL : shorts[i];
                }
            }
            case 4 -> {
                ints = grow(ints, len);
                n = reader.read(ints, 0, len);
                for (int i = 0; i < n; i++) {
                    dst[i] = unsigned ? ints[i] & 0xffff_ffffL : ints[i];
                }
            }
            default -> n = reader.read(dst, 0, len);
        }
        return n;
    }

    /** An unsigned 64-bit value as the nearest double, as a C cast rounds it. */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // halve, keeping the lost bit as a sticky bit so that the one rounding is the right one
        return (double) (bits >>> 1 | bits & 1) * 2.0;
    }

    private static boolean[] grow(boolean[] a, int n) {
        return a != null && a.length >= n ? a : new boolean[n];
    }

    private static byte[] grow(byte[] a, int n) {
        return a != null && a.length >= n ? a : new byte[n];
    }

    private static short[] grow(short[] a, int n) {
        return a != null && a.length >= n ? a : new short[n];
    }

    private static int[] grow(int[] a, int n) {
        return a != null && a.length >= n ? a : new int[n];
    }

    private static long[] grow(long[] a, int n) {
        return a != null && a.length >= n ? a : new long[n];
    }

    private static float[] grow(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }
}
