package org.npyfile.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import org.npyfile.internal.AtomicFile;

/**
 * A file the commands write themselves (CSV, PNG), written as npyfile writes {@code .npy} files, by
 * npy-core's {@link AtomicFile}: under a temporary name beside the target, moved over it only when
 * complete, so that a failed write leaves the old file as it was. A new file gets the permissions the
 * umask gives any new file (not the 0600 of {@code Files.createTempFile}); a replaced file keeps its
 * own; a symbolic link is written through.
 */
final class OutputFile implements AutoCloseable {

    private final AtomicFile file;
    private final OutputStream stream;

    private OutputFile(AtomicFile file) {
        this.file = file;
        this.stream = Channels.newOutputStream(file.channel());
    }

    /**
     * Starts writing a file.
     *
     * @param target the file to create or replace on {@link #commit()}
     * @return the open file
     * @throws IOException if the temporary file cannot be created
     */
    static OutputFile create(Path target) throws IOException {
        return new OutputFile(AtomicFile.create(target));
    }

    /** @return the stream writing the temporary file, unbuffered; not to be closed by the caller */
    OutputStream stream() {
        return stream;
    }

    /**
     * Closes the temporary file and moves it over the target, atomically where the file system can.
     *
     * @throws IOException if closing or moving fails; the temporary file is then removed
     */
    void commit() throws IOException {
        file.commit();
    }

    /**
     * Abandons the file unless it was committed: the temporary file is removed, the target untouched.
     *
     * @throws IOException if the temporary file cannot be removed
     */
    @Override
    public void close() throws IOException {
        file.close();
    }
}
