package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy extract}: every entry of an archive to its own {@code .npy} file, never outside the directory. */
@Command(name = "extract",
        header = "Write every entry of an archive to DIR/<key>.npy, never outside DIR.",
        description = {
            "Write every entry of an archive to DIR/<key>.npy; a '/' in a key makes a subdirectory. Keys that"
                    + " could escape DIR (../x, absolute names, drive letters, backslashes, NUL) are refused"
                    + " before anything is written, and symbolic links are never followed: an existing link"
                    + " where a directory or a file would go is refused. Existing files are replaced.",
            "Each file is written as numpy.save writes it: the entry's dtype, shape, order and data bytes,"
                    + " under a header in numpy's current layout. An object array is extracted only with --objects:"
                    + " its pickle is decoded (nothing runs) and written again as numpy.save writes it; without"
                    + " --objects it is skipped with a note, as entries that are no npy stream are.",
        })
final class ExtractCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "The .npz archive.")
    private String archive;

    @Parameters(index = "1", paramLabel = "DIR", description = "The directory to write into (created if missing).")
    private String directory;

    @Option(names = Inputs.OBJECTS_OPTION, description = Inputs.OBJECTS_HELP)
    private boolean objects;

    @Override
    public Integer call() throws Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = Inputs.path(archive);
        Path dir = Inputs.path(directory);
        if (Inputs.kind(file, archive) != Inputs.Kind.NPZ) {
            throw new Failure(ExitCodes.ERROR, archive + ": an .npy file, not an .npz archive; nothing to extract");
        }
        int code = ExitCodes.OK;
        try (NpzFile npz = NpzFile.open(file, Inputs.npzLimits(objects))) {
            List<String> refused = new ArrayList<>();
            for (NpzEntry e : npz.entries()) {
                String problem = EntryNames.problem(e.key());
                if (problem != null) {
                    refused.add("refusing entry " + quoted(e.name()) + ": " + problem);
                }
            }
            if (!refused.isEmpty()) {
                for (String r : refused) {
                    err.println("npy: " + archive + ": " + r);
                }
                err.println("npy: " + archive + ": nothing extracted");
                err.flush();
                return ExitCodes.PROBLEMS;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw Failure.of(directory, e);
            }
            for (NpzEntry e : npz.entries()) {
                if (!npz.isNpy(e.name())) {
                    err.println("npy: " + archive + ": skipped entry " + quoted(e.name())
                            + ": not an npy stream (numpy.load returns its raw bytes)");
                    code = ExitCodes.PROBLEMS;
                    continue;
                }
                boolean pickled = npz.header(e.name()).dtype().hasObjects();
                if (pickled && !objects) {
                    err.println("npy: " + archive + ": skipped entry " + quoted(e.name()) + ": an object array (Python"
                            + " values, which numpy stores as a pickle); " + Inputs.OBJECTS_OPTION + " extracts it");
                    code = ExitCodes.PROBLEMS;
                    continue;
                }
                Path target = targetFor(dir, e.key(), archive);
                try {
                    if (pickled) {
                        Npy.write(target, npz.read(e.name()));
                    } else {
                        try (NpyReader reader = npz.reader(e.name());
                             Progress progress = Progress.start(err, e.key(), reader.header().dataBytes())) {
                            copy(reader, target, progress);
                        }
                    }
                } catch (IOException ex) {
                    throw Failure.of(archive + ":" + e.key(), ex);
                }
                out.println(target);
                out.flush();
            }
        } catch (IOException e) {
            throw Failure.of(archive, e);
        }
        err.flush();
        return code;
    }

    /**
     * The file for a safe key: {@code dir/a/b.npy} for {@code a/b}, creating the directories on the
     * way and refusing any symbolic link among them or at the file itself.
     */
    private static Path targetFor(Path dir, String key, String archive) throws Failure {
        String[] parts = key.split("/");
        Path at = dir;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            at = at.resolve(last ? parts[i] + ".npy" : parts[i]);
            if (Files.isSymbolicLink(at)) {
                throw new Failure(ExitCodes.PROBLEMS, archive + ": refusing entry '" + key + ".npy': " + at
                        + " is a symbolic link, which extract never follows");
            }
            if (!last) {
                try {
                    if (!Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectory(at);
                    }
                } catch (IOException e) {
                    throw Failure.of(at.toString(), e);
                }
            }
        }
        return at;
    }

    private static void copy(NpyReader reader, Path target, Progress progress) throws IOException {
        NpyHeader h = reader.header();
        int chunk = Inputs.chunkElements(h.dtype());
        // A byte-exact copy: the stored order, which the header describes.
        reader.storedOrder();
        try (NpyWriter writer = NpyWriter.open(target, NpyHeader.of(h.dtype(), h.fortranOrder(), h.shape()))) {
            while (reader.remaining() > 0) {
                NpyArray part = reader.readChunk(chunk);
                writer.write(part);
                progress.advance(part.data().remaining());
            }
        }
    }

    private static String quoted(String name) {
        return org.npyfile.cli.repr.PythonText.str(name);
    }
}
