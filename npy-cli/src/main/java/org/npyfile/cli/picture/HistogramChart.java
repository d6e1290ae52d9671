package org.npyfile.cli.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram as a PNG chart drawn by XChart: the bins as one filled step outline over a value axis,
 * counts up the other axis (logarithmic on request, where empty bins are left out), axes titled.
 * Only {@code npy hist -o} touches this class, so the other commands never load XChart or AWT.
 */
public final class HistogramChart {

    /** Pixels across the chart. */
    public static final int WIDTH = 800;

    /** Pixels down the chart. */
    public static final int HEIGHT = 500;

    private static final Color BARS = new Color(0x1f77b4);

    /** Significant digits of the value axis' tick labels. */
    private static final int TICK_DIGITS = 6;

    private HistogramChart() {
    }

    /**
     * Draws a histogram and writes it as PNG.
     *
     * @param histogram the counted histogram
     * @param title the chart's title
     * @param valueAxis the title of the value axis
     * @param log whether counts are on a logarithmic axis
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(Histogram histogram, String title, String valueAxis, boolean log, OutputStream out)
            throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        double[] edges = histogram.edges();
        long[] counts = histogram.counts();
        // a step outline: each bin's count from its left edge to its right, the last count to the last edge
        double[] x = edges;
        double[] y = new double[edges.length];
        boolean any = false;
        for (int i = 0; i < edges.length; i++) {
            long c = counts[Math.min(i, counts.length - 1)];
            any |= c > 0;
            y[i] = log && c == 0 ? Double.NaN : c;
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT, Styler.ChartTheme.Matlab);
        chart.setTitle(title);
        chart.setXAxisTitle(valueAxis);
        chart.setYAxisTitle(log ? "count (log scale)" : "count");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setYAxisLogarithmic(log && any);
        if (!log) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setXAxisDecimalPattern("#,##0.######");
        XYSeries series = chart.addSeries("counts", x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        series.setMarker(SeriesMarkers.NONE);
        series.setFillColor(BARS);
        series.setLineColor(BARS.darker());
        // XChart puts the ticks of equally spaced x values on those values (4.494117, -3.386988, ...);
        // one unseen point off that spacing makes it choose round tick values instead
        XYSeries offGrid = chart.addSeries("tick spacing", new double[] {edges[0] + (edges[1] - edges[0]) / 3},
                new double[] {y[0]});
        offGrid.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        offGrid.setMarker(SeriesMarkers.NONE);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java has no PNG writer (javax.imageio)");
        }
    }
}
