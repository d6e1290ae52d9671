package org.npyfile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where the cases that replace an existing file write ({@code writeExisting}): each call finds a
 * complete file of the same size at its path, a copy of the input before the first call and the
 * previous call's output after, and after every call, outside the timing, {@code sync} waits for
 * writeback, as in the numpy script. So the time includes what replacing costs: on ext4
 * ({@code auto_da_alloc}) the rename over an existing file, like numpy's truncation of one, starts
 * writeback of the new data at once.
 */
@State(Scope.Benchmark)
public class ExistingOutputs {

    private Path folder;
    private Path original;

    @Setup(Level.Trial)
    public void open(Inputs in) throws IOException {
        folder = in.outputFolder().resolve("existing");
        Files.createDirectories(folder);
        original = in.littleEndian();
    }

    /** Waits for the disk to be idle, ready for the next call. */
    @TearDown(Level.Invocation)
    public void sync() throws IOException {
        Outputs.sync();
    }

    /** The file {@code name} in the output folder, made (outside any measured call but the first) if missing. */
    public Path file(String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            Files.copy(original, file);
            Outputs.sync();
        }
        return file;
    }
}
