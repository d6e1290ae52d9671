package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.npyfile.DType;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.cli.repr.Dragon4;
import org.npyfile.cli.repr.FloatType;
import org.npyfile.cli.repr.FloatValue;
import org.npyfile.cli.repr.LongDouble;
import org.npyfile.cli.repr.PythonText;
import org.npyfile.cli.repr.ScalarText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy stats}: streaming statistics of numeric arrays in constant memory. */
@Command(name = "stats",
        header = "Print min, max, mean, standard deviation and NaN count, streaming.",
        description = "Print the count, NaN count, min and max (NaNs left out, as numpy.nanmin and nanmax), mean"
                + " and standard deviation (as numpy.mean and std; with NaNs also nanmean and nanstd) of bool,"
                + " integer and float arrays, for float16 and float32 arrays as numpy prints scalars of their"
                + " type. Of long double (float128) arrays, min and max are exact and printed as numpy prints"
                + " float128 scalars, while mean and standard deviation are computed in float64 (numpy computes"
                + " them in float128: they agree to about 1e-15, and values beyond float64's range count as"
                + " infinities or zeros). Reads the data in chunks, in constant memory, whatever the"
                + " array's size.")
final class StatsCommand implements Callable<Integer> {

    /** Elements per read: large enough for bulk copies, small enough to keep memory flat. */
    static final int CHUNK = 1 << 16;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    private boolean json;

    @Parameters(paramLabel = "FILE[:ENTRY]", arity = "1..*",
            description = "The arrays; an archive without :ENTRY means all its numeric entries.")
    private List<String> arrays;

