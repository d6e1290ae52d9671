package org.npyfile.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name in the target's directory and moved over the target only
 * when complete: a failed or abandoned write leaves the old file as it was and no temporary file.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private boolean done;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Creates the temporary file next to the target.
     *
     * @param target the file to replace on {@link #commit()}
     * @return the open file
     * @throws IOException if the temporary file cannot be created
     */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            return new AtomicFile(absolute, temporary,
                    FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** @return the channel writing the temporary file */
    public FileChannel channel() {
        return channel;
    }

    /**
     * Closes the temporary file and moves it over the target, atomically where the file system can.
     *
     * @throws IOException if closing or moving fails; the temporary file is then removed
     */
    public void commit() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
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
     * Abandons the write: closes and deletes the temporary file, leaving the target untouched.
     * Does nothing after {@link #commit()}.
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
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
