package org.npyfile.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.npyfile.DType;
import org.npyfile.NpyFormatException;

/**
 * Bulk moves between element bytes and Java arrays. The buffer's byte order must be the dtype's;
 * every method reads or writes at the buffer's position and advances it. Numbers move through
 * view buffers in one bulk call (the JDK swaps bytes where the order differs from the machine's);
 * only bool, float16 and strings take a loop.
 */
public final class Codec {

    private Codec() {
    }

    /**
     * Reads {@code len} booleans: numpy's truth of each byte.
     *
     * @param src the bytes, one per element
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, boolean[] dst, int off, int len) {
        int p = src.position();
        for (int i = 0; i < len; i++) {
            dst[off + i] = src.get(p + i) != 0;
        }
        src.position(p + len);
    }

    /**
     * Reads {@code len} bytes.
     *
     * @param src the bytes
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, byte[] dst, int off, int len) {
        src.get(dst, off, len);
    }

    /**
     * Reads {@code len} 16-bit values.
     *
     * @param src the bytes, in the buffer's order
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, short[] dst, int off, int len) {
        src.asShortBuffer().get(dst, off, len);
        src.position(src.position() + len * 2);
    }

    /**
     * Reads {@code len} 32-bit values.
     *
     * @param src the bytes, in the buffer's order
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, int[] dst, int off, int len) {
        src.asIntBuffer().get(dst, off, len);
        src.position(src.position() + len * 4);
    }

    /**
     * Reads {@code len} 64-bit values.
     *
     * @param src the bytes, in the buffer's order
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, long[] dst, int off, int len) {
        src.asLongBuffer().get(dst, off, len);
        src.position(src.position() + len * 8);
    }

    /**
     * Reads {@code len} floats, from float16 or float32 bytes.
     *
     * @param src the bytes, in the buffer's order
     * @param half whether the source holds float16 values
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, boolean half, float[] dst, int off, int len) {
        if (half) {
            int p = src.position();
            for (int i = 0; i < len; i++) {
                dst[off + i] = Float16.toFloat(src.getShort(p + 2 * i));
            }
            src.position(p + len * 2);
        } else {
            src.asFloatBuffer().get(dst, off, len);
            src.position(src.position() + len * 4);
        }
    }

    /**
     * Reads {@code len} doubles.
     *
     * @param src the bytes, in the buffer's order
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     */
    public static void get(ByteBuffer src, double[] dst, int off, int len) {
        src.asDoubleBuffer().get(dst, off, len);
        src.position(src.position() + len * 8);
    }

    /**
     * Reads {@code len} strings of an {@code S} or {@code U} dtype, trailing NULs stripped as numpy
     * does; {@code S} bytes become the latin-1 characters of the same values.
     *
     * @param src the bytes, in the buffer's order
     * @param dtype the string dtype
     * @param dst the destination
     * @param off the first index in dst
     * @param len how many values
     * @throws NpyFormatException if a {@code U} element holds a value that is no code point
     */
    public static void get(ByteBuffer src, DType dtype, String[] dst, int off, int len) throws NpyFormatException {
        if (len == 0) {
            // Nothing to decode; and the scratch space below is sized from the dtype, which only
            // data actually present may justify.
            return;
        }
        int size = dtype.itemSize();
        int p = src.position();
        if (dtype.kind() == DType.Kind.UNICODE) {
            int[] codePoints = new int[dtype.length()];
            for (int i = 0; i < len; i++) {
                int n = 0;
                for (int c = 0; c < codePoints.length; c++) {
                    int cp = src.getInt(p + i * size + c * 4);
                    if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                        throw new NpyFormatException(-1, "a Unicode code point of at most 0x10FFFF in string "
                                + (off + i) + " of the chunk", String.format("0x%08x", cp));
                    }
                    codePoints[c] = cp;
                    if (cp != 0) {
                        n = c + 1;
                    }
                }
                dst[off + i] = new String(codePoints, 0, n);
            }
        } else {
            byte[] bytes = new byte[size];
            for (int i = 0; i < len; i++) {
                src.get(p + i * size, bytes);
                int n = size;
                while (n > 0 && bytes[n - 1] == 0) {
                    n--;
                }
                dst[off + i] = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
        }
        src.position(p + len * size);
    }

