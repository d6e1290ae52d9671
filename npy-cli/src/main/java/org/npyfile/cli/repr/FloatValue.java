package org.npyfile.cli.repr;

import java.math.BigInteger;

/**
 * One value of a binary floating-point type as numpy's printing sees it: the sign bit, whether it is
 * a number, an infinity or NaN, and a number as {@code significand * 2^exponent} — the integer form
 * numpy's Dragon4 starts from, whatever the type's width ({@link FloatType} for the IEEE types,
 * {@link LongDouble} for the x87 extended format).
 *
 * @param negative the sign bit (also of {@code -0.0} and of NaNs)
 * @param kind a number, an infinity or NaN
 * @param significand a number's integer significand, non-negative (zero for infinities and NaN)
 * @param exponent the power of two of the significand's last bit
 * @param unequalMargins whether the next smaller value is half as far away as the next larger one
 *     (a power of two above the smallest normal exponent), which Dragon4's margins must know
 */
public record FloatValue(boolean negative, Kind kind, BigInteger significand, int exponent,
        boolean unequalMargins) {

    /** Significant bits of a normal double. */
    private static final int DOUBLE_PRECISION = 53;

    /** The power of two of the smallest subnormal double's bit. */
    private static final int MIN_DOUBLE_EXPONENT = -1074;

    /** What a value is. */
    public enum Kind {
        /** A number, zero included. */
        FINITE,
        /** An infinity, of either sign. */
        INFINITE,
        /** Not a number. */
        NAN
    }

    /**
     * An infinity or NaN.
     *
     * @param negative the sign bit
     * @param nan NaN rather than an infinity
     * @return the value
     */
    static FloatValue special(boolean negative, boolean nan) {
        return new FloatValue(negative, nan ? Kind.NAN : Kind.INFINITE, BigInteger.ZERO, 0, false);
    }

    /**
     * Whether the value is a number.
     *
     * @return false for infinities and NaN
     */
    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    /**
     * Whether the value is NaN.
     *
     * @return true for NaN
     */
    public boolean isNaN() {
        return kind == Kind.NAN;
    }

    /**
     * Whether the value is a zero of either sign.
     *
     * @return true for {@code 0.0} and {@code -0.0}
     */
    public boolean isZero() {
        return kind == Kind.FINITE && significand.signum() == 0;
    }

    /**
     * The nearest double, ties to even: what numpy's cast to {@code float64} gives.
     *
     * @return the double; infinities and NaN kept, overflow to an infinity, underflow through the
     *     subnormal doubles to a zero of the same sign
     */
    public double toDouble() {
        if (kind != Kind.FINITE) {
            return kind == Kind.NAN ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double magnitude = 0;
        if (significand.signum() != 0) {
            int top = significand.bitLength() - 1 + exponent;
            // the power of two of the last bit a double keeps: 53 bits, or fewer below the normal range
            int last = Math.max(top - (DOUBLE_PRECISION - 1), MIN_DOUBLE_EXPONENT);
            BigInteger kept = significand;
            int keptExponent = exponent;
            if (exponent < last) {
                int shift = last - exponent;
                kept = significand.shiftRight(shift);
                int half = significand.subtract(kept.shiftLeft(shift)).compareTo(BigInteger.ONE.shiftLeft(shift - 1));
                if (half > 0 || half == 0 && kept.testBit(0)) {
                    kept = kept.add(BigInteger.ONE);
                }
                keptExponent = last;
            }
            // at most 2^53, exact in a double; beyond the largest double scalb gives infinity
            magnitude = Math.scalb((double) kept.longValueExact(), keptExponent);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * Compares two values that are not NaN by the numbers they stand for.
     *
     * @param other a value that is not NaN
     * @return negative, zero or positive as this is below, equal to or above {@code other}
     *     ({@code -0.0} equals {@code 0.0})
     * @throws IllegalArgumentException if either value is NaN
     */
    public int compareNumber(FloatValue other) {
        if (isNaN() || other.isNaN()) {
            throw new IllegalArgumentException("NaN has no order");
        }
        int sign = Integer.compare(signum(), other.signum());
        if (sign != 0 || kind == Kind.INFINITE || isZero()) {
            return sign;
        }
        return negative ? other.compareMagnitude(this) : compareMagnitude(other);
    }

    /** -2 for minus infinity, -1 for a negative number, 0 for zeros, 1 and 2 above. */
    private int signum() {
        int magnitude = kind == Kind.INFINITE ? 2 : significand.signum();
        return negative ? -magnitude : magnitude;
    }

    /**
     * Compares the magnitudes of two numbers exactly.
     *
     * @param other another finite value
     * @return negative, zero or positive as {@code |this|} is below, equal to or above {@code |other|}
     */
    int compareMagnitude(FloatValue other) {
        return compare(significand, exponent, other.significand, other.exponent);
    }

    /**
     * Compares a number's magnitude with an integer exactly.
     *
     * @param integer a non-negative integer
     * @return negative, zero or positive as {@code |this|} is below, equal to or above it
     */
    int compareMagnitude(long integer) {
        return compare(significand, exponent, BigInteger.valueOf(integer), 0);
    }

    /**
     * A positive number.
     *
     * @param significand the integer significand
     * @param exponent its power of two
     * @return the value, with equal margins (only for arithmetic, not for printing)
     */
    static FloatValue number(BigInteger significand, int exponent) {
        return new FloatValue(false, Kind.FINITE, significand, exponent, false);
    }

    /**
     * {@code |this| / |divisor|} rounded to nearest, ties to even, to a number of significant
     * bits, as a binary division rounds it where its exponent range does not matter.
     *
     * @param divisor a finite non-zero value
     * @param bits the significant bits of the result
     * @return the rounded quotient, positive
     */
    FloatValue divide(FloatValue divisor, int bits) {
        BigInteger b = divisor.significand;
        // enough quotient bits to round: the kept ones, a rounding bit, and the remainder as sticky bit
        int shift = Math.max(0, bits + 2 + b.bitLength() - significand.bitLength());
        BigInteger[] qr = significand.shiftLeft(shift).divideAndRemainder(b);
        return rounded(qr[0], qr[1].signum() != 0, exponent - divisor.exponent - shift, bits);
    }

    /**
     * {@code |this|} rounded to nearest, ties to even, to a number of significant bits.
     *
     * @param bits the significant bits to keep
     * @return the rounded magnitude
     */
    FloatValue round(int bits) {
        return rounded(significand, false, exponent, bits);
    }

    /** {@code q * 2^e}, a little more if {@code sticky}, rounded to {@code bits} significant bits. */
    private static FloatValue rounded(BigInteger q, boolean sticky, int e, int bits) {
        int extra = q.bitLength() - bits;
        if (extra <= 0) {
            return number(q, e);
        }
        BigInteger kept = q.shiftRight(extra);
        int half = q.subtract(kept.shiftLeft(extra)).compareTo(BigInteger.ONE.shiftLeft(extra - 1));
        boolean up = half > 0 || half == 0 && (sticky || kept.testBit(0));
        return number(up ? kept.add(BigInteger.ONE) : kept, e + extra);
    }

    /**
     * Compares {@code a * 2^ea} with {@code b * 2^eb} exactly.
     *
     * @param a a non-negative integer
     * @param ea its power of two
     * @param b a non-negative integer
     * @param eb its power of two
     * @return negative, zero or positive as the first is below, equal to or above the second
     */
    static int compare(BigInteger a, int ea, BigInteger b, int eb) {
        if (a.signum() == 0 || b.signum() == 0) {
            return Integer.compare(a.signum(), b.signum());
        }
        // a quick answer from the positions of the highest bits, else an exact one at a common exponent
        long topA = (long) a.bitLength() + ea;
        long topB = (long) b.bitLength() + eb;
        if (topA != topB) {
            return Long.compare(topA, topB);
        }
        int common = Math.min(ea, eb);
        return a.shiftLeft(ea - common).compareTo(b.shiftLeft(eb - common));
    }
}
