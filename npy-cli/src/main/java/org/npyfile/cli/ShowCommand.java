package org.npyfile.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.npyfile.NpyArray;
import org.npyfile.cli.repr.ArrayRepr;
import org.npyfile.cli.repr.PrintOptions;
import org.npyfile.cli.repr.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy show}: values as numpy's {@code repr} (or {@code str}) prints them, reading only what is printed. */
@Command(name = "show",
        header = "Print values as numpy's repr() prints them.",
        description = {
            "Print arrays as numpy's repr() prints them, so that the output can be compared with numpy's side"
                    + " by side: array([...], dtype=...), summarised with ... beyond the threshold; with --str as"
                    + " numpy's str() prints them. Of a large array only the printed elements are read.",
            "An archive without :ENTRY shows every entry, each after a '# FILE:KEY' line.",
            "Object arrays (dtype object: Python values, which numpy stores as a pickle) are not printed: numpy's"
                    + " repr of them is Python's repr of each value, which this command does not reproduce. Named"
                    + " alone they are an error; in an archive shown whole, a note stands in their place.",
        })
final class ShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE[:ENTRY]", arity = "1..*", description = "The arrays to print.")
    private List<String> arrays;

    @Option(names = "--threshold", paramLabel = "N", defaultValue = "1000",
            description = "Summarise arrays of more than N elements (numpy's threshold; default: ${DEFAULT-VALUE}).")
    private long threshold;

    @Option(names = "--edgeitems", paramLabel = "N", defaultValue = "3",
            description = "Elements shown at each end of a summarised axis (default: ${DEFAULT-VALUE}).")
    private int edgeItems;

    @Option(names = "--linewidth", paramLabel = "N", defaultValue = "75",
            description = "Characters per line (default: ${DEFAULT-VALUE}).")
    private int lineWidth;

    @Option(names = "--str", description = "Print as numpy's str() does: [...] without array( and dtype=, a 0-d"
            + " array as its scalar.")
    private boolean str;

    @Option(names = "--precision", paramLabel = "N", defaultValue = "8",
            description = "Most digits after the decimal point of floats (default: ${DEFAULT-VALUE}).")
    private int precision;

    @Override
    public Integer call() throws Failure {
        PrintOptions options;
        try {
            options = new PrintOptions(threshold, edgeItems, lineWidth, precision);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Inputs.Target> targets = new ArrayList<>();
        for (String a : arrays) {
            targets.add(Inputs.target(a));
        }
        boolean labelled = targets.size() > 1 || targets.stream().anyMatch(t -> t.entry() == null && isArchive(t));
        boolean[] first = {true};
        for (Inputs.Target target : targets) {
            boolean wholeArchive = target.entry() == null && isArchive(target);
            Inputs.forEachArray(target, (label, reader) -> {
                if (reader.header().dtype().hasObjects()) {
                    if (!wholeArchive) {
                        throw Inputs.objectArray(label, "show prints arrays of fixed-size values only");
                    }
                    out.println((first[0] ? "" : "\n") + "# " + label);
                    out.println("(an object array: Python values, which numpy stores as a pickle; not shown)");
                    first[0] = false;
                    return;
                }
                Summary summary;
                try {
                    summary = Summary.of(reader.header().shape(), options);
                } catch (IllegalArgumentException e) {
                    throw new Failure(ExitCodes.ERROR, label + ": " + e.getMessage() + "; lower --threshold", e);
                }
                NpyArray corners = Corners.read(reader, summary);
                if (labelled) {
                    out.println((first[0] ? "" : "\n") + "# " + label);
                }
                first[0] = false;
                out.println(str ? ArrayRepr.str(corners, summary, options) : ArrayRepr.repr(corners, summary, options));
                out.flush();
            }, label -> {
                out.println((first[0] ? "" : "\n") + "# " + label);
                out.println("(not an npy stream: numpy.load returns its raw bytes)");
                first[0] = false;
            });
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean isArchive(Inputs.Target t) {
        try {
            return Inputs.kind(t.file(), t.argument()) == Inputs.Kind.NPZ;
        } catch (Failure f) {
            return false;
        }
    }
}
