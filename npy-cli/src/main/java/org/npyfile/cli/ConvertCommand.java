package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy convert}: npy and CSV both ways, any npy or archive entry to a plain little-endian C-order npy. */
@Command(name = "convert",
        header = "Convert npy <-> CSV, or any array or entry to a plain .npy.",
        description = {
            "Convert by OUT's extension. To .npy: IN (an .npy file, ARCHIVE.npz:KEY or a CSV file) is written"
                    + " as a little-endian, C-order .npy whatever its byte order and memory order. To .csv: a"
                    + " 0-, 1- or 2-d bool, integer or float array is written one row per line, floats as the"
                    + " shortest text that reads back as the same value.",
            "A CSV file written here starts with '# npy: shape=..., dtype=...', so that converting it back"
                    + " gives the same array; without that line the shape is (rows,) for one column, else"
                    + " (rows, columns), and the dtype the narrowest of bool, int64 and float64 that holds"
                    + " every value.",
            "An object array (Python values, which numpy stores as a pickle) converts to .npy only with --objects,"
                    + " which decodes its pickle (nothing runs) and writes it again as numpy.save writes it; it"
                    + " has no CSV form.",
        })
final class ConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "An .npy file, ARCHIVE.npz:KEY, or a .csv file.")
    private String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The .npy or .csv file to write (replaced if it exists).")
    private String output;

    @Option(names = "--dtype", paramLabel = "DTYPE",
            description = "For CSV input: the dtype to write, as numpy names it (float32, <i2, int64, bool, ...).")
    private String dtype;

    @Option(names = "--no-header", description = "For CSV output: leave out the '# npy:' line.")
    private boolean noHeader;

    @Option(names = Inputs.OBJECTS_OPTION, description = Inputs.OBJECTS_HELP)
    private boolean objects;

    @Override
    public Integer call() throws Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = Inputs.path(output);
        String outExtension = extension(output);
        if (!outExtension.equals(".npy") && !outExtension.equals(".csv")) {
            throw new Failure(ExitCodes.USAGE, "OUT must end in .npy or .csv, not '" + output + "'");
        }
        boolean csvIn = extension(input).equals(".csv");
        if (dtype != null && !csvIn) {
            throw new Failure(ExitCodes.USAGE, "--dtype applies to CSV input only");
        }
        if (csvIn) {
            if (outExtension.equals(".csv")) {
                throw new Failure(ExitCodes.USAGE, "IN and OUT are both CSV; one of them must be .npy");
            }
            DType requested = dtype == null ? null : parseDType(dtype);
            try {
                NpyHeader written = Csv.read(Inputs.path(input), target, requested, input);
                out.println(output + ": " + Describe.dtype(written.dtype()) + " " + written.shapeString());
            } catch (IOException e) {
                throw Failure.of(input, e);
            }
            out.flush();
            return ExitCodes.OK;
        }
        Inputs.Target source = Inputs.single(Inputs.target(input));
        Inputs.forEachArray(source, objects, (label, reader) -> {
            NpyHeader h = reader.header();
            if (h.dtype().hasObjects() && outExtension.equals(".npy")) {
                if (!objects) {
                    throw Inputs.objectArray(label, Inputs.OBJECTS_OPTION + " converts it");
                }
                NpyArray array = reader.readAll().toCOrder();
                try {
                    Npy.write(target, array);
                } catch (IOException e) {
                    throw Failure.of(output, e);
                }
                out.println(output + ": " + Describe.dtype(h.dtype()) + " " + h.shapeString() + ", C order");
                return;
            }
            try (Progress progress = Progress.start(err, label, h.dataBytes())) {
                if (outExtension.equals(".csv")) {
                    String unsupported = Csv.unsupported(h);
                    if (unsupported != null) {
                        throw new Failure(ExitCodes.ERROR, label + ": " + unsupported);
                    }
                    Csv.write(reader, target, !noHeader, progress);
                    out.println(output + ": " + h.elementCount() + " values of " + Describe.dtype(h.dtype()) + " "
                            + h.shapeString());
                } else {
                    NpyHeader written = toNpy(reader, target, progress);
                    out.println(output + ": " + Describe.dtype(written.dtype()) + " " + written.shapeString()
                            + ", C order");
                }
            } catch (IOException e) {
                throw Failure.of(output, e);
            }
        }, label -> { });
        out.flush();
        return ExitCodes.OK;
    }

    private static DType parseDType(String text) throws Failure {
        try {
            return DType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCodes.USAGE, "--dtype: " + e.getMessage(), e);
        }
    }

    /**
     * Writes any array as a little-endian C-order file: C-order data streams through in chunks;
     * Fortran-order data is transposed in memory.
     */
    private static NpyHeader toNpy(NpyReader reader, Path target, Progress progress) throws IOException {
        NpyHeader h = reader.header();
        DType little = h.dtype().withByteOrder(ByteOrder.LITTLE_ENDIAN);
        // The reader hands out C order; a Fortran-order input is transposed in memory on the first read.
        NpyHeader written = NpyHeader.of(little, h.shape());
        int chunk = Inputs.chunkElements(h.dtype());
        try (NpyWriter writer = NpyWriter.open(target, written)) {
            while (reader.remaining() > 0) {
                NpyArray part = reader.readChunk(chunk);
                writer.write(part.withByteOrder(ByteOrder.LITTLE_ENDIAN));
                progress.advance(part.data().remaining());
            }
        }
        return written;
    }

    /** The extension of the last name in a path, lower case: {@code .npy}, {@code .csv} or whatever it is. */
    private static String extension(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot).toLowerCase(Locale.ROOT);
    }
}
