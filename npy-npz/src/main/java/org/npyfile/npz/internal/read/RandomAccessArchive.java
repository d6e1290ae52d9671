package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import org.npyfile.npz.NpzFormatException;

/**
 * Reads at absolute positions of an archive, safely from several threads: a {@link FileChannel}
 * reads positionally without shared state; any other channel is positioned and read under a lock.
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

    /** @return the archive's length in bytes */
    public long size() {
        return size;
    }

    /** @return the file channel for memory mapping, or null if the archive is another kind of channel */
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
     * Fills a buffer from a position or fails naming what was being read.
     *
     * @param position the archive offset
     * @param dst the buffer to fill completely
     * @param entry the entry's name for the message, or null
     * @param what what the bytes are ("the local file header")
     * @throws NpzFormatException if the archive ends first
     * @throws IOException from the channel
     */
    public void readFully(long position, ByteBuffer dst, String entry, String what) throws IOException {
        long at = position;
        int wanted = dst.remaining();
        while (dst.hasRemaining()) {
            int n = read(at, dst);
            if (n < 0) {
                throw new NpzFormatException(entry, position, wanted + " bytes of " + what,
                        "the end of the archive after " + (at - position) + " (truncated archive)");
            }
            at += n;
        }
    }
}
