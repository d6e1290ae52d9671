package org.npyfile.cli.repr;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * numpy's {@code longdouble} ({@code f16}, and each half of {@code c32}) as numpy on x86-64 stores
 * and prints it: the x87 80-bit extended format — a 64-bit significand with an explicit integer bit,
 * then a sign bit and a 15-bit exponent (bias 16383) — in the low 10 bytes of 16, the other 6 bytes
 * padding that nothing reads. A big-endian value is the 16 bytes reversed.
 *
 * <p>Values split as numpy's {@code Dragon4_PrintFloat_Intel_extended} splits them (a zero exponent
 * means a subnormal, whatever the integer bit), except the encodings with a non-zero exponent and
 * the integer bit clear (unnormals, pseudo-infinities, pseudo-NaNs): the FPU rejects them as invalid
 * operands, so numpy's {@code isnan} is true for them and its arrays print them as {@code nan}, and
 * so do these values. Two corners stay numpy's own: its {@code str} of such a value alone (a 0-d
 * array) prints Dragon4's reading of the bits instead, and the FPU reads a pseudo-denormal (zero
 * exponent, integer bit set) as a larger value than Dragon4 prints, which numpy's choice of layout
 * may reflect.
 */
public enum LongDouble implements FloatDType {
    /** The x87 80-bit extended format padded to 16 bytes: numpy's {@code float128} on x86-64. */
    X87_EXTENDED;

    /** Significant bits of a normal value, the integer bit included. */
    static final int PRECISION = 64;

    /** The exponent bias. */
    private static final int BIAS = 16383;

    /** The biased exponent of infinities and NaNs. */
    private static final int MAX_BIASED = 0x7FFF;

    /** The 63 fraction bits below the integer bit. */
    private static final long FRACTION_MASK = Long.MAX_VALUE;

    /** 10^16, numpy's {@code max_positional} for float64 and longdouble scalars. */
    private static final long SCALAR_POSITIONAL_LIMIT = 10_000_000_000_000_000L;

    /**
     * Splits a value given by its two fields.
     *
     * @param significand the 64 significand bits, the integer bit included
     * @param signAndExponent the sign bit and 15-bit biased exponent, in the low 16 bits
     * @return the value
     */
    public FloatValue value(long significand, int signAndExponent) {
        boolean negative = (signAndExponent & 0x8000) != 0;
        int biased = signAndExponent & MAX_BIASED;
        long fraction = significand & FRACTION_MASK;
        boolean integerBit = significand < 0;
        if (biased == MAX_BIASED && integerBit) {
            return FloatValue.special(negative, fraction != 0);
        }
        if (biased != 0 && !integerBit) {
            return FloatValue.special(negative, true);
        }
        if (biased != 0) {
            return new FloatValue(negative, FloatValue.Kind.FINITE, unsigned(fraction | Long.MIN_VALUE),
                    biased - BIAS - (PRECISION - 1), biased != 1 && fraction == 0);
        }
        return new FloatValue(negative, FloatValue.Kind.FINITE, BigInteger.valueOf(fraction), 1 - BIAS - (PRECISION - 1),
                false);
    }

    /**
     * Reads the value of 16 bytes.
     *
     * @param data the data, its byte order the dtype's
     * @param index the value's first byte
     * @return the value
     */
    public FloatValue read(ByteBuffer data, int index) {
        if (data.order() == ByteOrder.LITTLE_ENDIAN) {
            return value(data.getLong(index), data.getShort(index + 8));
        }
        return value(data.getLong(index + 8), data.getShort(index + 6));
    }

    private static BigInteger unsigned(long bits) {
        BigInteger low = BigInteger.valueOf(bits & Long.MAX_VALUE);
        return bits < 0 ? low.setBit(63) : low;
    }

    @Override
    public int decimalPrecision() {
        return 18;
    }

    @Override
    public FloatValue fromDouble(double value) {
        // every double is a long double: only the significand's width changes
        FloatValue d = FloatType.DOUBLE.value(Double.doubleToRawLongBits(value));
        if (!d.isFinite() || d.isZero()) {
            return d;
        }
        int shift = PRECISION - d.significand().bitLength();
        BigInteger significand = d.significand().shiftLeft(shift);
        return new FloatValue(d.negative(), FloatValue.Kind.FINITE, significand, d.exponent() - shift,
                significand.bitCount() == 1);
    }

    @Override
    public boolean quotientAbove(FloatValue larger, FloatValue smaller, int bound) {
        return larger.divide(smaller, PRECISION).compareMagnitude(bound) > 0;
    }

    @Override
    public long scalarPositionalLimit() {
        return SCALAR_POSITIONAL_LIMIT;
    }
}
