package org.npyfile.cli.repr;

import java.math.BigInteger;

/**
 * numpy's float-to-text conversion ({@code numpy/_core/src/multiarray/dragon4.c}): Steele and
 * White's Dragon4 as Burger and Dybvig and Ryan Juckett refined it, with numpy's own IEEE unbiased
 * rounding and its positional and scientific layouts ({@code format_float_positional},
 * {@code format_float_scientific}). Ported line by line on {@link BigInteger}, so that every digit,
 * every rounding and every padding decision is numpy's.
 *
 * <p>"Unique" mode prints the fewest digits that tell the value apart from its neighbours in its own
 * type (so a {@code float32} 0.1 prints as {@code 0.1}), optionally cut at a precision and then
 * rounded half to even. Values come split as {@link FloatValue}s, so one conversion serves every
 * width, up to the 64-bit significands of x87 long doubles.
 */
public final class Dragon4 {

    /** numpy's trim modes: what happens to trailing zeros and the decimal point. */
    public enum Trim {
        /** {@code 'k'}: keep trailing zeros and the decimal point. */
        KEEP,
        /** {@code '.'}: trim trailing zeros, keep the decimal point. */
        ZEROS,
        /** {@code '0'}: trim trailing zeros but leave one after the decimal point. */
        ONE_ZERO,
        /** {@code '-'}: trim trailing zeros and the decimal point. */
        DECIMAL_POINT
    }

    /** numpy's {@code log10_2}, used to estimate the first digit's exponent. */
    private static final double LOG10_2 = 0.30102999566398119521373889472449;

    /**
     * Digits numpy's buffer can hold (its {@code repr} scratch buffer is 16384 bytes); only a cut
     * for pathological requests, never reached by printing.
     */
    private static final int BUFFER_DIGITS = 16384;

    /**
     * numpy's {@code 1.e-4L}, the long double nearest to 1e-4, below which a scalar's {@code str}
     * is scientific; no value of a narrower type lies between it and the double nearest to 1e-4.
     */
    private static final FloatValue SCALAR_SMALLEST_POSITIONAL = FloatValue.number(BigInteger.ONE, 0)
            .divide(FloatValue.number(BigInteger.valueOf(10_000), 0), LongDouble.PRECISION);

    private Dragon4() {
    }

    /** Decimal digits and the power of ten of the first one. */
    record Digits(String digits, int exponent) {
    }

    /**
     * Positional notation ({@code numpy.format_float_positional} with every argument explicit).
     *
     * @param value the value
     * @param precision at most this many fractional digits (or -1)
     * @param minDigits at least this many fractional digits in unique mode (or -1)
     * @param unique shortest unique digits rather than exact ones
     * @param trim what to do with trailing zeros
     * @param sign print {@code +} for positive values
     * @param padLeft pad with spaces to this many characters left of the point (or -1)
     * @param padRight pad with spaces to this many characters right of the point (or -1)
     * @return the text; {@code nan}, {@code inf} and {@code -inf} for non-finite values
     */
    public static String positional(FloatValue value, int precision, int minDigits, boolean unique,
            Trim trim, boolean sign, int padLeft, int padRight) {
        String special = special(value, sign);
        if (special != null) {
            return special;
        }
        StringBuilder out = new StringBuilder();
        boolean hasSign = appendSign(out, value, sign);
        Digits d = generate(value, unique, true, precision, minDigits);
        String digits = d.digits();
        int numDigits = digits.length();
        int wholeDigits;
        int fractionDigits = 0;
        if (d.exponent() >= 0) {
            wholeDigits = d.exponent() + 1;
            if (numDigits <= wholeDigits) {
                out.append(digits).append("0".repeat(wholeDigits - numDigits));
            } else {
                fractionDigits = numDigits - wholeDigits;
                out.append(digits, 0, wholeDigits).append('.').append(digits, wholeDigits, numDigits);
            }
        } else {
            int fractionZeros = -(d.exponent() + 1);
            out.append("0.").append("0".repeat(fractionZeros)).append(digits);
            fractionDigits = numDigits + fractionZeros;
            wholeDigits = 1;
        }
        if (trim != Trim.DECIMAL_POINT && fractionDigits == 0) {
            out.append('.');
        }
        int addDigits = unique ? minDigits : precision;
        int desiredFraction = Math.max(addDigits, 0);
        if (trim == Trim.ONE_ZERO) {
            if (fractionDigits == 0) {
                out.append('0');
                fractionDigits++;
            }
        } else if (trim == Trim.KEEP && desiredFraction > fractionDigits) {
            out.append("0".repeat(desiredFraction - fractionDigits));
            fractionDigits = desiredFraction;
        }
        if (trim != Trim.KEEP && fractionDigits > 0) {
            while (out.charAt(out.length() - 1) == '0') {
                out.setLength(out.length() - 1);
                fractionDigits--;
            }
            if (out.charAt(out.length() - 1) == '.') {
                if (trim == Trim.ONE_ZERO) {
                    out.append('0');
                    fractionDigits++;
                } else if (trim == Trim.DECIMAL_POINT) {
                    out.setLength(out.length() - 1);
                }
            }
        }
        if (padRight >= fractionDigits) {
            if (trim == Trim.DECIMAL_POINT && fractionDigits == 0) {
                out.append(' ');
            }
            out.append(" ".repeat(padRight - fractionDigits));
        }
        int used = wholeDigits + (hasSign ? 1 : 0);
        if (padLeft > used) {
            out.insert(0, " ".repeat(padLeft - used));
        }
        return out.toString();
    }

