package org.npyfile.cli.picture;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.npyfile.DType;
import org.npyfile.NpyReader;
import org.npyfile.cli.repr.FloatType;

/**
 * A histogram with the bin edges and counts of {@code numpy.histogram} (numpy 2, NEP 50 type rules)
 * for the same arguments, over the finite values of an array, with NaN, +inf and -inf counted apart;
 * values arrive in chunks, in any order, so that memory stays constant.
 *
 * <p>Counts are those of {@code numpy.histogram(a[numpy.isfinite(a)], bins, range)}. With a number
 * of bins, numpy's own arithmetic is repeated step by step: the edges are
 * {@code numpy.linspace(first, last, bins + 1)} computed in the type numpy computes them in (the
 * data's float type when the range comes from the data, float64 otherwise) and stored in the bin type
 * (the data's float type; float64 for integer and bool data, bool being read as uint8 as numpy does);
 * a value's bin is {@code int((x - first) / (last - first) * bins)} in numpy's types, moved by one
 * where that lands beside the value, the last bin holding its right edge. An automatic range is the
 * smallest and largest finite value, widened by 0.5 either way for a constant array; a range given
 * is taken as two Python floats. With explicit edges, a value x is in bin i where
 * {@code edges[i] <= x < edges[i + 1]} compared in float64 (the last bin holding its right edge), as
 * numpy's sorted search finds it.
 */
public final class Histogram {

    /** numpy's message when the edges would not increase. */
    private static final String TOO_MANY_BINS = "Too many bins for data range. Cannot create %d finite-sized bins";

    private final FloatType binType;
    private final double[] edges;
    private final long[] counts;
    private final Uniform uniform;
    private long nans;
    private long positiveInfinities;
    private long negativeInfinities;
    private long outside;

    /** numpy's arithmetic for equal bins: what the bin of a value is computed from. */
    private record Uniform(int bins, boolean dataFloat, FloatType data, boolean dataTyped, double first, double last,
            double keepFirst, double keepLast, double denominator, double binsInType) {
    }

    private Histogram(FloatType binType, double[] edges, Uniform uniform) {
        this.binType = binType;
        this.edges = edges;
        this.counts = new long[edges.length - 1];
        this.uniform = uniform;
    }

    /**
     * The smallest and largest finite value of the array, as numpy's {@code min()} and
     * {@code max()} give them: for integer and bool data exact longs, for float data doubles holding
     * values of the data's type.
     *
     * @param floatType the data's float type, or null for integer and bool data
     * @param unsigned whether integers are unsigned (uint64 values are their bits)
     * @param empty whether there is no finite value
     * @param min the smallest, for float data
     * @param max the largest, for float data
     * @param minLong the smallest, for integer data
     * @param maxLong the largest, for integer data
     */
    public record Extremes(FloatType floatType, boolean unsigned, boolean empty, double min, double max, long minLong,
            long maxLong) {

        double minAsDouble() {
            return floatType != null ? min : unsigned ? Elements.unsignedToDouble(minLong) : minLong;
        }

        double maxAsDouble() {
            return floatType != null ? max : unsigned ? Elements.unsignedToDouble(maxLong) : maxLong;
        }
    }

    /**
     * Equal bins over a range given as {@code --range LO,HI} (Python floats).
     *
     * @param floatType the data's float type, or null for integer and bool data
     * @param bins the number of bins, at least 1
     * @param lo the first edge, finite
     * @param hi the last edge, finite, not below lo
     * @return the empty histogram
     * @throws IllegalArgumentException where numpy raises ValueError (too many bins), or where the
     *     edges would not be finite in the bin type
     */
    public static Histogram withRange(FloatType floatType, int bins, double lo, double hi) {
        if (lo == hi) {
            // numpy widens an empty range, in Python float arithmetic
            lo = lo - 0.5;
            hi = hi + 0.5;
        }
        FloatType binType = floatType != null ? floatType : FloatType.DOUBLE;
        double[] edges = linspace(FloatType.DOUBLE, lo, hi, bins, binType);
        // the comparisons that keep a value in range convert the Python floats to the data's type
        FloatType data = floatType != null ? floatType : FloatType.DOUBLE;
        return new Histogram(binType, edges, new Uniform(bins, floatType != null, data, false, lo, hi,
                data.round(lo), data.round(hi), hi - lo, bins));
    }

