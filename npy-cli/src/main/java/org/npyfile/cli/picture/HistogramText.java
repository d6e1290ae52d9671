package org.npyfile.cli.picture;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram as text: one line per bin, {@code [lo, hi)} (the last bin {@code [lo, hi]}), a bar as
 * long as the count in proportion to the largest (to the logarithm of count + 1 with {@code --log}),
 * drawn in eighths of a character with Unicode blocks or whole {@code #} in ASCII, and the count.
 * Edges are shown with the fewest significant digits that place them to 1% of a bin.
 */
public final class HistogramText {

    private static final String EIGHTHS = " \u258f\u258e\u258d\u258c\u258b\u258a\u2589\u2588";

    private HistogramText() {
    }

    /**
     * The lines of a histogram.
     *
     * @param histogram the counted histogram
     * @param width the most characters per line
     * @param log whether bars follow the logarithm of count + 1
     * @param ascii whether to draw with {@code #} instead of Unicode blocks
     * @return the lines, without line ends
     */
    public static List<String> lines(Histogram histogram, int width, boolean log, boolean ascii) {
        String[] labels = labels(histogram.edges());
        long[] counts = histogram.counts();
        String[] ranges = new String[counts.length];
        int rangeWidth = 0;
        int countWidth = 1;
        long max = 0;
        for (int i = 0; i < counts.length; i++) {
            ranges[i] = "[" + labels[i] + ", " + labels[i + 1] + (i == counts.length - 1 ? "]" : ")");
            rangeWidth = Math.max(rangeWidth, ranges[i].length());
            countWidth = Math.max(countWidth, Long.toString(counts[i]).length());
            max = Math.max(max, counts[i]);
        }
        int barWidth = Math.max(10, width - rangeWidth - countWidth - 4);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            double fraction = max == 0 ? 0 : log ? Math.log1p(counts[i]) / Math.log1p(max) : (double) counts[i] / max;
            StringBuilder line = new StringBuilder(ranges[i]);
            line.append(" ".repeat(rangeWidth - ranges[i].length() + 2));
            line.append(bar(fraction, barWidth, ascii));
            String count = Long.toString(counts[i]);
            line.append(" ".repeat(countWidth - count.length() + 2)).append(count);
            lines.add(line.toString());
        }
        return lines;
    }

    private static String bar(double fraction, int width, boolean ascii) {
        if (ascii) {
            int filled = (int) Math.round(fraction * width);
            return "#".repeat(filled) + " ".repeat(width - filled);
        }
        int eighths = (int) Math.round(fraction * width * 8);
        StringBuilder bar = new StringBuilder("\u2588".repeat(eighths / 8));
        if (eighths % 8 != 0) {
            bar.append(EIGHTHS.charAt(eighths % 8));
        }
        return bar + " ".repeat(width - bar.length());
    }

    /**
     * Edges as short texts: the fewest significant digits at which every text is within 1% of the
     * narrowest bin's width of its edge (so that neighbours differ), positional unless the exponent
     * calls for scientific notation.
     *
     * @param edges the edges, increasing
     * @return one text per edge
     */
    public static String[] labels(double[] edges) {
        double narrowest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < edges.length; i++) {
            if (edges[i] > edges[i - 1]) {
                narrowest = Math.min(narrowest, edges[i] - edges[i - 1]);
            }
        }
        String[] labels = new String[edges.length];
        for (int digits = 1; digits <= 17; digits++) {
            boolean close = true;
            for (int i = 0; i < edges.length; i++) {
                labels[i] = text(edges[i], digits);
                close &= Math.abs(Double.parseDouble(labels[i]) - edges[i]) <= narrowest / 100;
            }
            if (close) {
                break;
            }
        }
        return labels;
    }

    /**
     * A number with at most the given significant digits.
     *
     * @param value the number
     * @param digits significant digits, at least 1
     * @return positional text for exponents from -4 to 15, else scientific ({@code 1.5e-07})
     */
    static String text(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            return rounded.toPlainString();
        }
        String mantissa = rounded.movePointLeft(exponent).toPlainString();
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