    /**
     * Scientific notation ({@code numpy.format_float_scientific} with every argument explicit).
     *
     * @param value the value
     * @param precision at most this many digits after the first (or -1)
     * @param minDigits at least this many digits after the first in unique mode (or -1)
     * @param unique shortest unique digits rather than exact ones
     * @param trim what to do with trailing zeros
     * @param sign print {@code +} for positive values
     * @param padLeft pad with spaces to this many characters left of the point (or -1)
     * @param expDigits at least this many exponent digits (-1 for 2)
     * @return the text; {@code nan}, {@code inf} and {@code -inf} for non-finite values
     */
    public static String scientific(FloatValue value, int precision, int minDigits, boolean unique,
            Trim trim, boolean sign, int padLeft, int expDigits) {
        String special = special(value, sign);
        if (special != null) {
            return special;
        }
        StringBuilder out = new StringBuilder();
        boolean negative = value.negative();
        int leftChars = 1 + (negative || sign ? 1 : 0);
        if (padLeft > leftChars) {
            out.append(" ".repeat(padLeft - leftChars));
        }
        appendSign(out, value, sign);
        Digits d = generate(value, unique, false, precision < 0 ? -1 : precision + 1,
                minDigits < 0 ? -1 : minDigits + 1);
        String digits = d.digits();
        out.append(digits.charAt(0));
        int fractionDigits = digits.length() - 1;
        if (fractionDigits > 0) {
            out.append('.').append(digits, 1, digits.length());
        }
        if (trim != Trim.DECIMAL_POINT && fractionDigits == 0) {
            out.append('.');
        }
        int addDigits = Math.max(unique ? minDigits : precision, 0);
        if (trim == Trim.ONE_ZERO) {
            if (fractionDigits == 0) {
                out.append('0');
                fractionDigits++;
            }
        } else if (trim == Trim.KEEP && addDigits > fractionDigits) {
            out.append("0".repeat(addDigits - fractionDigits));
            fractionDigits = addDigits;
        }
        if (trim != Trim.KEEP && fractionDigits > 0) {
            while (out.charAt(out.length() - 1) == '0') {
                out.setLength(out.length() - 1);
            }
            if (trim == Trim.ONE_ZERO && out.charAt(out.length() - 1) == '.') {
                out.append('0');
            }
        }
        int exponent = d.exponent();
        out.append('e').append(exponent >= 0 ? '+' : '-');
        String expText = Integer.toString(Math.abs(exponent));
        int width = expDigits < 0 ? 2 : Math.min(expDigits, 5);
        out.append("0".repeat(Math.max(0, width - expText.length()))).append(expText);
        return out.toString();
    }

