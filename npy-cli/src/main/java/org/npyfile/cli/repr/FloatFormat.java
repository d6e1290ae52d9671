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
    private static final double LARGEST_RATIO = 1000.;

    private final FloatType type;
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
     * @param type the values' binary format
     * @param bits the values (all the values printed, or the summary's edge items)
     * @param plusSign numpy's {@code sign='+'} (the imaginary parts of complex numbers), else {@code '-'}
     * @param maxPrecision numpy's {@code precision}
     */
    FloatFormat(FloatType type, long[] bits, boolean plusSign, int maxPrecision) {
        this.type = type;
        this.plusSign = plusSign;
        this.maxPrecision = maxPrecision;
        this.precision = maxPrecision;
        fill(bits);
    }

    /** numpy's {@code finfo(dtype).precision}: decimal digits the type resolves. */
    private int decimalPrecision() {
        return switch (type) {
            case HALF -> 3;
            case SINGLE -> 6;
            case DOUBLE -> 15;
        };
    }

    private void fill(long[] bits) {
        int finite = 0;
        boolean anyNonFinite = false;
        boolean negativeInfinity = false;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (long b : bits) {
            if (!type.isFinite(b)) {
                anyNonFinite = true;
                negativeInfinity |= !type.isNaN(b) && type.signBit(b);
                continue;
            }
            finite++;
            double magnitude = Math.abs(type.toDouble(b));
            if (magnitude != 0) {
                max = Math.max(max, magnitude);
                min = Math.min(min, magnitude);
            }
        }
        if (max > 0) {
            double cutoff = Math.pow(10, Math.min(8, decimalPrecision()));
            exponential = max >= cutoff || min < type.round(SMALLEST_POSITIONAL) || ratio(max, min) > LARGEST_RATIO;
        }
        if (finite == 0) {
            padLeft = 0;
            padRight = 0;
        } else if (exponential) {
            int fraction = 0;
            int whole = 0;
            int exponentWidth = 0;
            for (long b : bits) {
                if (type.isFinite(b)) {
                    String s = Dragon4.scientific(b, type, maxPrecision, -1, true, Dragon4.Trim.ZEROS, plusSign, -1, -1);
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
            for (long b : bits) {
                if (type.isFinite(b)) {
                    String s = Dragon4.positional(b, type, maxPrecision, -1, true, Dragon4.Trim.ZEROS, plusSign, -1, -1);
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

    /** {@code max / min} computed in the values' own type, as numpy divides two scalars of it. */
    private double ratio(double max, double min) {
        return switch (type) {
            case DOUBLE -> max / min;
            case SINGLE -> (float) max / (float) min;
            case HALF -> type.round((float) max / (float) min);
        };
    }

    String format(long bits) {
        if (!type.isFinite(bits)) {
            String text;
            if (type.isNaN(bits)) {
                text = (plusSign ? "+" : "") + "nan";
            } else {
                text = (type.signBit(bits) ? "-" : plusSign ? "+" : "") + "inf";
            }
            return " ".repeat(Math.max(0, padLeft + padRight + 1 - text.length())) + text;
        }
        if (exponential) {
            return Dragon4.scientific(bits, type, precision, precision, true, Dragon4.Trim.KEEP, plusSign, padLeft,
                    expSize);
        }
        return Dragon4.positional(bits, type, maxPrecision, 0, true, Dragon4.Trim.ZEROS, plusSign, padLeft, padRight);
    }
}
