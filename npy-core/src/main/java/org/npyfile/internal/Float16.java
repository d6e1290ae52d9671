package org.npyfile.internal;

/**
 * IEEE 754 binary16 conversions with numpy's rounding ({@code npy_floatbits_to_halfbits}):
 * round half to even, overflow to infinity, NaN payloads kept in their high bits.
 * Java 17 has no {@code Float.float16ToFloat}; this is it.
 */
public final class Float16 {

    /** Every half value decoded once: decoding is a table lookup on the hot path. */
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = decode((short) h);
        }
    }

    private Float16() {
    }

    /**
     * The float with the same value as a half.
     *
     * @param half the half's bits
     * @return the value, exactly
     */
    public static float toFloat(short half) {
        return TABLE[half & 0xFFFF];
    }

    private static float decode(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int significand = h & 0x3FF;
        if (exponent == 0) {
            // Subnormal or zero: significand * 2^-24, exact in a float.
            float magnitude = significand * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | significand << 13);
        }
        return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | significand << 13);
    }

    /**
     * The half nearest to a double, rounding once as numpy's {@code npy_double_to_half} does:
     * the double is first narrowed to a float rounding to odd, which keeps enough bits for the
     * second rounding to be exact.
     *
     * @param value the double
     * @return the half's bits
     */
    public static short fromDouble(double value) {
        float f = (float) value;
        if (!Float.isInfinite(f) && !Double.isNaN(value) && (double) f != value
                && (Float.floatToRawIntBits(f) & 1) == 0) {
            f = (double) f < value ? Math.nextUp(f) : Math.nextDown(f);
        }
        return fromFloat(f);
    }

    /**
     * The half nearest to a float, as numpy's {@code float32 -> float16} cast gives it.
     *
     * @param value the float
     * @return the half's bits
     */
    public static short fromFloat(float value) {
        int f = Float.floatToRawIntBits(value);
        int exponent = f & 0x7F80_0000;
        int sign = (f >>> 16) & 0x8000;
        if (exponent >= 0x4780_0000) {
            if (exponent == 0x7F80_0000) {
                int significand = f & 0x007F_FFFF;
                if (significand != 0) {
                    int nan = 0x7C00 + (significand >>> 13);
                    return (short) (sign + (nan == 0x7C00 ? nan + 1 : nan));
                }
            }
            return (short) (sign + 0x7C00);
        }
        if (exponent <= 0x3800_0000) {
            if (exponent < 0x3300_0000) {
                return (short) sign;
            }
            int e = exponent >>> 23;
            int significand = 0x0080_0000 + (f & 0x007F_FFFF);
            significand >>>= 113 - e;
            if ((significand & 0x3FFF) != 0x1000 || (f & 0x7FF) != 0) {
                significand += 0x1000;
            }
            return (short) (sign + (significand >>> 13));
        }
        int halfExponent = (exponent - 0x3800_0000) >>> 13;
        int significand = f & 0x007F_FFFF;
        if ((significand & 0x3FFF) != 0x1000) {
            significand += 0x1000;
        }
        return (short) (sign + (significand >>> 13) + halfExponent);
    }
}
