package org.npyfile.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy verify}: reads everything, checks everything, one line per problem. */
@Command(name = "verify",
        header = "Check files completely: headers, sizes, every entry, every CRC.",
        description = "Check files completely: the npy header, that all the data is there, and for archives the"
                + " ZIP structure and every entry, read to its end with its CRC-32. Prints 'FILE: ok (...)'"
                + " for an intact file and one line per problem otherwise; exits with 0 only if every file"
                + " is intact. A file that cannot be read at all (missing, no permission) is an error on"
                + " stderr, not a finding. An object array's pickle is checked as bytes (in an archive, its"
                + " CRC-32), and decoded only with --objects; the line then says so.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .npy files and .npz archives.")
    private List<String> files;

    @Option(names = Inputs.OBJECTS_OPTION, description = Inputs.OBJECTS_HELP
            + " Checks that each pickle holds the array its header announces.")
    private boolean objects;

    private boolean ioError;

    @Override
    public Integer call() throws Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean problems = false;
        for (String name : files) {
            Path file = Inputs.path(name);
            List<String> found = new ArrayList<>();
            String summary;
            try {
                Inputs.Kind kind = Inputs.kind(file, name);
                summary = kind == Inputs.Kind.NPY ? npy(file, name, found, err) : npz(file, name, found, err);
            } catch (Failure f) {
                if (!Files.isReadable(file)) {
                    // missing or unreadable: not a verdict on the file, so an error on stderr
                    ioError = true;
                    err.println("npy: " + f.getMessage());
                    err.flush();
                    continue;
                }
                // neither kind of file
                found.add(f.getMessage().startsWith(name + ": ") ? f.getMessage().substring(name.length() + 2)
                        : f.getMessage());
                summary = null;
            }
            if (found.isEmpty()) {
                out.println(name + ": ok (" + summary + ")");
            } else {
                problems = true;
                for (String problem : found) {
                    out.println(name + ": " + problem);
                }
            }
            out.flush();
        }
        return ioError ? ExitCodes.ERROR : problems ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    /** A problem the file has, or an I/O failure of the machine (which also ends with exit code 3). */
    private String problem(String what, IOException e) {
        if (!(e instanceof NpyException || e instanceof EOFException)) {
            ioError = true;
        }
        String reason = Failure.reason(what, e);
        return reason;
    }

    private String npy(Path file, String name, List<String> found, PrintWriter err) {
        try (NpyReader reader = NpyReader.open(file, Inputs.limits(objects)).storedOrder()) {
            NpyHeader h = reader.header();
            String what = "npy " + Describe.version(h) + ", " + Describe.dtype(h.dtype()) + " " + h.shapeString();
            if (h.dtype().hasObjects()) {
                return what + objectsChecked(reader, Files.size(file) - h.dataOffset(), 1);
            }
            try (Progress progress = Progress.start(err, name, h.dataBytes())) {
                readToEnd(reader, progress);
            }
            long trailing = Files.size(file) - h.dataOffset() - h.dataBytes();
            return what + (trailing > 0 ? ", " + trailing + " bytes after the data, which numpy ignores" : "");
        } catch (IOException e) {
            found.add(problem(name, e));
            return null;
        }
    }

    /**
     * Checks an object array's pickle: decodes it with {@code --objects}, else only that it is there.
     *
     * @return what the summary says about it
     */
    private String objectsChecked(NpyReader reader, long pickleBytes, int count) throws IOException {
        if (objects) {
            reader.readAll();
            return "";
        }
        if (pickleBytes <= 0) {
            NpyHeader h = reader.header();
            throw new NpyFormatException(h.dataOffset(), "the pickle of an object array", "the end of the file");
        }
        return notDecoded(count);
    }

    private static String notDecoded(int count) {
        return "; " + (count == 1 ? "an object array's pickle" : count + " object arrays' pickles") + " checked as"
                + " bytes, not decoded (" + Inputs.OBJECTS_OPTION + " decodes " + (count == 1 ? "it" : "them") + ")";
    }

    private String npz(Path file, String name, List<String> found, PrintWriter err) {
        int nonNpy = 0;
        int undecoded = 0;
        int count;
        try (NpzFile npz = NpzFile.open(file, Inputs.npzLimits(objects))) {
            count = npz.entries().size();
            long total = 0;
            for (NpzEntry e : npz.entries()) {
                total += e.uncompressedSize();
            }
            try (Progress progress = Progress.start(err, name, total)) {
                for (NpzEntry e : npz.entries()) {
                    try {
                        if (!npz.isNpy(e.name())) {
                            nonNpy++;
                            progress.advance(e.uncompressedSize());
                            continue;
                        }
                        try (NpyReader reader = npz.reader(e.name())) {
                            NpyHeader h = reader.header();
                            progress.advance(h.dataOffset());
                            if (!h.dtype().hasObjects()) {
                                readToEnd(reader, progress);
                            } else if (objects) {
                                reader.readAll();
                                progress.advance(e.uncompressedSize() - h.dataOffset());
                            } else {
                                npz.verify(e.name()); // the pickle's bytes: sizes and CRC-32
                                progress.advance(e.uncompressedSize() - h.dataOffset());
                                undecoded++;
                            }
                        }
                    } catch (IOException ex) {
                        String reason = problem(name, ex);
                        found.add(reason.startsWith("entry '") ? reason : "entry '" + e.name() + "': " + reason);
                    }
                }
            }
        } catch (IOException e) {
            found.add(problem(name, e));
            return null;
        }
        if (nonNpy > 0 && found.isEmpty()) {
            // entries numpy returns as raw bytes: their CRCs are checked by reading the archive as a stream
            try (NpzInputStream stream = NpzInputStream.of(Files.newInputStream(file), Inputs.NPZ_LIMITS)) {
                while (stream.nextEntry() != null) {
                    // nextEntry reads and checks what the previous entry left unread
                }
            } catch (IOException e) {
                found.add(problem(name, e));
            }
        }
        return "npz, " + count + (count == 1 ? " entry" : " entries")
                + (nonNpy > 0 ? "; " + nonNpy + " not an npy stream, which numpy.load returns as raw bytes" : "")
                + (undecoded > 0 ? notDecoded(undecoded) : "");
    }

    /** Reads every element; strings are decoded, so invalid code points are found too. */
    private static void readToEnd(NpyReader reader, Progress progress) throws IOException {
        DType dtype = reader.header().dtype();
        boolean strings = dtype.kind() == DType.Kind.UNICODE;
        int chunk = Inputs.chunkElements(dtype);
        while (reader.remaining() > 0) {
            NpyArray part = reader.readChunk(chunk);
            if (strings) {
                part.asStringArray();
            }
            progress.advance(part.data().remaining());
        }
    }
}
