package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.npyfile.npz.NpzWriteOptions;
import org.npyfile.npz.NpzWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code npy pack}: .npy files into one archive, as {@code numpy.savez} would write them. */
@Command(name = "pack",
        header = "Pack .npy files into an .npz archive, keyed by file name.",
        description = "Pack .npy files into an .npz archive keyed by file name without .npy (weights.npy becomes"
                + " the key 'weights'), as numpy.savez writes it, or deflated as numpy.savez_compressed writes"
                + " it. Arrays are streamed whatever their size; OUT appears only once complete.")
final class PackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .npy files, in archive order.")
    private List<String> files;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The archive to write.")
    private String output;

    @Option(names = "--compressed", description = "Deflate the entries (numpy.savez_compressed).")
    private boolean compressed;

    @Override
    public Integer call() throws Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Path> byKey = new LinkedHashMap<>();
        for (String name : files) {
            Path file = Inputs.path(name);
            String base = file.getFileName() == null ? name : file.getFileName().toString();
            String key = base.endsWith(".npy") ? base.substring(0, base.length() - 4) : base;
            if (byKey.containsKey(key)) {
                throw new Failure(ExitCodes.USAGE, "two files would have the key '" + key + "': " + byKey.get(key)
                        + " and " + name);
            }
            if (Inputs.kind(file, name) != Inputs.Kind.NPY) {
                throw new Failure(ExitCodes.ERROR, name + ": an .npz archive, not an .npy file");
            }
            byKey.put(key, file);
        }
        Path target = Inputs.path(output);
        NpzWriteOptions options = compressed ? NpzWriteOptions.COMPRESSED : NpzWriteOptions.STORED;
        List<String> keys = new ArrayList<>(byKey.keySet());
        NpzWriter writer;
        try {
            writer = NpzWriter.open(target, options);
        } catch (IOException e) {
            throw Failure.of(output, e);
        }
        boolean complete = false;
        try {
            for (Map.Entry<String, Path> e : byKey.entrySet()) {
                String name = e.getValue().toString();
                try (NpyReader reader = NpyReader.open(e.getValue(), Inputs.LIMITS).storedOrder();
                     Progress progress = Progress.start(err, name, reader.header().dataBytes())) {
                    NpyHeader h = reader.header();
                    int chunk = Inputs.chunkElements(h.dtype());
                    try (NpyWriter entry = writer.entry(e.getKey(), h)) {
                        while (reader.remaining() > 0) {
                            NpyArray part = reader.readChunk(chunk);
                            entry.write(part);
                            progress.advance(part.data().remaining());
                        }
                    }
                } catch (IOException ex) {
                    throw Failure.of(name, ex);
                } catch (IllegalArgumentException ex) {
                    throw new Failure(ExitCodes.ERROR, name + ": cannot be the key '" + e.getKey() + "': "
                            + ex.getMessage(), ex);
                }
            }
            writer.close();
            complete = true;
        } catch (IOException e) {
            throw Failure.of(output, e);
        } finally {
            if (!complete) {
                try {
                    writer.abort();
                } catch (IOException suppressed) {
                    err.println("npy: " + output + ": " + Failure.reason(output, suppressed));
                }
            }
        }
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            throw Failure.of(output, e);
        }
        out.println(output + ": " + keys.size() + (keys.size() == 1 ? " array " : " arrays ") + keys + ", "
                + (compressed ? "deflated" : "stored") + ", " + size + " bytes");
        out.flush();
        return ExitCodes.OK;
    }
}
