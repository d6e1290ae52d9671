package org.npyfile.cli;

/**
 * Statistics of a stream of numbers in constant memory: count, NaN count, smallest and largest
 * value (NaNs left out, as {@code numpy.nanmin} and {@code nanmax}), and mean and standard
 * deviation both as {@code numpy.mean}/{@code std} give them (NaN as soon as one value is NaN) and
 * as {@code nanmean}/{@code nanstd} give them.
 *
 * <p>The sum is compensated (Neumaier) and the variance follows Welford's update, both in double
 * precision, so results agree with numpy's pairwise float64 sums to about 1e-12 relative.
 */
final class RunningStats {

    private long count;
    private long nanCount;
    private long finiteCount;
    private boolean anyInfinite;
    private double sum;
    private double compensation;
    private double welfordMean;
    private double m2;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private long minLong;
    private long maxLong;
    private boolean anyLong;

    /**
     * Adds a floating-point value.
     *
     * @param x the value
     */
    void add(double x) {
        count++;
        if (Double.isNaN(x)) {
            nanCount++;
            return;
        }
        if (Double.isNaN(min) || x < min) {
            min = x;
        }
        if (Double.isNaN(max) || x > max) {
            max = x;
        }
        accumulate(x);
    }

    /**
     * Adds an integer value exactly (minimum and maximum), and as a double to the sums.
     *
     * @param x the value
     * @param unsigned whether {@code x} holds the bits of an unsigned 64-bit value
     */
    void add(long x, boolean unsigned) {
        count++;
        if (!anyLong) {
            anyLong = true;
            minLong = x;
            maxLong = x;
        } else if (unsigned) {
            minLong = Long.compareUnsigned(x, minLong) < 0 ? x : minLong;
            maxLong = Long.compareUnsigned(x, maxLong) > 0 ? x : maxLong;
        } else {
            minLong = Math.min(minLong, x);
            maxLong = Math.max(maxLong, x);
        }
        accumulate(unsigned && x < 0 ? unsignedToDouble(x) : (double) x);
    }

    private static double unsignedToDouble(long bits) {
        return (double) (bits >>> 1) * 2.0 + (bits & 1);
    }

    private void accumulate(double x) {
        if (Double.isInfinite(x)) {
            anyInfinite = true;
        }
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
        finiteCount++;
        if (!anyInfinite) {
            double delta = x - welfordMean;
            welfordMean += delta / finiteCount;
            m2 += delta * (x - welfordMean);
        }
    }

    long count() {
        return count;
    }

    long nanCount() {
        return nanCount;
    }

    /** The values that are not NaN. */
    long valueCount() {
        return count - nanCount;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    long minLong() {
        return minLong;
    }

    long maxLong() {
        return maxLong;
    }

    /** {@code numpy.nanmean}: NaN only when there are no other values. */
    double nanMean() {
        if (finiteCount == 0) {
            return Double.NaN;
        }
        double total = sum + compensation;
        // an infinite sum has no meaningful compensation (it would give NaN)
        return (Double.isInfinite(sum) || Double.isNaN(sum) ? sum : total) / finiteCount;
    }

    /** {@code numpy.nanstd} (ddof 0). */
    double nanStd() {
        if (finiteCount == 0 || anyInfinite) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0, m2 / finiteCount));
    }

    /** {@code numpy.mean}: NaN if any value is. */
    double mean() {
        return nanCount > 0 ? Double.NaN : nanMean();
    }

    /** {@code numpy.std} (ddof 0): NaN if any value is. */
    double std() {
        return nanCount > 0 ? Double.NaN : nanStd();
    }
}
