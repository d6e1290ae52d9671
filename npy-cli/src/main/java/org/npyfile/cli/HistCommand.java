package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.npyfile.DType;
import org.npyfile.NpyHeader;
import org.npyfile.cli.picture.ColorMode;
import org.npyfile.cli.picture.Histogram;
import org.npyfile.cli.picture.HistogramChart;
import org.npyfile.cli.picture.HistogramText;
import org.npyfile.cli.repr.Dragon4;
import org.npyfile.cli.repr.FloatType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy hist}: the distribution of an array's values, exactly as {@code numpy.histogram} bins them. */
@Command(name = "hist",
        header = "Count values in bins exactly as numpy.histogram does; bars in the terminal or a PNG chart.",
        description = {
            "Count the finite values of a bool, integer or float array in bins with the edges and counts of"
                    + " numpy.histogram(a[numpy.isfinite(a)], bins, range) (bool as uint8, as numpy reads it);"
                    + " NaN, +inf and -inf are counted apart. --range LO,HI and --edges are taken as numpy takes"
                    + " Python floats; without them the range is the smallest and largest finite value (widened"
                    + " by 0.5 for a constant array), which takes a first pass over the data.",
            "Prints one bar per bin, or with --json {\"edges\": [...], \"counts\": [...], \"nan\": n, \"posinf\":"
                    + " n, \"neginf\": n}, or with -o a PNG chart. Reads the data in chunks, in constant memory.",
        })
final class HistCommand implements Callable<Integer> {

    /** numpy's default number of bins. */
    static final int DEFAULT_BINS = 10;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE[:ENTRY]", description = "The array; an archive's only array needs no :ENTRY.")
    private String array;

    @Option(names = "--bins", paramLabel = "N", description = "Equal bins between the range's ends (default: "
            + DEFAULT_BINS + ").")
    private Integer bins;

    @Option(names = "--edges", paramLabel = "E0,E1,...", split = ",",
            description = "The bins' edges, increasing: [E0, E1), [E1, E2), ..., the last bin closed.")
    private double[] edges;

    @Option(names = "--range", paramLabel = "LO,HI", split = ",",
            description = "The first and last edge (default: the smallest and largest finite value).")
    private double[] range;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.png", description = "Write a PNG chart instead of text.")
    private String output;