    /**
     * Equal bins over the range of the data.
     *
     * @param extremes the finite values' extremes
     * @param bins the number of bins, at least 1
     * @return the empty histogram
     * @throws IllegalArgumentException where numpy raises ValueError (too many bins)
     */
    public static Histogram withDataRange(Extremes extremes, int bins) {
        FloatType floatType = extremes.floatType();
        if (extremes.empty()) {
            // numpy's range for no values: the Python ints 0 and 1
            return withRange(floatType, bins, 0, 1);
        }
        if (floatType != null) {
            double first = extremes.min();
            double last = extremes.max();
            if (first == last) {
                first = floatType.round(first - 0.5);
                last = floatType.round(last + 0.5);
            }
            double[] edges = linspace(floatType, first, last, bins, floatType);
            return new Histogram(floatType, edges, new Uniform(bins, true, floatType, true, first, last, first, last,
                    floatType.round(last - first), floatType.round(bins)));
        }
        double first;
        double last;
        double denominator;
        if (extremes.minLong() == extremes.maxLong()) {
            // an integer scalar minus 0.5 is a float64
            first = extremes.minAsDouble() - 0.5;
            last = extremes.maxAsDouble() + 0.5;
            denominator = last - first;
        } else {
            first = extremes.minAsDouble();
            last = extremes.maxAsDouble();
            // numpy subtracts integer edges exactly, into the unsigned type of the same size
            denominator = Elements.unsignedToDouble(extremes.maxLong() - extremes.minLong());
        }
        double[] edges = linspace(FloatType.DOUBLE, first, last, bins, FloatType.DOUBLE);
        return new Histogram(FloatType.DOUBLE, edges, new Uniform(bins, false, FloatType.DOUBLE, false, first, last,
                first, last, denominator, bins));
    }

