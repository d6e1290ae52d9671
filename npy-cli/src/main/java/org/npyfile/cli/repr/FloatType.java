package org.npyfile.cli.repr;

import java.math.BigInteger;

/**
 * The IEEE 754 binary formats numpy stores, described by their bit fields: what Dragon4 needs to
 * split a value into an integer significand and a power of two.
 */
public enum FloatType implements FloatDType {
    /** binary16, numpy's {@code float16}: 5 exponent bits, 10 fraction bits. */
    HALF(5, 10),
    /** binary32, numpy's {@code float32}. */
    SINGLE(8, 23),
    /** binary64, numpy's {@code float64}. */
    DOUBLE(11, 52);

    private final int exponentBits;
    private final int fractionBits;

    FloatType(int exponentBits, int fractionBits) {
        this.exponentBits = exponentBits;
        this.fractionBits = fractionBits;
    }

    /**
     * The type whose values have this many bytes.
     *
     * @param bytes 2, 4 or 8
     * @return the type
     * @throws IllegalArgumentException for another size
     */
    public static FloatType ofSize(int bytes) {
        return switch (bytes) {
            case 2 -> HALF;
            case 4 -> SINGLE;
            case 8 -> DOUBLE;
            default -> throw new IllegalArgumentException("no IEEE float of " + bytes + " bytes");
        };
    }

    private int bias() {
        return (1 << (exponentBits - 1)) - 1;
    }

    private long fraction(long bits) {
        return bits & ((1L << fractionBits) - 1);
    }

    private int biasedExponent(long bits) {
        return (int) ((bits >>> fractionBits) & ((1 << exponentBits) - 1));
    }

    /**
     * Whether the sign bit is set (also for {@code -0.0} and NaNs with the bit set).
     *
     * @param bits the value's bits in the low bits of the long
     * @return the sign bit
     */
    public boolean signBit(long bits) {
        return ((bits >>> (exponentBits + fractionBits)) & 1) != 0;
    }

    /**
     * Whether the value is neither infinite nor NaN.
     *
     * @param bits the value's bits
     * @return true for finite values
     */
    public boolean isFinite(long bits) {
        return biasedExponent(bits) != (1 << exponentBits) - 1;
    }

    /**
     * Whether the value is a NaN.
     *
     * @param bits the value's bits
     * @return true for NaN
     */
    public boolean isNaN(long bits) {
        return !isFinite(bits) && fraction(bits) != 0;
    }

    /**
     * The value as a double, which holds every value of every type exactly.
     *
     * @param bits the value's bits
     * @return the value
     */
    public double toDouble(long bits) {
        return switch (this) {
            case DOUBLE -> Double.longBitsToDouble(bits);
            case SINGLE -> Float.intBitsToFloat((int) bits);
            case HALF -> halfToDouble(bits);
        };
    }

    private double halfToDouble(long bits) {
        double sign = signBit(bits) ? -1 : 1;
        int e = biasedExponent(bits);
        long f = fraction(bits);
        if (e == 31) {
            return f == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (e == 0) {
            return sign * Math.scalb((double) f, -24);
        }
        return sign * Math.scalb((double) (f | 1 << 10), e - 25);
    }

    /**
     * A double rounded to the nearest value of this type (ties to even), as numpy converts a
     * Python float before comparing it with a scalar of this type.
     *
     * @param value the value
     * @return the nearest value of this type, as a double
     */
    public double round(double value) {
        return switch (this) {
            case DOUBLE -> value;
            case SINGLE -> (float) value;
            case HALF -> roundToHalf(value);
        };
    }

    private static double roundToHalf(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return value;
        }
        double magnitude = Math.abs(value);
        // binary16 keeps 11 significant bits; below 2^-14 the spacing stays 2^-24
        int exponent = Math.max(Math.getExponent(magnitude), -14);
        double ulp = Math.scalb(1.0, exponent - 10);
        double rounded = Math.rint(magnitude / ulp) * ulp;
        if (rounded >= 65536) { // past the largest half, 65504
            rounded = Double.POSITIVE_INFINITY;
        }
        return Math.copySign(rounded, value);
    }

    /**
     * The bits of a value of this type.
     *
     * @param value a value this type holds exactly (any value {@link #toDouble(long)} returned)
     * @return its bits in the low bits of the long
     */
    public long bits(double value) {
        return switch (this) {
            case DOUBLE -> Double.doubleToRawLongBits(value);
            case SINGLE -> Float.floatToRawIntBits((float) value) & 0xffff_ffffL;
            case HALF -> halfBits(value);
        };
    }

    private static long halfBits(double value) {
        long sign = Double.doubleToRawLongBits(value) < 0 ? 0x8000 : 0;
        double magnitude = Math.abs(value);
        if (Double.isNaN(value)) {
            return 0x7e00;
        }
        if (Double.isInfinite(magnitude)) {
            return sign | 0x7c00;
        }
        if (magnitude < 0x1p-14) {
            return sign | (long) (magnitude * 0x1p24);
        }
        int exponent = Math.getExponent(magnitude);
        long fraction = (long) ((magnitude / Math.scalb(1.0, exponent) - 1) * 1024);
        return sign | (long) (exponent + 15) << 10 | fraction;
    }

    /**
     * Splits a value into its sign, kind and integer significand, as numpy's Dragon4 splits it.
     *
     * @param bits the value's bits in the low bits of the long
     * @return the value
     */
    public FloatValue value(long bits) {
        boolean negative = signBit(bits);
        long f = fraction(bits);
        int e = biasedExponent(bits);
        if (!isFinite(bits)) {
            return FloatValue.special(negative, f != 0);
        }
        int shift = bias() + fractionBits;
        if (e != 0) {
            return new FloatValue(negative, FloatValue.Kind.FINITE, BigInteger.valueOf((1L << fractionBits) | f),
                    e - shift, e != 1 && f == 0);
        }
        return new FloatValue(negative, FloatValue.Kind.FINITE, BigInteger.valueOf(f), 1 - shift, false);
    }

    @Override
    public int decimalPrecision() {
        return switch (this) {
            case HALF -> 3;
            case SINGLE -> 6;
            case DOUBLE -> 15;
        };
    }

    @Override
    public FloatValue fromDouble(double value) {
        return value(bits(round(value)));
    }

    @Override
    public boolean quotientAbove(FloatValue larger, FloatValue smaller, int bound) {
        // numpy divides float16 scalars in float32 and rounds the quotient to float16
        FloatValue quotient = this == HALF ? larger.divide(smaller, SINGLE.fractionBits + 1).round(fractionBits + 1)
                : larger.divide(smaller, fractionBits + 1);
        return quotient.compareMagnitude(bound) > 0;
    }

    @Override
    public long scalarPositionalLimit() {
        return switch (this) {
            case HALF -> 1_000L;
            case SINGLE -> 1_000_000L;
            case DOUBLE -> 10_000_000_000_000_000L;
        };
    }
}
