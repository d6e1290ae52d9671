package org.npyfile.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A file written under a temporary name in the target's directory and moved over the target only
 * when complete: a failed or abandoned write leaves the old file as it was and no temporary file.
 * A new file gets the permissions the umask gives any new file; a replaced one keeps its own; a
 * symbolic link is written through, as {@code numpy.save} does. The data is not forced to disk
 * before the move (numpy does not either): a process failure cannot lose the old file, a power
 * failure on some file systems might.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private ArrayToFile arrays;
    private boolean arraysOpened;
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
        // Like numpy.save, write through a symbolic link to the file it names.
        if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) {
            absolute = absolute.toRealPath();
        }
        Path directory = absolute.getParent();
        Path temporary = newTemporary(directory, absolute.getFileName().toString());
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // After opening: a read-only target's permissions must not lock us out of our own file.
            keepPermissions(absolute, temporary);
            return new AtomicFile(absolute, temporary, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * A new empty file beside the target. Unlike {@code Files.createTempFile}, which makes it
     * private (0600), it gets the default permissions the user's umask gives any new file.
     */
    private static Path newTemporary(Path directory, String name) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve("." + name + "." + Long.toUnsignedString(random.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A replaced file keeps its permissions, as it would had it been overwritten in place. */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temporary, permissions);
        }
    }

    /** @return the channel writing the temporary file */
    public FileChannel channel() {
        return channel;
    }

    /**
     * A second way into the temporary file, for writes straight from Java arrays (see
     * {@link ArrayToFile}), opened on first use and closed with this file.
     *
     * @return the output, or null where the runtime cannot write from arrays in place
     * @throws IOException if the file cannot be opened again
     */
    public ArrayToFile arrays() throws IOException {
        if (!arraysOpened) {
            arraysOpened = true;
            arrays = ArrayToFile.open(temporary);
        }
        return arrays;
    }

    /** Closes the temporary file's channel and array output, both, whatever fails. */
    private void closeFile() throws IOException {
        try {
            if (arrays != null) {
                arrays.close();
            }
        } finally {
            channel.close();
        }
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
            closeFile();
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
            closeFile();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