    /**
     * Writes {@code len} booleans as bytes 0 and 1.
     *
     * @param dst the buffer
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, boolean[] src, int off, int len) {
        for (int i = 0; i < len; i++) {
            dst.put(src[off + i] ? (byte) 1 : (byte) 0);
        }
    }

    /**
     * Writes {@code len} bytes.
     *
     * @param dst the buffer
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, byte[] src, int off, int len) {
        dst.put(src, off, len);
    }

    /**
     * Writes {@code len} 16-bit values in the buffer's order.
     *
     * @param dst the buffer
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, short[] src, int off, int len) {
        dst.asShortBuffer().put(src, off, len);
        dst.position(dst.position() + len * 2);
    }

    /**
     * Writes {@code len} 32-bit values in the buffer's order.
     *
     * @param dst the buffer
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, int[] src, int off, int len) {
        dst.asIntBuffer().put(src, off, len);
        dst.position(dst.position() + len * 4);
    }

    /**
     * Writes {@code len} 64-bit values in the buffer's order.
     *
     * @param dst the buffer
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, long[] src, int off, int len) {
        dst.asLongBuffer().put(src, off, len);
        dst.position(dst.position() + len * 8);
    }

    /**
     * Writes {@code len} floats as float16 (rounded as numpy rounds) or float32.
     *
     * @param dst the buffer
     * @param half whether to write float16 values
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, boolean half, float[] src, int off, int len) {
        if (half) {
            for (int i = 0; i < len; i++) {
                dst.putShort(Float16.fromFloat(src[off + i]));
            }
        } else {
            dst.asFloatBuffer().put(src, off, len);
            dst.position(dst.position() + len * 4);
        }
    }

    /**
     * Writes {@code len} doubles in the buffer's order.
     *
     * @param dst the buffer
     * @param src the values
     * @param off the first index in src
     * @param len how many values
     */
    public static void put(ByteBuffer dst, double[] src, int off, int len) {
        dst.asDoubleBuffer().put(src, off, len);
        dst.position(dst.position() + len * 8);
    }

    /**
     * Writes {@code len} strings NUL-padded to the dtype's length.
     *
     * @param dst the buffer, in the dtype's order
     * @param dtype an {@code S} or {@code U} dtype
     * @param src the strings
     * @param off the first index in src
     * @param len how many values
     * @throws IllegalArgumentException if a string is longer than the dtype allows, or an
     *     {@code S} string holds a character above U+00FF
     */
    public static void put(ByteBuffer dst, DType dtype, String[] src, int off, int len) {
        boolean unicode = dtype.kind() == DType.Kind.UNICODE;
        // Check every string before writing any byte, so that a refused one leaves nothing behind.
        for (int i = 0; i < len; i++) {
            String s = src[off + i];
            if (s.codePointCount(0, s.length()) > dtype.length()) {
                throw new IllegalArgumentException("string " + (off + i) + " has " + s.codePointCount(0, s.length())
                        + (unicode ? " code points" : " characters") + "; " + dtype.descr() + " holds " + dtype.length());
            }
            if (!unicode && s.chars().anyMatch(c -> c > 0xFF)) {
                throw new IllegalArgumentException("string " + (off + i) + " holds a character above U+00FF, which "
                        + dtype.descr() + " (bytes) cannot store");
            }
        }
        for (int i = 0; i < len; i++) {
            String s = src[off + i];
            int[] codePoints = s.codePoints().toArray();
            for (int cp : codePoints) {
                if (unicode) {
                    dst.putInt(cp);
                } else {
                    dst.put((byte) cp);
                }
            }
            int pad = (dtype.length() - codePoints.length) * (unicode ? 4 : 1);
            for (int k = 0; k < pad; k++) {
                dst.put((byte) 0);
            }
        }
    }

    /**
     * Copies element bytes, reversing each scalar of {@code scalarSize} bytes when the orders differ.
     *
     * @param src the source bytes, read from position to limit
     * @param from the source byte order
     * @param dst the destination, written at its position
     * @param to the destination byte order
     * @param scalarSize 1, 2, 4, 8 or 16
     */
    public static void copySwapped(ByteBuffer src, ByteOrder from, ByteBuffer dst, ByteOrder to, int scalarSize) {
        ByteBuffer s = src.duplicate().order(from);
        ByteBuffer d = dst.duplicate().order(to);
        int bytes = s.remaining();
        switch (from == to ? 1 : scalarSize) {
            case 1 -> d.put(s);
            case 2 -> d.asShortBuffer().put(s.asShortBuffer());
            case 4 -> d.asIntBuffer().put(s.asIntBuffer());
            case 8 -> d.asLongBuffer().put(s.asLongBuffer());
            default -> {
                // 16-byte long doubles: reverse each scalar by hand, as numpy's byteswap does.
                int start = s.position();
                for (int i = 0; i < bytes; i++) {
                    int scalar = i / scalarSize;
                    int within = i % scalarSize;
                    d.put(s.get(start + scalar * scalarSize + scalarSize - 1 - within));
                }
            }
        }
        dst.position(dst.position() + bytes);
    }

