package org.npyfile.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * numpy's {@code longdouble} ({@code <f16}, {@code >f16}, and each half of {@code <c32}): 16 bytes
 * whose meaning the header cannot tell. numpy on x86-64 Linux and macOS (Intel) writes the x87
 * 80-bit extended format padded to 16 bytes ({@link Format#X87_EXTENDED}, the default); numpy on
 * aarch64 Linux, ppc64le and s390x writes IEEE 754 binary128 ({@link Format#BINARY128}).
 *
 * <p>Decoding gives the exact value ({@link #toBigDecimal}) or the nearest double with round half
 * to even ({@link #toDouble}: overflow to infinity, subnormal doubles right, infinities and NaN
 * kept); encoding takes a double (exactly: every double is a long double) or a {@link BigDecimal}
 * (rounded half to even). A big-endian value is the 16 bytes reversed, as numpy byte-swaps it.
 */
public final class LongDoubles {

    /** The bytes of one value in a file. */
    public static final int SIZE = 16;

    /** Both formats share binary128's exponent: 15 bits, bias 16383. */
    private static final int BIAS = 16383;
    private static final int MAX_BIASED = 0x7FFF;

    /** The binary layout of a long double. */
    public enum Format {
        /**
         * x87 80-bit extended precision in the low 10 bytes (64-bit significand with an explicit
         * integer bit, then sign and 15-bit exponent), 6 bytes of padding: numpy on x86-64.
         */
        X87_EXTENDED(64),
        /** IEEE 754 binary128 (113-bit significand, 112 bits stored): numpy on aarch64 Linux. */
        BINARY128(113);

        private final int precision;

        Format(int precision) {
            this.precision = precision;
        }

        /**
         * Significant bits of a normal value.
         *
         * @return 64 or 113
         */
        public int precision() {
            return precision;
        }

        /** The exponent of the last bit of a subnormal: the smallest step. */
        int quantumExponent() {
            return 1 - BIAS - (precision - 1);
        }
    }

    /** What a value is. */
    public enum Kind {
        /** A number (zero included). */
        FINITE,
        /** Positive infinity. */
        POSITIVE_INFINITY,
        /** Negative infinity. */
        NEGATIVE_INFINITY,
        /** Not a number (for x87, also the unnormal encodings the FPU rejects as invalid). */
        NAN
    }

    /**
     * A decoded value: {@code (-1)^negative * significand * 2^exponent} when finite.
     *
     * @param kind finite, an infinity or NaN
     * @param negative the sign bit (also for zero and NaN)
     * @param significand the integer significand, non-negative (zero for non-finite values)
     * @param exponent the power of two of the significand's last bit
     */
    public record Parts(Kind kind, boolean negative, BigInteger significand, int exponent) {
    }

    private LongDoubles() {
    }

    /** The 16 bytes at an index as a little-endian pair: low 8 bytes, high 8 bytes. */
    private static long[] words(ByteBuffer buf, int index, ByteOrder order) {
        long first = buf.order(order).getLong(index);
        long second = buf.getLong(index + 8);
        return order == ByteOrder.LITTLE_ENDIAN ? new long[] {first, second} : new long[] {second, first};
    }

    /**
     * Splits the value at an index into its parts.
     *
     * @param buf the data (its byte order is changed)
     * @param index the value's first byte
     * @param order the file's byte order
     * @param format the layout
     * @return the parts
     */
    public static Parts decode(ByteBuffer buf, int index, ByteOrder order, Format format) {
        long[] w = words(buf, index, order);
        long low = w[0];
        long high = w[1];
        if (format == Format.X87_EXTENDED) {
            int signExp = (int) (high & 0xFFFF);
            boolean negative = (signExp & 0x8000) != 0;
            int biased = signExp & MAX_BIASED;
            boolean integerBit = low < 0;
            if (biased == MAX_BIASED) {
                if ((low << 1) == 0 && integerBit) {
                    return new Parts(negative ? Kind.NEGATIVE_INFINITY : Kind.POSITIVE_INFINITY, negative,
                            BigInteger.ZERO, 0);
                }
                return new Parts(Kind.NAN, negative, BigInteger.ZERO, 0);
            }
            if (biased != 0 && !integerBit) {
                return new Parts(Kind.NAN, negative, BigInteger.ZERO, 0);
            }
            BigInteger significand = unsigned(low);
            return new Parts(Kind.FINITE, negative, significand, Math.max(biased, 1) - BIAS - 63);
        }
        boolean negative = high < 0;
        int biased = (int) ((high >>> 48) & MAX_BIASED);
        long fractionHigh = high & 0xFFFF_FFFF_FFFFL;
        if (biased == MAX_BIASED) {
            if (fractionHigh == 0 && low == 0) {
                return new Parts(negative ? Kind.NEGATIVE_INFINITY : Kind.POSITIVE_INFINITY, negative, BigInteger.ZERO,
                        0);
            }
            return new Parts(Kind.NAN, negative, BigInteger.ZERO, 0);
        }
        BigInteger significand = BigInteger.valueOf(fractionHigh).shiftLeft(64).or(unsigned(low));
        if (biased != 0) {
            significand = significand.setBit(112);
        }
        return new Parts(Kind.FINITE, negative, significand, Math.max(biased, 1) - BIAS - 112);
    }

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
        return v < 0 ? b.setBit(63) : b;
    }

    /**
     * The exact value.
     *
     * @param buf the data
     * @param index the value's first byte
     * @param order the file's byte order
     * @param format the layout
     * @return the value (a negative zero is 0)
     * @throws ArithmeticException for an infinity or NaN, which BigDecimal cannot hold; the message
     *     is {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}
     */
    public static BigDecimal toBigDecimal(ByteBuffer buf, int index, ByteOrder order, Format format) {
        Parts p = decode(buf, index, order, format);
        switch (p.kind()) {
            case NAN -> throw new ArithmeticException("NaN");
            case POSITIVE_INFINITY -> throw new ArithmeticException("Infinity");
            case NEGATIVE_INFINITY -> throw new ArithmeticException("-Infinity");
            default -> { }
        }
        BigDecimal value = p.exponent() >= 0 ? new BigDecimal(p.significand().shiftLeft(p.exponent()))
                : new BigDecimal(p.significand().multiply(BigInteger.valueOf(5).pow(-p.exponent())), -p.exponent());
        return p.negative() ? value.negate() : value;
    }

    /**
     * The double nearest the value, ties to even.
     *
     * @param buf the data
     * @param index the value's first byte
     * @param order the file's byte order
     * @param format the layout
     * @return the double; infinities and NaN kept, overflow gives an infinity
     */
    public static double toDouble(ByteBuffer buf, int index, ByteOrder order, Format format) {
        Parts p = decode(buf, index, order, format);
        return switch (p.kind()) {
            case NAN -> Double.NaN;
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            default -> toDouble(p.negative(), p.significand(), p.exponent());
        };
    }

    /** significand * 2^exponent rounded half to even to a double. */
    static double toDouble(boolean negative, BigInteger significand, int exponent) {
        double sign = negative ? -1.0 : 1.0;
        if (significand.signum() == 0) {
            return sign * 0.0;
        }
        int top = exponent + significand.bitLength() - 1;
        if (top > Double.MAX_EXPONENT) {
            return sign * Double.POSITIVE_INFINITY;
        }
        int lsb = Math.max(top - 52, -1074);
        BigInteger m = roundHalfEven(significand, lsb - exponent);
        if (m.bitLength() > 53) {
            m = m.shiftRight(1);
            lsb++;
        }
        long bits;
        if (m.bitLength() < 53) {
            bits = m.longValue();
        } else {
            long biased = lsb + 52L + Double.MAX_EXPONENT;
            if (biased > 2046) {
                return sign * Double.POSITIVE_INFINITY;
            }
            bits = biased << 52 | (m.longValue() & ((1L << 52) - 1));
        }
        return sign * Double.longBitsToDouble(bits);
    }

    /** value / 2^shift rounded half to even (value * 2^-shift exactly when shift is not positive). */
    private static BigInteger roundHalfEven(BigInteger value, int shift) {
        if (shift <= 0) {
            return value.shiftLeft(-shift);
        }
        BigInteger q = value.shiftRight(shift);
        boolean half = value.testBit(shift - 1);
        boolean rest = value.getLowestSetBit() < shift - 1;
        if (half && (rest || q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        return q;
    }

    /**
     * Writes a double exactly.
     *
     * @param value the value (NaN is written as the default quiet NaN, its payload's top bits kept)
     * @param buf the destination
     * @param index where the 16 bytes go
     * @param order the file's byte order
     * @param format the layout
     */
    public static void fromDouble(double value, ByteBuffer buf, int index, ByteOrder order, Format format) {
        long bits = Double.doubleToRawLongBits(value);
        boolean negative = bits < 0;
        if (Double.isNaN(value)) {
            long payload = bits & ((1L << 52) - 1);
            BigInteger sig = format == Format.X87_EXTENDED ? BigInteger.valueOf(payload).shiftLeft(11).setBit(63)
                    : BigInteger.valueOf(payload).shiftLeft(60);
            put(negative, MAX_BIASED, sig, buf, index, order, format);
            return;
        }
        if (Double.isInfinite(value)) {
            put(negative, MAX_BIASED, format == Format.X87_EXTENDED ? BigInteger.ONE.shiftLeft(63) : BigInteger.ZERO,
                    buf, index, order, format);
            return;
        }
        int biasedDouble = (int) ((bits >>> 52) & 0x7FF);
        long fraction = bits & ((1L << 52) - 1);
        long significand = biasedDouble == 0 ? fraction : fraction | 1L << 52;
        int exponent = Math.max(biasedDouble, 1) - 1075;
        encode(negative, BigInteger.valueOf(significand), exponent, buf, index, order, format);
    }

    /**
     * Writes the long double nearest a decimal, ties to even.
     *
     * @param value the value
     * @param buf the destination
     * @param index where the 16 bytes go
     * @param order the file's byte order
     * @param format the layout
     */
    public static void fromBigDecimal(BigDecimal value, ByteBuffer buf, int index, ByteOrder order, Format format) {
        boolean negative = value.signum() < 0;
        BigDecimal magnitude = value.abs();
        if (magnitude.signum() == 0) {
            put(negative, 0, BigInteger.ZERO, buf, index, order, format);
            return;
        }
        // Decimal exponent of the leading digit; far outside 1e-4966..1e4933 the result is 0 or inf.
        long leading = (long) magnitude.precision() - magnitude.scale() - 1;
        if (leading > 4940) {
            put(negative, MAX_BIASED, format == Format.X87_EXTENDED ? BigInteger.ONE.shiftLeft(63) : BigInteger.ZERO,
                    buf, index, order, format);
            return;
        }
        if (leading < -4990) {
            put(negative, 0, BigInteger.ZERO, buf, index, order, format);
            return;
        }
        BigInteger n = magnitude.unscaledValue();
        BigInteger d = BigInteger.ONE;
        if (magnitude.scale() < 0) {
            n = n.multiply(BigInteger.TEN.pow(-magnitude.scale()));
        } else {
            d = BigInteger.TEN.pow(magnitude.scale());
        }
        // top: the exponent of the leading bit of n/d
        int top = n.bitLength() - d.bitLength();
        if (top >= 0 ? n.compareTo(d.shiftLeft(top)) < 0 : n.shiftLeft(-top).compareTo(d) < 0) {
            top--;
        }
        int lsb = Math.max(top - (format.precision() - 1), format.quantumExponent());
        BigInteger scaledN = lsb <= 0 ? n.shiftLeft(-lsb) : n;
        BigInteger scaledD = lsb > 0 ? d.shiftLeft(lsb) : d;
        BigInteger[] qr = scaledN.divideAndRemainder(scaledD);
        BigInteger q = qr[0];
        int cmp = qr[1].shiftLeft(1).compareTo(scaledD);
        if (cmp > 0 || cmp == 0 && q.testBit(0)) {
            q = q.add(BigInteger.ONE);
        }
        encode(negative, q, lsb, buf, index, order, format);
    }

    /** Writes significand * 2^exponent, where the significand has at most precision (+1 after rounding) bits. */
    private static void encode(boolean negative, BigInteger significand, int exponent, ByteBuffer buf, int index,
            ByteOrder order, Format format) {
        int p = format.precision();
        if (significand.signum() == 0) {
            put(negative, 0, BigInteger.ZERO, buf, index, order, format);
            return;
        }
        // normalize to exactly p bits unless subnormal
        int shift = p - significand.bitLength();
        int lsb = exponent - shift;
        if (lsb < format.quantumExponent()) {
            int up = format.quantumExponent() - exponent;
            significand = roundHalfEven(significand, up);
            exponent = format.quantumExponent();
            if (significand.bitLength() < p) {
                put(negative, 0, significand, buf, index, order, format);
                return;
            }
            shift = p - significand.bitLength();
            lsb = exponent - shift;
        }
        significand = shift >= 0 ? significand.shiftLeft(shift) : roundHalfEven(significand, -shift);
        if (significand.bitLength() > p) {
            significand = significand.shiftRight(1);
            lsb++;
        }
        long biased = (long) lsb + (p - 1) + BIAS;
        if (biased >= MAX_BIASED) {
            put(negative, MAX_BIASED, format == Format.X87_EXTENDED ? BigInteger.ONE.shiftLeft(63) : BigInteger.ZERO,
                    buf, index, order, format);
            return;
        }
        if (format == Format.BINARY128) {
            significand = significand.clearBit(112);
        }
        put(negative, (int) biased, significand, buf, index, order, format);
    }

    /** Stores sign, biased exponent and stored significand bits (x87: with the integer bit). */
    private static void put(boolean negative, int biased, BigInteger significand, ByteBuffer buf, int index,
            ByteOrder order, Format format) {
        long low = significand.longValue();
        long high;
        if (format == Format.X87_EXTENDED) {
            high = (negative ? 0x8000L : 0) | biased;
        } else {
            high = (negative ? Long.MIN_VALUE : 0) | (long) biased << 48 | significand.shiftRight(64).longValue();
        }
        if (order == ByteOrder.LITTLE_ENDIAN) {
            buf.order(order).putLong(index, low).putLong(index + 8, high);
        } else {
            buf.order(order).putLong(index, high).putLong(index + 8, low);
        }
    }
}