    /**
     * Bins with given edges ({@code bins=numpy.array(edges)}, float64).
     *
     * @param edges at least two, finite, not decreasing
     * @return the empty histogram
     * @throws IllegalArgumentException if the edges are fewer than two, not finite or decrease
     */
    public static Histogram withEdges(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("--edges needs at least two edges");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException("--edges must be finite numbers, not " + edges[i]);
            }
            if (i > 0 && edges[i - 1] > edges[i]) {
                throw new IllegalArgumentException("--edges must increase monotonically (numpy: `bins` must increase"
                        + " monotonically, when an array)");
            }
        }
        return new Histogram(FloatType.DOUBLE, edges.clone(), null);
    }

    /**
     * {@code numpy.linspace(first, last, bins + 1, dtype=stored)}, computed in {@code computed}.
     */
    private static double[] linspace(FloatType computed, double first, double last, int bins, FloatType stored) {
        double start = computed.round(first);
        double stop = computed.round(last);
        double delta = computed.round(stop - start);
        double div = computed.round(bins);
        double step = computed.round(delta / div);
        double[] y = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            double v = computed.round(i);
            if (step == 0) {
                v = computed.round(computed.round(v / div) * delta);
            } else {
                v = computed.round(v * step);
            }
            y[i] = stored.round(computed.round(v + start));
        }
        y[bins] = stored.round(stop);
        for (int i = 0; i < bins; i++) {
            if (!Double.isFinite(y[i]) || !Double.isFinite(y[i + 1])) {
                throw new IllegalArgumentException("the range " + first + " to " + last + " has edges beyond the"
                        + " largest " + name(stored) + " value");
            }
            if (y[i] >= y[i + 1]) {
                throw new IllegalArgumentException(String.format(TOO_MANY_BINS, bins) + " (numpy raises ValueError)");
            }
        }
        return y;
    }

    /**
     * numpy's name of a float type.
     *
     * @param type the type
     * @return {@code float16}, {@code float32} or {@code float64}
     */
    public static String name(FloatType type) {
        return switch (type) {
            case HALF -> "float16";
            case SINGLE -> "float32";
            case DOUBLE -> "float64";
        };
    }

    /**
     * Reads an array once for the extremes of its finite values.
     *
     * @param reader the array, at its first element; bool, integer or float
     * @param progress told about every element read
     * @return the extremes
     * @throws IOException if reading fails
     */
    public static Extremes extremes(NpyReader reader, LongConsumer progress) throws IOException {
        DType dtype = reader.header().dtype();
        Elements elements = new Elements(reader);
        int chunk = 1 << 16;
        if (dtype.kind() == DType.Kind.FLOAT) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] values = new double[chunk];
            int n;
            while ((n = elements.read(values, chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    double x = values[i];
                    if (Double.isFinite(x)) {
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                    }
                }
                progress.accept(n);
            }
            return new Extremes(FloatType.ofSize(dtype.itemSize()), false, min > max, min, max, 0, 0);
        }
        boolean unsigned = dtype.kind() == DType.Kind.UINT && dtype.itemSize() == 8;
        long min = 0;
        long max = 0;
        boolean any = false;
        long[] values = new long[chunk];
        int n;
        while ((n = elements.read(values, chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                long x = values[i];
                if (!any) {
                    min = x;
                    max = x;
                    any = true;
                } else if (unsigned) {
                    min = Long.compareUnsigned(x, min) < 0 ? x : min;
                    max = Long.compareUnsigned(x, max) > 0 ? x : max;
                } else {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            progress.accept(n);
        }
        return new Extremes(null, unsigned, !any, 0, 0, min, max);
    }

    /**
     * Reads an array once and counts its values.
     *
     * @param reader the array, at its first element; bool, integer or float
     * @param progress told about every element read
     * @throws IOException if reading fails
     */
    public void count(NpyReader reader, LongConsumer progress) throws IOException {
        Elements elements = new Elements(reader);
        int chunk = 1 << 16;
        double[] values = new double[chunk];
        int n;
        while ((n = elements.read(values, chunk)) > 0) {
            add(values, n);
            progress.accept(n);
        }
    }

    /**
     * Counts values.
     *
     * @param values the values as doubles (exact for floats; integers as numpy casts them to float64)
     * @param n how many of them
     */
    public void add(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                nans++;
            } else if (x == Double.POSITIVE_INFINITY) {
                positiveInfinities++;
            } else if (x == Double.NEGATIVE_INFINITY) {
                negativeInfinities++;
            } else {
                int bin = uniform != null ? uniformBin(x) : searchedBin(x);
                if (bin < 0) {
                    outside++;
                } else {
                    counts[bin]++;
                }
            }
        }
    }

    /** numpy's fast path for equal bins, step by step in numpy's types; -1 outside the range. */
    private int uniformBin(double x) {
        Uniform u = uniform;
        if (!(x >= u.keepFirst() && x <= u.keepLast())) {
            return -1;
        }
        double f;
        if (u.dataTyped()) {
            // every operand is a scalar of the data's float type
            FloatType t = u.data();
            f = t.round(t.round(t.round(x - u.first()) / u.denominator()) * u.binsInType());
        } else if (u.dataFloat()) {
            // the difference in the data's type (the Python float converted to it), then float64
            // because the denominator is a float64 scalar
            double difference = u.data().round(x - u.keepFirst());
            f = difference / u.denominator() * u.bins();
        } else {
            f = (x - u.first()) / u.denominator() * u.bins();
        }
        long index = (long) f;
        if (index == u.bins()) {
            index--;
        }
        if (index < 0 || index > u.bins()) {
            throw new IllegalStateException("numpy.histogram computes bin " + index + " of " + u.bins() + " for " + x
                    + " and fails for these arguments");
        }
        int bin = (int) index;
        if (x < edges[bin]) {
            bin--;
        }
        if (bin != u.bins() - 1 && x >= edges[bin + 1]) {
            bin++;
        }
        if (bin < 0) {
            throw new IllegalStateException("numpy.histogram computes bin -1 for " + x + " and fails for these arguments");
        }
        return bin;
    }

    /** The bin numpy's sorted search gives: edges[i] <= x < edges[i + 1], the last bin closed; -1 outside. */
    private int searchedBin(double x) {
        int last = edges.length - 1;
        // the first edge below the last one that is greater than x
        int lo = 0;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int first = lo < last ? lo : x <= edges[last] ? last : -1;
        return first <= 0 ? -1 : first - 1;
    }

    /** @return the type the edges are values of: the data's float type, or float64 */
    public FloatType binType() {
        return binType;
    }

    /** @return the bin edges, one more than the bins */
    public double[] edges() {
        return edges.clone();
    }

    /** @return the count of each bin */
    public long[] counts() {
        return Arrays.copyOf(counts, counts.length);
    }

    /** @return the NaN values, counted apart */
    public long nans() {
        return nans;
    }

    /** @return the +inf values, counted apart */
    public long positiveInfinities() {
        return positiveInfinities;
    }

    /** @return the -inf values, counted apart */
    public long negativeInfinities() {
        return negativeInfinities;
    }

    /** @return the finite values outside the edges, in no bin */
    public long outside() {
        return outside;
    }
}
