package org.npyfile.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.file.Path;

/**
 * Writes the memory of Java arrays straight into a file with {@code pwrite(2)}: one copy, from the
 * array into the page cache, as {@code numpy.save} writes from an array's memory.
 *
 * <p>The Java 22+ implementation of the multi-release jar, through the FFM API. Calling C is a
 * restricted operation: it is used only where the application enabled native access for npyfile
 * ({@code --enable-native-access=org.npyfile}, {@code ALL-UNNAMED} on the class path, or an
 * executable jar's {@code Enable-Native-Access} attribute), so that npyfile never makes the JDK
 * print its restricted-method warning; elsewhere, and on systems other than Linux on x86-64 or
 * AArch64, {@link #open} returns null and writers stage bytes through a direct buffer.
 *
 * <p>The calls read the Java array in place ({@code Linker.Option.critical(true)}): the collector
 * cannot move the array meanwhile, and this thread reaches no safepoint until the call returns. So
 * each call writes at most {@link Libc#MAX_CALL_BYTES}, which keeps that wait to about a millisecond.
 */
public final class ArrayToFile implements AutoCloseable {

    private static final Libc LIBC = Libc.LIBC;

    private final int fd;
    private final MemorySegment callState;
    private boolean closed;

    private ArrayToFile(int fd) {
        this.fd = fd;
        this.callState = Arena.ofAuto().allocate(LIBC.callState);
    }

    /**
     * Opens a second descriptor on a regular file that the caller has open, for writes from arrays.
     *
     * @param file the file; a symbolic link is refused
     * @return the output, or null where this runtime cannot write from arrays in place
     * @throws IOException if the file cannot be opened
     */
    public static ArrayToFile open(Path file) throws IOException {
        if (LIBC == null) {
            return null;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom(file.toString());
            MemorySegment state = arena.allocate(LIBC.callState);
            while (true) {
                int fd = (int) LIBC.open.invokeExact(state, path, Libc.O_WRONLY | Libc.O_CLOEXEC | LIBC.noFollow);
                if (fd >= 0) {
                    return new ArrayToFile(fd);
                }
                int errno = LIBC.errno(state);
                if (errno != Libc.EINTR) {
                    throw new IOException(file + ": " + LIBC.message(errno));
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling open(2) failed", e);
        }
    }

    /**
     * Writes a buffer's remaining elements, as they lie in memory (the platform's byte order), at a
     * file position, and moves the buffer's position to its limit.
     *
     * @param position the byte offset in the file
     * @param values a buffer over a Java array (heap) or native memory (direct)
     * @throws IOException if the file system refuses the write (disk full, file too large, ...)
     */
    public void write(long position, Buffer values) throws IOException {
        if (closed) {
            throw new IllegalStateException("the output is closed");
        }
        MemorySegment source = MemorySegment.ofBuffer(values);
        if (LIBC.transfer(LIBC.pwrite, callState, fd, source, position) < source.byteSize()) {
            throw new IOException("the file system took no more bytes after a partial write");
        }
        values.position(values.limit());
    }

    /** Closes the descriptor; the caller's own channel on the file stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        int result;
        try {
            result = (int) LIBC.close.invokeExact(callState, fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling close(2) failed", e);
        }
        // EINTR on close: Linux has released the descriptor already, so there is nothing to retry.
        if (result != 0 && LIBC.errno(callState) != Libc.EINTR) {
            throw new IOException(LIBC.message(LIBC.errno(callState)));
        }
    }
}