    /**
     * The shortest digits that read back as the same value of its type, as a Python {@code repr}
     * prints them: {@code 0.1}, {@code 1e-05}, {@code 1e+16}, {@code 123.0}, {@code -0.0}.
     *
     * @param bits the value's bits
     * @param type its binary format
     * @return the text; {@code nan}, {@code inf} or {@code -inf} for non-finite values
     */
    public static String shortestRepr(long bits, FloatType type) {
        FloatValue value = type.value(bits);
        String special = special(value, false);
        if (special != null) {
            return special;
        }
        Digits d = generate(value, true, false, -1, -1);
        // Python's repr switches to scientific notation outside 1e-4 <= |x| < 1e16
        if (d.digits().equals("0") || d.exponent() >= -4 && d.exponent() < 16) {
            return positional(value, -1, -1, true, Trim.ONE_ZERO, false, -1, -1);
        }
        return scientific(value, -1, -1, true, Trim.DECIMAL_POINT, false, -1, 2);
    }

    /**
     * numpy's {@code str} of a float scalar ({@code @name@type_@kind@_either} in numpy's
     * {@code scalartypes.c}): the shortest unique digits, positional for zero, NaN and magnitudes
     * from {@code 1e-4L} up to the dtype's {@linkplain FloatDType#scalarPositionalLimit() limit},
     * else scientific.
     *
     * @param value the value
     * @param type its dtype
     * @param sign print {@code +} for positive values
     * @param positionalTrim the trim mode in positional notation
     * @param scientificTrim the trim mode in scientific notation
     * @return for example {@code 0.1}, {@code 1e-05}, {@code 1e+16}, {@code nan}, {@code -inf}
     */
    public static String scalar(FloatValue value, FloatDType type, boolean sign, Trim positionalTrim,
            Trim scientificTrim) {
        boolean positional = value.isNaN() || value.isZero()
                || value.isFinite() && value.compareMagnitude(type.scalarPositionalLimit()) < 0
                        && value.compareMagnitude(SCALAR_SMALLEST_POSITIONAL) >= 0;
        return positional ? positional(value, -1, -1, true, positionalTrim, sign, -1, -1)
                : scientific(value, -1, -1, true, scientificTrim, sign, -1, -1);
    }

    private static String special(FloatValue value, boolean sign) {
        if (value.isFinite()) {
            return null;
        }
        if (value.isNaN()) {
            return "nan";
        }
        return (value.negative() ? "-" : sign ? "+" : "") + "inf";
    }

    private static boolean appendSign(StringBuilder out, FloatValue value, boolean sign) {
        if (value.negative()) {
            out.append('-');
            return true;
        }
        if (sign) {
            out.append('+');
            return true;
        }
        return false;
    }

