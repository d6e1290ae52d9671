package org.npyfile.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.npyfile.DType;
import org.npyfile.DType.Kind;
import org.npyfile.NpyTypeException;

/**
 * Value conversions between numeric dtypes with numpy's {@code astype} rules: integers wrap to
 * the target's width, floats truncate toward zero when they become integers and round to nearest
 * when they narrow, complex numbers keep their real part when they become real, anything nonzero
 * (NaN included) is true. In checked mode a value that falls outside the target's range (an
 * integer overflow; NaN, an infinity or a too large float becoming an integer; a finite float
 * becoming infinite; a nonzero imaginary part dropped) throws instead; rounding and truncation are
 * what a cast asks for and still happen.
 *
 * <p>Long doubles go through a double (x87 extended format): a long double becomes the nearest
 * double (ties to even, ±inf and NaN kept), so a long double to long double cast keeps only a
 * double's precision; a double becomes a long double exactly.
 *
 * <p>Where numpy leaves the result undefined (NaN, infinities or out-of-range floats becoming
 * integers), the unchecked cast gives what numpy gives on x86-64 for the signed 32- and 64-bit
 * targets (the most negative value), and the same through a 32-bit (for 8- and 16-bit targets)
 * or 64-bit (for unsigned 32- and 64-bit targets) integer, wrapped, for the others.
 */
public final class Casts {

    private Casts() {
    }

    /**
     * Whether values of one dtype can be cast to another.
     *
     * @param from the source dtype
     * @param to the target dtype
     * @return true for numbers, bools, datetimes and timedeltas of one unit, and identical dtypes
     */
    public static boolean castable(DType from, DType to) {
        if (from.withByteOrder(to.byteOrder()).equals(to)) {
            return true;
        }
        boolean fromTime = from.kind() == Kind.DATETIME || from.kind() == Kind.TIMEDELTA;
        boolean toTime = to.kind() == Kind.DATETIME || to.kind() == Kind.TIMEDELTA;
        if (fromTime && toTime) {
            return false;
        }
        return numeric(from) && numeric(to);
    }

    private static boolean numeric(DType d) {
        return switch (d.kind()) {
            case BOOL, INT, UINT, FLOAT, COMPLEX, DATETIME, TIMEDELTA -> true;
            default -> false;
        };
    }

