package org.npyfile.cli.repr;

/**
 * numpy's {@code FloatingFormat} in its default {@code maxprec} mode: one layout for all values of
 * an array (positional or scientific, common padding left and right of the point, common exponent
 * width), chosen from the array's finite values exactly as {@code fillFormat} chooses it, and each
 * value's digits from {@link Dragon4}.
 */
final class FloatFormat {

    /** numpy: values this small (compared in the array's own type) switch to scientific notation. */
    private static final double SMALLEST_POSITIONAL = 0.0001;

    /** numpy: a largest/smallest ratio above this switches to scientific notation. */
    private static final int LARGEST_RATIO = 1000;

    /** numpy: values from {@code 10.**min(8, finfo(dtype).precision)} up are printed in scientific notation. */
    private static final int MAX_CUTOFF_DIGITS = 8;

    /** The powers of ten up to {@link #MAX_CUTOFF_DIGITS}. */
    private static final long[] CUTOFFS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final FloatDType type;
    private final boolean plusSign;
    private final int maxPrecision;
    private boolean exponential;
    private int padLeft;
    private int padRight;
    private int precision;
    private int expSize = -1;

    /**
     * Chooses the layout for a column of values.
     *
     * @param type the values' dtype
     * @param values the values (all the values printed, or the summary's edge items)
     * @param plusSign numpy's {@code sign='+'} (the imaginary parts of complex numbers), else {@code '-'}
     * @param maxPrecision numpy's {@code precision}
     */
    FloatFormat(FloatDType type, FloatValue[] values, boolean plusSign, int maxPrecision) {
        this.type = type;
        this.plusSign = plusSign;
        this.maxPrecision = maxPrecision;
        this.precision = maxPrecision;
        fill(values);
    }

    private void fill(FloatValue[] values) {
        int finite = 0;
        boolean anyNonFinite = false;
        boolean negativeInfinity = false;
        FloatValue max = null;
        FloatValue min = null;
        for (FloatValue v : values) {
            if (!v.isFinite()) {
                anyNonFinite = true;
                negativeInfinity |= !v.isNaN() && v.negative();
                continue;
            }
            finite++;
            if (!v.isZero()) {
                max = max == null || v.compareMagnitude(max) > 0 ? v : max;
                min = min == null || v.compareMagnitude(min) < 0 ? v : min;
            }
        }
        if (max != null) {
            long cutoff = CUTOFFS[Math.min(MAX_CUTOFF_DIGITS, type.decimalPrecision())];
            exponential = max.compareMagnitude(cutoff) >= 0 || min.compareMagnitude(type.fromDouble(SMALLEST_POSITIONAL)) < 0
                    || type.quotientAbove(max, min, LARGEST_RATIO);
        }
        if (finite == 0) {
            padLeft = 0;
            padRight = 0;
        } else if (exponential) {
            int fraction = 0;
            int whole = 0;
            int exponentWidth = 0;
            for (FloatValue v : values) {
                if (v.isFinite()) {
                    String s = Dragon4.scientific(v, maxPrecision, -1, true, Dragon4.Trim.ZEROS, plusSign, -1, -1);
                    int e = s.indexOf('e');
                    int point = s.indexOf('.');
                    whole = Math.max(whole, point);
                    fraction = Math.max(fraction, e - point - 1);
                    exponentWidth = Math.max(exponentWidth, s.length() - e - 1);
                }
            }
            expSize = exponentWidth - 1;
            precision = fraction;
            padLeft = whole;
            padRight = expSize + 2 + precision;
        } else {
            int fraction = 0;
            int whole = 0;
            for (FloatValue v : values) {
                if (v.isFinite()) {
                    String s = Dragon4.positional(v, maxPrecision, -1, true, Dragon4.Trim.ZEROS, plusSign, -1, -1);
                    int point = s.indexOf('.');
                    whole = Math.max(whole, point);
                    fraction = Math.max(fraction, s.length() - point - 1);
                }
            }
            padLeft = whole;
            padRight = fraction;
        }
        if (anyNonFinite) {
            boolean signedInfinity = plusSign || negativeInfinity;
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max("nan".length() - offset, "inf".length() + (signedInfinity ? 1 : 0) - offset));
        }
    }

    String format(FloatValue value) {
        if (!value.isFinite()) {
            String text;
            if (value.isNaN()) {
                text = (plusSign ? "+" : "") + "nan";
            } else {
                text = (value.negative() ? "-" : plusSign ? "+" : "") + "inf";
            }
            return " ".repeat(Math.max(0, padLeft + padRight + 1 - text.length())) + text;
        }
        if (exponential) {
            return Dragon4.scientific(value, precision, precision, true, Dragon4.Trim.KEEP, plusSign, padLeft,
                    expSize);
        }
        return Dragon4.positional(value, maxPrecision, 0, true, Dragon4.Trim.ZEROS, plusSign, padLeft, padRight);
    }
}
