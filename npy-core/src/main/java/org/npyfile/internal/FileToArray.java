package org.npyfile.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads from a file straight into the memory of Java arrays, with no buffer in between, where the
 * runtime allows it; on Java 22+ the multi-release jar replaces this class with one that calls
 * {@code pread(2)} on the array's memory through the FFM API (Linux, native access enabled). On
 * this runtime {@link #open} always returns null and readers stage through a direct buffer.
 */
public final class FileToArray implements Closeable {

    private FileToArray() {
    }

    /**
     * Opens a file for reads into arrays, together with a channel on the same file.
     *
     * @param file the file
     * @return null: this runtime cannot read into arrays in place
     */
    public static FileToArray open(Path file) {
        return null;
    }

    /**
     * The channel on the same file; never called, as no instance exists.
     *
     * @return never
     */
    public FileChannel channel() {
        throw new UnsupportedOperationException("no instance exists on this runtime");
    }

    /**
     * Reads into a buffer's remaining elements; never called, as no instance exists.
     *
     * @param position the byte offset in the file
     * @param values the buffer
     * @return never
     * @throws IOException never
     */
    public long read(long position, Buffer values) throws IOException {
        throw new UnsupportedOperationException("no instance exists on this runtime");
    }

    /** Does nothing: no instance exists on this runtime. */
    @Override
    public void close() {
    }
}
