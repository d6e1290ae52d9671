package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.internal.zip.DataDescriptor;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * An archive, or a range of one, read front to back from a stream through one fixed buffer: memory
 * stays at the buffer's size whatever the entries' sizes. Counts the archive offset of every byte for
 * messages and for the central directory's offsets. May read ahead of what it hands out by up to one
 * buffer.
 */
public final class StreamedArchive implements ByteWindow, AutoCloseable {

    /** The buffer's size: large enough for bulk reads and any fixed record, small enough to keep memory flat. */
    public static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final byte[] buffer;
    private int next;
    private int end;
    /** Archive offset of buffer[next]. */
    private long position;
    private boolean eof;

    /**
     * Reads a whole archive from a stream positioned at its first byte.
     *
     * @param in the stream; closed by {@link #close()}
     */
    public StreamedArchive(InputStream in) {
        this(in, 0, BUFFER_BYTES);
    }

    /**
     * Reads from a stream positioned at a given archive offset.
     *
     * @param in the stream; closed by {@link #close()}
     * @param start the archive offset of the stream's first byte
     * @param bufferBytes the buffer's size, at least {@link DataDescriptor#MAX_LENGTH} (the longest
     *     record looked at in place)
     */
    public StreamedArchive(InputStream in, long start, int bufferBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.position = start;
        this.buffer = new byte[Math.max(bufferBytes, DataDescriptor.MAX_LENGTH)];
    }

    @Override
    public boolean fill() throws IOException {
        if (next < end) {
            return true;
        }
        next = 0;
        end = 0;
        return readMore();
    }

    /** Appends to the buffer from the stream; false at its end. */
    private boolean readMore() throws IOException {
        while (!eof) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n > 0) {
                end += n;
                return true;
            }
            if (n < 0) {
                eof = true;
            }
        }
        return false;
    }

    /**
     * Buffers at least {@code n} unread bytes if the stream has them.
     *
     * @param n at most the buffer's size
     * @return the bytes buffered, fewer than {@code n} only at the end of the stream
     * @throws IOException from the stream
     */
    public int ensure(int n) throws IOException {
        if (end - next < n && buffer.length - next < n) {
            System.arraycopy(buffer, next, buffer, 0, end - next);
            end -= next;
            next = 0;
        }
        while (end - next < n && readMore()) {
            // keep reading
        }
        return end - next;
    }

    @Override
    public byte[] array() {
        return buffer;
    }

    @Override
    public int offset() {
        return next;
    }

    @Override
    public int available() {
        return end - next;
    }

    @Override
    public void consume(int n) {
        if (n < 0 || n > end - next) {
            throw new IllegalArgumentException("cannot consume " + n + " of " + (end - next) + " bytes");
        }
        next += n;
        position += n;
    }

    @Override
    public long position() {
        return position;
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n the number of bytes
     * @param entry the entry being read, for messages, or null
     * @param what what the bytes are ("a local file header")
     * @return the bytes
     * @throws NpzFormatException if the stream ends first
     * @throws IOException from the stream
     */
    public byte[] readFully(int n, String entry, String what) throws IOException {
        byte[] out = new byte[n];
        take(n, out, entry, what);
        return out;
    }

    /**
     * Skips exactly {@code n} bytes.
     *
     * @param n the number of bytes
     * @param entry the entry being read, for messages, or null
     * @param what what the bytes are
     * @throws NpzFormatException if the stream ends first
     * @throws IOException from the stream
     */
    public void skipFully(long n, String entry, String what) throws IOException {
        take(n, null, entry, what);
    }

    /** Consumes exactly {@code n} bytes, copying them to {@code out} unless it is null. */
    private void take(long n, byte[] out, String entry, String what) throws IOException {
        long start = position;
        long done = 0;
        while (done < n) {
            if (!fill()) {
                throw new NpzFormatException(entry, start, n + " bytes of " + what,
                        "the end of the stream after " + done + " (truncated archive)");
            }
            int k = (int) Math.min(n - done, available());
            if (out != null) {
                System.arraycopy(buffer, next, out, (int) done, k);
            }
            consume(k);
            done += k;
        }
    }

    /**
     * The signature of the next record, without consuming it.
     *
     * @param what what is expected next, for the message
     * @return the 32-bit signature
     * @throws NpzFormatException if the stream ends first
     * @throws IOException from the stream
     */
    public long peekSignature(String what) throws IOException {
        if (ensure(4) < 4) {
            throw new NpzFormatException(null, position, what, "the end of the stream (truncated archive)");
        }
        return ZipFormat.u32(buffer, next);
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