    @Override
    public Integer call() throws Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Object> results = new ArrayList<>();
        for (String a : arrays) {
            Inputs.Target target = Inputs.target(a);
            Inputs.forEachArray(target, (label, reader) -> {
                DType dtype = reader.header().dtype();
                if (!isNumeric(dtype)) {
                    String reason = "stats needs a bool, integer or float array; this one holds "
                            + Describe.dtype(dtype);
                    if (label.equals(target.argument())) {
                        throw new Failure(ExitCodes.ERROR, label + ": " + reason);
                    }
                    err.println("npy: skipped " + label + ": " + reason);
                    return;
                }
                Map<String, Object> result = stats(label, reader, err);
                if (json) {
                    results.add(result);
                } else {
                    printText(out, result, results.isEmpty());
                    results.add(result);
                }
            }, label -> err.println("npy: skipped " + label + ": not an npy stream"));
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("arrays", results);
            out.println(Json.write(root));
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private static boolean isNumeric(DType d) {
        return switch (d.kind()) {
            case BOOL, INT, UINT, FLOAT -> true;
            default -> false;
        };
    }

    private static Map<String, Object> stats(String label, NpyReader reader, PrintWriter err) throws IOException {
        // Statistics do not depend on the order: stream the stored one, with bounded memory.
        reader.storedOrder();
        NpyHeader h = reader.header();
        DType dtype = h.dtype();
        RunningStats s = new RunningStats();
        int itemSize = dtype.itemSize();
        boolean unsigned = dtype.kind() == DType.Kind.UINT;
        FloatValue[] longDoubleExtremes = null;
        try (Progress progress = Progress.start(err, label, h.dataBytes())) {
            int n;
            switch (dtype.kind()) {
                case BOOL -> {
                    boolean[] buf = new boolean[CHUNK];
                    while ((n = reader.read(buf, 0, buf.length)) > 0) {
                        for (int i = 0; i < n; i++) {
                            s.add(buf[i] ? 1 : 0, false);
                        }
                        progress.advance((long) n * itemSize);
                    }
                }
                case FLOAT -> {
                    if (dtype.isLongDouble()) {
                        longDoubleExtremes = readLongDoubles(reader, s, progress);
                    } else if (itemSize == 8) {
                        double[] buf = new double[CHUNK];
                        while ((n = reader.read(buf, 0, buf.length)) > 0) {
                            for (int i = 0; i < n; i++) {
                                s.add(buf[i]);
                            }
                            progress.advance((long) n * itemSize);
                        }
                    } else {
                        float[] buf = new float[CHUNK];
                        while ((n = reader.read(buf, 0, buf.length)) > 0) {
                            for (int i = 0; i < n; i++) {
                                s.add(buf[i]);
                            }
                            progress.advance((long) n * itemSize);
                        }
                    }
                }
                default -> readIntegers(reader, itemSize, unsigned, s, progress);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("array", label);
        m.put("dtype", Describe.dtype(dtype));
        m.put("shape", h.shape());
        m.put("count", s.count());
        m.put("nan", s.nanCount());
        boolean empty = s.valueCount() == 0;
        switch (dtype.kind()) {
            case BOOL -> {
                m.put("min", empty ? null : s.minLong() != 0);
                m.put("max", empty ? null : s.maxLong() != 0);
            }
            case FLOAT -> {
                if (longDoubleExtremes != null) {
                    m.put("min", empty ? null : longDouble(longDoubleExtremes[0]));
                    m.put("max", empty ? null : longDouble(longDoubleExtremes[1]));
                } else {
                    FloatType type = FloatType.ofSize(itemSize);
                    m.put("min", empty ? null : number(type.bits(s.min()), type));
                    m.put("max", empty ? null : number(type.bits(s.max()), type));
                }
            }
            default -> {
                boolean u64 = unsigned && itemSize == 8;
                m.put("min", empty ? null : new Json.Raw(u64 ? Long.toUnsignedString(s.minLong()) : Long.toString(s.minLong())));
                m.put("max", empty ? null : new Json.Raw(u64 ? Long.toUnsignedString(s.maxLong()) : Long.toString(s.maxLong())));
            }
        }
        // numpy's mean and std of a float16 or float32 array are scalars of that type, printed with
        // the shortest digits of that type; of every other array float64 (of long doubles: ours)
        FloatType resultType = dtype.kind() == DType.Kind.FLOAT && !dtype.isLongDouble() ? FloatType.ofSize(itemSize)
                : FloatType.DOUBLE;
        m.put("mean", number(s.mean(), resultType));
        m.put("std", number(s.std(), resultType));
        if (s.nanCount() > 0) {
            m.put("nanmean", number(s.nanMean(), resultType));
            m.put("nanstd", number(s.nanStd(), resultType));
        }
        return m;
    }

    /**
     * Adds long doubles to the sums as their nearest doubles, and finds their exact extremes.
     *
     * @return the smallest and largest value that is not NaN, or nulls when there is none
     */
    private static FloatValue[] readLongDoubles(NpyReader reader, RunningStats s, Progress progress)
            throws IOException {
        FloatValue min = null;
        FloatValue max = null;
        int itemSize = reader.header().dtype().itemSize();
        while (reader.remaining() > 0) {
            ByteBuffer data = reader.readChunk(Inputs.chunkElements(reader.header().dtype())).data();
            for (int at = 0; at < data.limit(); at += itemSize) {
                FloatValue v = LongDouble.X87_EXTENDED.read(data, at);
                s.add(v.toDouble());
                if (!v.isNaN()) {
                    min = min == null || v.compareNumber(min) < 0 ? v : min;
                    max = max == null || v.compareNumber(max) > 0 ? v : max;
                }
            }
            progress.advance(data.limit());
        }
        return new FloatValue[] {min, max};
    }

    private static void readIntegers(NpyReader reader, int itemSize, boolean unsigned, RunningStats s,
            Progress progress) throws IOException {
        int n;
        switch (itemSize) {
            case 1 -> {
                byte[] buf = new byte[CHUNK];
                while ((n = reader.read(buf, 0, buf.length)) > 0) {
                    for (int i = 0; i < n; i++) {
                        s.add(unsigned ? buf[i] & 0xffL : buf[i], false);
                    }
                    progress.advance(n);
                }
            }
            case 2 -> {
                short[] buf = new short[CHUNK];
                while ((n = reader.read(buf, 0, buf.length)) > 0) {
                    for (int i = 0; i < n; i++) {
                        s.add(unsigned ? buf[i] & 0xffffL : buf[i], false);
                    }
                    progress.advance(2L * n);
                }
            }
            case 4 -> {
                int[] buf = new int[CHUNK];
                while ((n = reader.read(buf, 0, buf.length)) > 0) {
                    for (int i = 0; i < n; i++) {
                        s.add(unsigned ? buf[i] & 0xffff_ffffL : buf[i], false);
                    }
                    progress.advance(4L * n);
                }
            }
            default -> {
                long[] buf = new long[CHUNK];
                while ((n = reader.read(buf, 0, buf.length)) > 0) {
                    for (int i = 0; i < n; i++) {
                        s.add(buf[i], unsigned);
                    }
                    progress.advance(8L * n);
                }
            }
        }
    }

    /** A float of the array's type: JSON number text of its shortest repr, or nan/inf as strings. */
    private static Object number(long bits, FloatType type) {
        String text = Dragon4.shortestRepr(bits, type);
        return type.isFinite(bits) ? new Json.Raw(text) : text;
    }

    /** A long double as numpy's {@code str} of a {@code float128} scalar prints it. */
    private static Object longDouble(FloatValue value) {
        String text = ScalarText.floatStr(value, LongDouble.X87_EXTENDED);
        return value.isFinite() ? new Json.Raw(text) : text;
    }

    /** A double-precision result as a value of the given type: rounded to it, its shortest digits. */
    private static Object number(double value, FloatType type) {
        return number(type.bits(type.round(value)), type);
    }

    private static void printText(PrintWriter out, Map<String, Object> m, boolean first) {
        if (!first) {
            out.println();
        }
        out.println(m.get("array") + ": " + m.get("dtype") + " " + PythonText.tuple((long[]) m.get("shape")));
        Table table = new Table("", "");
        for (String key : List.of("count", "nan", "min", "max", "mean", "std", "nanmean", "nanstd")) {
            if (!m.containsKey(key)) {
                continue;
            }
            Object v = m.get(key);
            String text = v == null ? "-" : v instanceof Json.Raw raw ? raw.text()
                    : v instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(v);
            table.row(key, text);
        }
        List<String> lines = table.lines("  ");
        lines.subList(1, lines.size()).forEach(out::println);
    }
}
