package org.npyfile.internal;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads from a file straight into the memory of Java arrays with {@code pread(2)}: one copy, from
 * the page cache into the array, as numpy's {@code read(2)} into an array's memory.
 *
 * <p>The Java 22+ implementation of the multi-release jar, through the FFM API, used only where
 * {@link Libc} may be (Linux on x86-64 or AArch64, native access enabled); elsewhere {@link #open}
 * returns null and readers stage through a direct buffer.
 *
 * <p>A {@code FileChannel} has no descriptor to hand out, and opening the path twice could reach
 * two different files if it is renamed in between. So the file is opened once, here, and the
 * channel that reads the header is opened on {@code /proc/self/fd/N}, the same open file. Each
 * call reads at most {@link Libc#MAX_CALL_BYTES} (see there).
 */
public final class FileToArray implements Closeable {

    private static final Libc LIBC = Libc.LIBC;

    private final int fd;
    private final FileChannel channel;
    private final MemorySegment callState;
    private boolean closed;

    private FileToArray(int fd, FileChannel channel) {
        this.fd = fd;
        this.channel = channel;
        this.callState = Arena.ofAuto().allocate(LIBC.callState);
    }

    /**
     * Opens a file for reads into arrays, together with a channel on the same file.
     *
     * @param file the file
     * @return the file, or null where this runtime cannot read into arrays in place or the file
     *     cannot be opened this way (the caller then opens it as usual, and gets the usual error)
     */
    public static FileToArray open(Path file) {
        if (LIBC == null) {
            return null;
        }
        int fd = -1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom(file.toString());
            MemorySegment state = arena.allocate(LIBC.callState);
            do {
                // O_NONBLOCK: a FIFO must not block here; it is no regular file and is read the usual way
                fd = (int) LIBC.open.invokeExact(state, path, Libc.O_RDONLY | Libc.O_CLOEXEC | Libc.O_NONBLOCK);
            } while (fd < 0 && LIBC.errno(state) == Libc.EINTR);
            if (fd < 0) {
                return null;
            }
            Path same = Path.of("/proc/self/fd/" + fd);
            if (!Files.isRegularFile(same)) {
                closeQuietly(fd);
                return null;
            }
            FileChannel channel = FileChannel.open(same, StandardOpenOption.READ);
            return new FileToArray(fd, channel);
        } catch (Throwable e) {
            // no /proc, a descriptor that is no regular file, ...: read the usual way
            closeQuietly(fd);
            return null;
        }
    }

    private static void closeQuietly(int fd) {
        if (fd >= 0) {
            try (Arena arena = Arena.ofConfined()) {
                int ignored = (int) LIBC.close.invokeExact(arena.allocate(LIBC.callState), fd);
            } catch (Throwable e) {
                // nothing more to do
            }
        }
    }

    /**
     * The channel on the same file, for everything but reads into arrays; closed with this.
     *
     * @return the channel
     */
    public FileChannel channel() {
        return channel;
    }

    /**
     * Reads into a buffer's remaining elements, as they lie in memory (the platform's byte order),
     * from a file position, and moves the buffer's position past what was read.
     *
     * @param position the byte offset in the file
     * @param values a buffer over a Java array (heap) or native memory (direct)
     * @return the bytes read: all the buffer's remaining bytes, or fewer where the file ends first
     * @throws IOException if the system refuses the read
     */
    public long read(long position, Buffer values) throws IOException {
        if (closed) {
            throw new IllegalStateException("the file is closed");
        }
        if (!values.hasRemaining()) {
            return 0;
        }
        MemorySegment target = MemorySegment.ofBuffer(values);
        long size = target.byteSize();
        long done = LIBC.transfer(LIBC.pread, callState, fd, target, position);
        long bytesPerElement = size / values.remaining();
        values.position(values.position() + (int) (done / bytesPerElement));
        return done;
    }

    /** Closes the channel and the descriptor. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            closeQuietly(fd);
        }
    }
}