    @Option(names = "--log", description = "Counts on a logarithmic scale.")
    private boolean log;

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    private boolean json;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "The width of the text in characters (default: COLUMNS, else 80).")
    private int width;

    @Option(names = "--ascii", description = "Draw bars with # instead of Unicode blocks.")
    private boolean ascii;

    @Override
    public Integer call() throws Failure {
        if (edges != null && (bins != null || range != null)) {
            throw new Failure(ExitCodes.USAGE, "--edges gives the bins; it goes with neither --bins nor --range");
        }
        if (bins != null && bins < 1) {
            throw new Failure(ExitCodes.USAGE, "--bins must be positive, not " + bins);
        }
        if (range != null && (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1]))) {
            throw new Failure(ExitCodes.USAGE, "--range needs two finite numbers LO,HI");
        }
        if (range != null && range[0] > range[1]) {
            throw new Failure(ExitCodes.USAGE, "--range: max must be larger than min (numpy raises ValueError)");
        }
        if (output != null && json) {
            throw new Failure(ExitCodes.USAGE, "-o and --json each say what to print; give one");
        }
        Inputs.Target target = Inputs.single(Inputs.target(array));
        int n = bins == null ? DEFAULT_BINS : bins;
        PrintWriter err = spec.commandLine().getErr();
        List<Histogram.Extremes> extremes = new ArrayList<>(1);
        if (edges == null && range == null) {
            // an automatic range needs the data's extremes: a first pass
            Inputs.forEachArray(target, (label, reader) -> {
                check(label, reader.header().dtype());
                try (Progress progress = Progress.start(err, label + " (range)", reader.header().elementCount())) {
                    extremes.add(Histogram.extremes(reader, progress::advance));
                }
            }, label -> { });
        }
        List<Counted> counted = new ArrayList<>(1);
        Inputs.forEachArray(target, (label, reader) -> {
            DType d = reader.header().dtype();
            check(label, d);
            FloatType floatType = d.kind() == DType.Kind.FLOAT ? FloatType.ofSize(d.itemSize()) : null;
            Histogram histogram;
            try {
                histogram = edges != null ? Histogram.withEdges(edges)
                        : range != null ? Histogram.withRange(floatType, n, range[0], range[1])
                        : Histogram.withDataRange(extremes.get(0), n);
            } catch (IllegalArgumentException e) {
                throw new Failure(ExitCodes.USAGE, label + ": " + e.getMessage());
            }
            try (Progress progress = Progress.start(err, label, reader.header().elementCount())) {
                histogram.count(reader, progress::advance);
            } catch (IllegalStateException e) {
                throw new Failure(ExitCodes.ERROR, label + ": " + e.getMessage(), e);
            }
            counted.add(new Counted(label, reader.header(), histogram));
        }, label -> { });
        print(counted.get(0));
        return ExitCodes.OK;
    }

    /** A histogram of an array. */
    private record Counted(String label, NpyHeader header, Histogram histogram) {
    }

    private static void check(String label, DType dtype) throws Failure {
        boolean numeric = switch (dtype.kind()) {
            case BOOL, INT, UINT -> true;
            case FLOAT -> dtype.itemSize() <= 8;
            default -> false;
        };
        if (!numeric) {
            throw new Failure(ExitCodes.ERROR, label + ": hist needs a bool, integer or float array"
                    + Describe.float64Limit(dtype) + "; this one holds " + Describe.dtype(dtype));
        }
    }

    private void print(Counted counted) throws Failure {
        Histogram histogram = counted.histogram();
        String label = counted.label();
        DType dtype = counted.header().dtype();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long[] counts = histogram.counts();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        String summary = label + ": " + Describe.dtype(dtype) + " " + counted.header().shapeString() + ", " + total
                + (total == 1 ? " value" : " values") + " in " + counts.length + (counts.length == 1 ? " bin" : " bins");
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> edgeTexts = new ArrayList<>();
            for (double e : histogram.edges()) {
                edgeTexts.add(new Json.Raw(Dragon4.shortestRepr(histogram.binType().bits(e), histogram.binType())));
            }
            List<Object> countList = new ArrayList<>();
            for (long c : counts) {
                countList.add(c);
            }
            m.put("edges", edgeTexts);
            m.put("counts", countList);
            m.put("nan", histogram.nans());
            m.put("posinf", histogram.positiveInfinities());
            m.put("neginf", histogram.negativeInfinities());
            out.println(Json.write(m));
        } else if (output != null) {
            try (OutputFile png = OutputFile.create(Inputs.path(output))) {
                HistogramChart.write(histogram, label, Describe.dtype(dtype) + " value", log,
                        png.stream());
                png.commit();
            } catch (IOException e) {
                throw Failure.of(output, e);
            }
            out.println(output + ": " + HistogramChart.WIDTH + "x"
                    + HistogramChart.HEIGHT + " chart of " + summary);
        } else {
            Map<String, String> env = System.getenv();
            int columns = width > 0 ? width : ColorMode.width(env);
            boolean plain = ascii || "dumb".equals(env.get("TERM"));
            out.println(summary + (log ? ", bars by log(count + 1)" : ""));
            for (String line : HistogramText.lines(histogram, columns, log, plain)) {
                out.println(line.stripTrailing());
            }
        }
        List<String> apart = new ArrayList<>();
        if (dtype.kind() == DType.Kind.FLOAT && !json) {
            apart.add("NaN " + histogram.nans());
            apart.add("+inf " + histogram.positiveInfinities());
            apart.add("-inf " + histogram.negativeInfinities());
        }
        if (histogram.outside() > 0 && !json) {
            apart.add("outside the bins " + histogram.outside());
        }
        if (!apart.isEmpty()) {
            out.println("not counted: " + String.join(", ", apart));
        }
        out.flush();
        err.flush();
    }
}