    /**
     * Casts elements.
     *
     * @param src the source elements, from position to limit, in {@code from}'s byte order
     * @param from the source dtype
     * @param to the target dtype
     * @param count the number of elements
     * @param checked whether out-of-range values throw
     * @return the target elements in a new buffer, in {@code to}'s byte order
     * @throws NpyTypeException if the dtypes cannot be cast ({@link #castable})
     * @throws ArithmeticException in checked mode, naming the first element that does not fit
     */
    public static ByteBuffer cast(ByteBuffer src, DType from, DType to, int count, boolean checked) {
        if (!castable(from, to)) {
            throw new NpyTypeException("cannot cast dtype " + from.descr() + " to " + to.descr()
                    + ": casts go between numbers, bools, datetimes and timedeltas");
        }
        ByteBuffer in = src.slice().order(from.byteOrder());
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(count, to.itemSize())).order(to.byteOrder());
        if (from.withByteOrder(to.byteOrder()).equals(to)) {
            Codec.copySwapped(in, from.byteOrder(), out, to.byteOrder(), Math.max(1, from.scalarSize()));
            return out.clear();
        }
        int fromSize = from.itemSize();
        for (int i = 0; i < count; i++) {
            int at = i * fromSize;
            switch (from.kind()) {
                case COMPLEX -> {
                    double re = readFloat(in, at, fromSize / 2);
                    double im = readFloat(in, at + fromSize / 2, fromSize / 2);
                    if (to.kind() == Kind.COMPLEX) {
                        writeFloat(out, re, to.itemSize() / 2, checked, i);
                        writeFloat(out, im, to.itemSize() / 2, checked, i);
                    } else if (to.kind() == Kind.BOOL) {
                        out.put((byte) (re != 0 || im != 0 ? 1 : 0));
                    } else {
                        if (checked && im != 0 && !Double.isNaN(im)) {
                            throw new ArithmeticException("element " + i + " has the imaginary part " + im
                                    + ", which " + to.descr() + " cannot keep");
                        }
                        writeReal(out, to, re, checked, i);
                    }
                }
                case FLOAT -> writeReal(out, to, readFloat(in, at, fromSize), checked, i);
                default -> writeInteger(out, to, readInteger(in, at, from), unsigned64(from), checked, i);
            }
        }
        return out.flip();
    }

    private static boolean unsigned64(DType d) {
        return d.kind() == Kind.UINT && d.itemSize() == 8;
    }

    private static double readFloat(ByteBuffer in, int at, int size) {
        return switch (size) {
            case 2 -> Float16.toFloat(in.getShort(at));
            case 4 -> in.getFloat(at);
            case 8 -> in.getDouble(at);
            default -> LongDoubles.toDouble(in, at, in.order(), LongDoubles.Format.X87_EXTENDED);
        };
    }

    /** Any integer, bool or time value as a long: raw bits for uint64, zero-extended for smaller unsigned. */
    private static long readInteger(ByteBuffer in, int at, DType d) {
        if (d.kind() == Kind.BOOL) {
            return in.get(at) != 0 ? 1 : 0;
        }
        boolean unsigned = d.kind() == Kind.UINT;
        return switch (d.itemSize()) {
            case 1 -> unsigned ? in.get(at) & 0xFFL : in.get(at);
            case 2 -> unsigned ? in.getShort(at) & 0xFFFFL : in.getShort(at);
            case 4 -> unsigned ? in.getInt(at) & 0xFFFF_FFFFL : in.getInt(at);
            default -> in.getLong(at);
        };
    }

    private static void writeReal(ByteBuffer out, DType to, double value, boolean checked, int index) {
        switch (to.kind()) {
            case BOOL -> out.put((byte) (value != 0 ? 1 : 0));
            case FLOAT -> writeFloat(out, value, to.itemSize(), checked, index);
            case COMPLEX -> {
                writeFloat(out, value, to.itemSize() / 2, checked, index);
                writeFloat(out, 0, to.itemSize() / 2, checked, index);
            }
            default -> writeTruncated(out, to, value, checked, index);
        }
    }

    private static void writeFloat(ByteBuffer out, double value, int size, boolean checked, int index) {
        switch (size) {
            case 2 -> {
                short half = Float16.fromDouble(value);
                if (checked && Float.isInfinite(Float16.toFloat(half)) && Double.isFinite(value)) {
                    throw overflow(index, value, "float16");
                }
                out.putShort(half);
            }
            case 4 -> {
                float f = (float) value;
                if (checked && Float.isInfinite(f) && Double.isFinite(value)) {
                    throw overflow(index, value, "float32");
                }
                out.putFloat(f);
            }
            case 8 -> out.putDouble(value);
            default -> {
                LongDoubles.fromDouble(value, out, out.position(), out.order(), LongDoubles.Format.X87_EXTENDED);
                out.position(out.position() + LongDoubles.SIZE);
            }
        }
    }

    /** A float becoming an integer: truncation toward zero; see the class comment for what does not fit. */
    private static void writeTruncated(ByteBuffer out, DType to, double value, boolean checked, int index) {
        int size = to.itemSize();
        boolean unsigned = to.kind() == Kind.UINT;
        double t = value < 0 ? Math.ceil(value) : Math.floor(value);
        if (checked) {
            boolean fits = !Double.isNaN(value) && t >= minimum(size, unsigned) && t <= maximum(size, unsigned);
            if (!fits) {
                throw overflow(index, value, to.descr());
            }
            if (unsigned && size == 8) {
                out.putLong(new BigDecimal(t).toBigInteger().longValue());
            } else {
                putInteger(out, (long) t, size);
            }
            return;
        }
        long bits;
        if (size == 8 && unsigned) {
            // In range: exact; otherwise through a signed 64-bit conversion, as x86-64 does.
            bits = t >= 0x1p63 && t < 0x1p64 ? new BigDecimal(t).toBigInteger().longValue() : x86Long(t);
        } else if (size == 8 || unsigned && size == 4) {
            bits = x86Long(t);
        } else {
            bits = x86Int(t);
        }
        putInteger(out, bits, size);
    }

    /** cvttsd2si with a 64-bit result: the most negative long for NaN and out-of-range values. */
    private static long x86Long(double t) {
        return Double.isNaN(t) || t >= 0x1p63 || t < -0x1p63 ? Long.MIN_VALUE : (long) t;
    }

    /** cvttsd2si with a 32-bit result: the most negative int for NaN and out-of-range values. */
    private static long x86Int(double t) {
        return Double.isNaN(t) || t >= 0x1p31 || t < -0x1p31 ? Integer.MIN_VALUE : (long) t;
    }

    private static double minimum(int size, boolean unsigned) {
        return unsigned ? 0 : -Math.scalb(1.0, size * 8 - 1);
    }

    private static double maximum(int size, boolean unsigned) {
        // The largest double below 2^bits (or 2^(bits-1)): the next integer up no longer fits.
        return Math.nextDown(Math.scalb(1.0, size * 8 - (unsigned ? 0 : 1)));
    }

    private static void writeInteger(ByteBuffer out, DType to, long value, boolean unsigned64, boolean checked,
            int index) {
        int size = to.itemSize();
        switch (to.kind()) {
            case BOOL -> out.put((byte) (value != 0 ? 1 : 0));
            case FLOAT -> writeFloatFromInteger(out, value, unsigned64, size, checked, index);
            case COMPLEX -> {
                writeFloatFromInteger(out, value, unsigned64, size / 2, checked, index);
                writeFloat(out, 0, size / 2, checked, index);
            }
            default -> {
                if (checked && !fits(value, unsigned64, size, to.kind() == Kind.UINT)) {
                    throw new ArithmeticException("element " + index + " is "
                            + (unsigned64 ? Long.toUnsignedString(value) : Long.toString(value))
                            + ", outside the range of " + to.descr());
                }
                putInteger(out, value, size);
            }
        }
    }

    private static boolean fits(long value, boolean unsigned64, int size, boolean unsigned) {
        if (unsigned64 && value < 0) {
            // 2^63 and above: only uint64 holds it.
            return unsigned && size == 8;
        }
        if (unsigned) {
            return value >= 0 && (size == 8 || value < 1L << (size * 8));
        }
        return size == 8 || value >= -(1L << (size * 8 - 1)) && value < 1L << (size * 8 - 1);
    }

    private static void writeFloatFromInteger(ByteBuffer out, long value, boolean unsigned64, int size,
            boolean checked, int index) {
        boolean big = unsigned64 && value < 0;
        switch (size) {
            case 4 -> out.putFloat(big ? new BigInteger(Long.toUnsignedString(value)).floatValue() : (float) value);
            case 8 -> out.putDouble(big ? new BigInteger(Long.toUnsignedString(value)).doubleValue() : (double) value);
            case 2 -> writeFloat(out, big ? new BigInteger(Long.toUnsignedString(value)).doubleValue() : (double) value,
                    2, checked, index);
            default -> {
                // A long double holds every 64-bit integer exactly.
                BigDecimal exact = new BigDecimal(big ? new BigInteger(Long.toUnsignedString(value)) : BigInteger.valueOf(value));
                LongDoubles.fromBigDecimal(exact, out, out.position(), out.order(), LongDoubles.Format.X87_EXTENDED);
                out.position(out.position() + LongDoubles.SIZE);
            }
        }
    }

    private static void putInteger(ByteBuffer out, long bits, int size) {
        switch (size) {
            case 1 -> out.put((byte) bits);
            case 2 -> out.putShort((short) bits);
            case 4 -> out.putInt((int) bits);
            default -> out.putLong(bits);
        }
    }

    private static ArithmeticException overflow(int index, double value, String target) {
        return new ArithmeticException("element " + index + " is " + value + ", outside the range of " + target);
    }
}
