package org.npyfile.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where the write cases write. After every call, outside the timing, the files are deleted and
 * {@code sync} waits for any writeback, so that each write creates a new file with no writeback
 * running, as in the numpy script, and no write leaves disk traffic behind for the next benchmark.
 * Replacing an existing file instead would time the old file's removal too, and on ext4 a rename
 * over an existing file also starts writeback of the new one ({@code auto_da_alloc}).
 */
@State(Scope.Benchmark)
public class Outputs {

    private Path folder;

    @Setup(Level.Trial)
    public void open(Inputs in) throws IOException {
        folder = in.outputFolder();
        Files.createDirectories(folder);
    }

    /** Deletes everything written and waits for the disk to be idle, ready for the next call. */
    @TearDown(Level.Invocation)
    public void clear() throws IOException {
        try (DirectoryStream<Path> written = Files.newDirectoryStream(folder)) {
            for (Path p : written) {
                // files only: ExistingOutputs keeps its files in a folder here that must stay
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
        sync();
    }

    /** Runs {@code sync}: returns when every dirty page of every file is on disk. */
    static void sync() throws IOException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        try {
            if (sync.waitFor() != 0) {
                throw new IOException("sync failed with exit code " + sync.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for sync", e);
        }
    }

    /** The file {@code name} in the output folder. */
    public Path file(String name) {
        return folder.resolve(name);
    }
}
