package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import org.npyfile.npz.NpzFormatException;

/**
 * An archive read at absolute positions, safely from several threads: a {@link FileChannel} reads
 * positionally without shared state; any other channel is positioned and read under a lock.
 */
public final class RandomAccessArchive {

    private final SeekableByteChannel channel;
    private final FileChannel file;
    private final long size;

    /**
     * Wraps a channel; its size is taken now, as the archive must not change while it is read.
     *
     * @param channel the archive
     * @throws IOException if the size cannot be read
     */
    public RandomAccessArchive(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.file = channel instanceof FileChannel f ? f : null;
        this.size = channel.size();
    }

    /**
     * The archive's length.
     *
     * @return the length in bytes, taken when the archive was opened
     */
    public long size() {
        return size;
    }

    /**
     * The file behind the archive, for memory mapping.
     *
     * @return the file channel, or null if the archive is another kind of channel
     */
    public FileChannel fileChannel() {
        return file;
    }

    /**
     * Reads up to {@code dst.remaining()} bytes at a position.
     *
     * @param position the archive offset
     * @param dst the buffer to fill
     * @return the bytes read, or -1 at the end of the archive
     * @throws IOException from the channel
     */
    public int read(long position, ByteBuffer dst) throws IOException {
        if (position >= size) {
            return -1;
        }
        int limit = dst.limit();
        if (dst.remaining() > size - position) {
            dst.limit(dst.position() + (int) (size - position));
        }
        try {
            if (file != null) {
                return file.read(dst, position);
            }
            synchronized (channel) {
                channel.position(position);
                return channel.read(dst);
            }
        } finally {
            dst.limit(limit);
        }
    }

    /**
     * Reads exactly {@code n} bytes at a position or fails naming what was being read.
     *
     * @param position the archive offset
     * @param n how many bytes
     * @param entry the entry's name for the message, or null
     * @param what what the bytes are ("the local file header")
     * @return the bytes
     * @throws NpzFormatException if the archive ends first
     * @throws IOException from the channel
     */
    public byte[] readFully(long position, int n, String entry, String what) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(n);
        long at = position;
        while (dst.hasRemaining()) {
            int k = read(at, dst);
            if (k < 0) {
                throw new NpzFormatException(entry, position, n + " bytes of " + what,
                        "the end of the archive after " + (at - position) + " (truncated archive)");
            }
            at += k;
        }
        return dst.array();
    }

    /**
     * A range of the archive as a stream, read with positional reads (so several streams of one
     * archive may be read at once, each by one thread).
     *
     * @param start the archive offset of the first byte
     * @param length the most bytes to read; the stream ends there or at the archive's end
     * @return the stream; closing it leaves the archive open
     */
    public InputStream range(long start, long length) {
        return new InputStream() {
            private long next = start;
            private final long end = start + Math.min(length, Math.max(0, size - start));

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (next >= end) {
                    return -1;
                }
                int n = RandomAccessArchive.this.read(next, ByteBuffer.wrap(b, off, (int) Math.min(len, end - next)));
                if (n > 0) {
                    next += n;
                }
                return n;
            }
        };
    }
}
