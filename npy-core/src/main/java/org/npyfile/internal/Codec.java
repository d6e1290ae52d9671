package org.npyfile.internal;

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

    /**
     * Copies an array between C and Fortran layouts: element bytes move, values do not change.
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
        // Strides of the source layout, in bytes.
        long[] stride = new long[n];
        long s = itemSize;
        for (int k = 0; k < n; k++) {
            int axis = fromFortran ? k : n - 1 - k;
            stride[axis] = s;
            s *= shape[axis];
        }
        // Walk the destination layout in order; its fastest axis is the last (C) or first (Fortran).
        int[] axes = new int[n];
        for (int k = 0; k < n; k++) {
            axes[k] = fromFortran ? n - 1 - k : k;
        }
        long[] index = new long[n];
        byte[] in = src.array();
        int inBase = src.arrayOffset();
        byte[] out = dst.array();
        int fast = axes[0];
        long fastCount = shape[fast];
        long fastStride = stride[fast];
        int o = 0;
        long base = 0;
        int total = src.capacity();
        while (o < total) {
            long p = base;
            for (long i = 0; i < fastCount; i++) {
                System.arraycopy(in, inBase + (int) p, out, o, itemSize);
                o += itemSize;
                p += fastStride;
            }
            for (int k = 1; k < n; k++) {
                int axis = axes[k];
                index[axis]++;
                base += stride[axis];
                if (index[axis] < shape[axis]) {
                    break;
                }
                base -= stride[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return dst;
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
