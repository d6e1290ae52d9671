package org.npyfile.internal;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Path;

/**
 * Writes the memory of Java arrays straight into a file: one copy, from the array into the page
 * cache, as {@code numpy.save} writes from an array's memory.
 *
 * <p>Java 17 has no way to hand a Java array to the operating system without first copying it to
 * native memory (a {@code FileChannel} copies heap buffers into a temporary direct buffer, and a
 * mapped file costs a page fault per 4 KiB page, several times slower here), so in this
 * implementation {@link #open} always returns null and writers stage bytes through a direct buffer
 * of their own. On Java 22 and later the multi-release jar replaces this class with one calling
 * {@code pwrite(2)} on the array's memory through the FFM API.
 */
public final class ArrayToFile implements AutoCloseable {

    private ArrayToFile() {
    }

    /**
     * Opens a second descriptor on a regular file that the caller has open, for writes from arrays.
     *
     * @param file the file
     * @return null: this runtime cannot write from arrays in place
     */
    public static ArrayToFile open(Path file) {
        return null;
    }

    /**
     * Writes a buffer's remaining elements at a file position; never called, as no instance exists.
     *
     * @param position the byte offset in the file
     * @param values the values
     * @throws IOException never
     */
    public void write(long position, Buffer values) throws IOException {
        throw new UnsupportedOperationException("no instance exists on this runtime");
    }

    /**
     * Does nothing: no instance exists on this runtime.
     *
     * @throws IOException never
     */
    @Override
    public void close() throws IOException {
    }
}
