package org.npyfile.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * A file the commands write themselves (CSV, PNG), as npyfile writes {@code .npy} files: under a
 * temporary name beside the target, moved over it only when complete, so that a failed write leaves
 * the old file as it was. A new file gets the permissions the umask gives any new file (not the
 * 0600 of {@code Files.createTempFile}); a replaced file keeps its own.
 */
final class OutputFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final OutputStream stream;
    private boolean done;

    private OutputFile(Path target, Path temporary, OutputStream stream) {
        this.target = target;
        this.temporary = temporary;
        this.stream = stream;
    }

    /**
     * Starts writing a file.
     *
     * @param target the file to create or replace on {@link #commit()}
     * @return the open file
     * @throws IOException if the temporary file cannot be created
     */
    static OutputFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = newTemporary(absolute);
        try {
            if (Files.exists(absolute)
                    && Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(absolute));
            }
            OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new OutputFile(absolute, temporary, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** An empty file beside the target, made with the default permissions of a new file. */
    private static Path newTemporary(Path target) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path candidate = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(random.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** @return the stream writing the temporary file; not to be closed by the caller */
    OutputStream stream() {
        return stream;
    }

    /**
     * Closes the temporary file and moves it over the target, atomically where the file system can.
     *
     * @throws IOException if closing or moving fails; the temporary file is then removed
     */
    void commit() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * Abandons the file unless it was committed: the temporary file is removed, the target untouched.
     *
     * @throws IOException if the temporary file cannot be removed
     */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