    /** Side of the square tiles a transposition copies at a time: both tiles' lines stay in the L1 cache. */
    private static final int TILE = 32;

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /**
     * Copies an array between C and Fortran layouts: element bytes move, values do not change.
     *
     * <p>Either way this reverses the axes of a C-order array: a Fortran array of shape
     * {@code (d0, ..., dn)} is laid out as the C array of shape {@code (dn, ..., d0)}. The copy walks
     * the input's middle axes in order and moves each plane of its first and last axes in square
     * tiles, so that reads and writes both stay within a few cache lines and pages at a time (an
     * element-by-element walk of a large matrix misses the cache on every element).
     *
     * @param src the elements in the source layout, from position 0
     * @param shape the logical shape
     * @param itemSize bytes per element
     * @param fromFortran true to convert Fortran to C order, false for C to Fortran
     * @return the elements in the other layout, in a new buffer with src's byte order
     */
    public static ByteBuffer transpose(ByteBuffer src, long[] shape, int itemSize, boolean fromFortran) {
        int n = shape.length;
        ByteBuffer dst = ByteBuffer.allocate(src.capacity()).order(src.order());
        if (n < 2 || src.capacity() == 0) {
            return dst.put(src.duplicate().clear()).clear();
        }
        // The input as a C array of shape `in`; the output is the C array of its axes reversed.
        int[] in = new int[n];
        for (int k = 0; k < n; k++) {
            in[k] = Math.toIntExact(shape[fromFortran ? n - 1 - k : k]);
        }
        // Strides in bytes: of input axis k in the input, and of input axis k in the output (where it
        // is output axis n - 1 - k).
        int[] inStride = new int[n];
        int[] outStride = new int[n];
        int s = itemSize;
        for (int k = n - 1; k >= 0; k--) {
            inStride[k] = s;
            s *= in[k];
        }
        s = itemSize;
        for (int k = 0; k < n; k++) {
            outStride[k] = s;
            s *= in[k];
        }
        byte[] from = src.array();
        int fromBase = src.arrayOffset();
        byte[] to = dst.array();
        int rows = in[0];
        int cols = in[n - 1];
        int[] index = new int[n];
        int inAt = 0;
        int outAt = 0;
        while (true) {
            plane(from, fromBase + inAt, inStride[0], to, outAt, outStride[n - 1], rows, cols, itemSize);
            // The next index of the middle axes (1 .. n-2), the last fastest, as the input lies.
            int k = n - 2;
            for (; k >= 1; k--) {
                index[k]++;
                inAt += inStride[k];
                outAt += outStride[k];
                if (index[k] < in[k]) {
                    break;
                }
                inAt -= inStride[k] * in[k];
                outAt -= outStride[k] * in[k];
                index[k] = 0;
            }
            if (k < 1) {
                return dst;
            }
        }
    }

    /**
     * Moves one plane: input element (r, c) at {@code inAt + r * rowStride + c * itemSize} goes to
     * {@code outAt + c * colStride + r * itemSize}, tile by tile.
     */
    private static void plane(byte[] from, int inAt, int rowStride, byte[] to, int outAt, int colStride, int rows,
            int cols, int itemSize) {
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int c = c0; c < c1; c++) {
                    int i = inAt + r0 * rowStride + c * itemSize;
                    int o = outAt + c * colStride + r0 * itemSize;
                    switch (itemSize) {
                        case 4 -> {
                            for (int r = r0; r < r1; r++, i += rowStride, o += 4) {
                                INTS.set(to, o, (int) INTS.get(from, i));
                            }
                        }
                        case 8 -> {
                            for (int r = r0; r < r1; r++, i += rowStride, o += 8) {
                                LONGS.set(to, o, (long) LONGS.get(from, i));
                            }
                        }
                        case 1 -> {
                            for (int r = r0; r < r1; r++, i += rowStride, o++) {
                                to[o] = from[i];
                            }
                        }
                        default -> {
                            for (int r = r0; r < r1; r++, i += rowStride, o += itemSize) {
                                System.arraycopy(from, i, to, o, itemSize);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Reverses the bytes of scalars inside every record of a buffer.
     *
     * @param data the records, back to back
     * @param itemSize bytes per record
     * @param plan runs of {offset in the record, scalar size, scalar count} to reverse
     */
    public static void swapInPlace(byte[] data, int itemSize, List<int[]> plan) {
        if (plan.isEmpty() || itemSize == 0) {
            return;
        }
        for (int base = 0; base + itemSize <= data.length; base += itemSize) {
            for (int[] run : plan) {
                int size = run[1];
                for (int k = 0, at = base + run[0]; k < run[2]; k++, at += size) {
                    for (int lo = at, hi = at + size - 1; lo < hi; lo++, hi--) {
                        byte t = data[lo];
                        data[lo] = data[hi];
                        data[hi] = t;
                    }
                }
            }
        }
    }
}