    /**
     * numpy's {@code Dragon4()}: the digits of {@code |significand * 2^exponent|}.
     *
     * @param p a finite value
     * @param unique stop at the shortest unique digits (else print exact digits)
     * @param fractional whether the cutoffs count digits after the point (else significant digits)
     * @param cutoffMax print at most this many digits (-1: no limit)
     * @param cutoffMin in unique mode, print at least this many digits (-1: no minimum)
     */
    static Digits generate(FloatValue p, boolean unique, boolean fractional, int cutoffMax, int cutoffMin) {
        if (p.isZero()) {
            return new Digits("0", 0);
        }
        BigInteger mantissa = p.significand();
        boolean isEven = !mantissa.testBit(0);
        // numpy's index of the highest set bit (LogBase2)
        int mantissaBit = mantissa.bitLength() - 1;
        int exponent = p.exponent();
        boolean unequal = p.unequalMargins();
        BigInteger scale;
        BigInteger value;
        BigInteger marginLow;
        // value = scaledValue / scale; the margins are half the distance to the neighbours
        if (unequal) {
            if (exponent > 0) {
                value = mantissa.shiftLeft(exponent + 2);
                scale = BigInteger.valueOf(4);
                marginLow = BigInteger.ONE.shiftLeft(exponent);
            } else {
                value = mantissa.shiftLeft(2);
                scale = BigInteger.ONE.shiftLeft(-exponent + 2);
                marginLow = BigInteger.ONE;
            }
        } else {
            if (exponent > 0) {
                value = mantissa.shiftLeft(exponent + 1);
                scale = BigInteger.TWO;
                marginLow = BigInteger.ONE.shiftLeft(exponent);
            } else {
                value = mantissa.shiftLeft(1);
                scale = BigInteger.ONE.shiftLeft(-exponent + 1);
                marginLow = BigInteger.ONE;
            }
        }
        int digitExponent = (int) Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
        if (cutoffMax >= 0 && fractional && digitExponent <= -cutoffMax) {
            digitExponent = -cutoffMax + 1;
        }
        if (digitExponent > 0) {
            scale = scale.multiply(BigInteger.TEN.pow(digitExponent));
        } else if (digitExponent < 0) {
            BigInteger pow10 = BigInteger.TEN.pow(-digitExponent);
            value = value.multiply(pow10);
            marginLow = marginLow.multiply(pow10);
        }
        if (value.compareTo(scale) >= 0) {
            digitExponent++;
        } else {
            value = value.multiply(BigInteger.TEN);
            marginLow = marginLow.multiply(BigInteger.TEN);
        }
        int cutoffMaxExponent = digitExponent - BUFFER_DIGITS;
        if (cutoffMax >= 0) {
            int desired = fractional ? -cutoffMax : digitExponent - cutoffMax;
            cutoffMaxExponent = Math.max(cutoffMaxExponent, desired);
        }
        int cutoffMinExponent = digitExponent;
        if (cutoffMin >= 0) {
            int desired = fractional ? -cutoffMin : digitExponent - cutoffMin;
            cutoffMinExponent = Math.min(cutoffMinExponent, desired);
        }
        int outExponent = digitExponent - 1;
        StringBuilder digits = new StringBuilder();
        boolean low;
        boolean high;
        int digit;
        if (unique) {
            for (;;) {
                digitExponent--;
                BigInteger[] qr = value.divideAndRemainder(scale);
                digit = qr[0].intValue();
                value = qr[1];
                BigInteger marginHigh = unequal ? marginLow.shiftLeft(1) : marginLow;
                int cmp = value.compareTo(marginLow);
                low = isEven ? cmp <= 0 : cmp < 0;
                cmp = value.add(marginHigh).compareTo(scale);
                high = isEven ? cmp >= 0 : cmp > 0;
                if ((low || high) && digitExponent <= cutoffMinExponent || digitExponent == cutoffMaxExponent) {
                    break;
                }
                digits.append((char) ('0' + digit));
                value = value.multiply(BigInteger.TEN);
                marginLow = marginLow.multiply(BigInteger.TEN);
            }
        } else {
            low = false;
            high = false;
            for (;;) {
                digitExponent--;
                BigInteger[] qr = value.divideAndRemainder(scale);
                digit = qr[0].intValue();
                value = qr[1];
                if (value.signum() == 0 || digitExponent == cutoffMaxExponent) {
                    break;
                }
                digits.append((char) ('0' + digit));
                value = value.multiply(BigInteger.TEN);
            }
        }
        boolean roundDown = low;
        if (low == high) {
            // round to the closest digit, halfway cases to the even digit
            int compare = value.shiftLeft(1).compareTo(scale);
            roundDown = compare < 0 || compare == 0 && (digit & 1) == 0;
        }
        if (roundDown) {
            digits.append((char) ('0' + digit));
        } else if (digit == 9) {
            // carry: drop trailing nines and increment the digit before them
            int at = digits.length();
            while (at > 0 && digits.charAt(at - 1) == '9') {
                at--;
            }
            if (at == 0) {
                digits.setLength(0);
                digits.append('1');
                outExponent++;
            } else {
                digits.setCharAt(at - 1, (char) (digits.charAt(at - 1) + 1));
                digits.setLength(at);
            }
        } else {
            digits.append((char) ('0' + digit + 1));
        }
        return new Digits(digits.toString(), outExponent);
    }
}
