package org.npyfile.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.npyfile.NpyFormatException;

/**
 * The bytes of one {@code .npy} stream: a channel, the position read so far counted from the
 * stream's first byte, and, where the channel can tell, how many bytes the stream can hold.
 * It never reads past what a caller asks for, so a stream holding several arrays stays positioned
 * right after the one just read.
 */
public final class Source implements Closeable {

    private final ReadableByteChannel channel;
    private final SeekableByteChannel seekable;
    private final boolean closeChannel;
    private final long base;
    private final long size;
    private long position;

    private Source(ReadableByteChannel channel, boolean closeChannel, long size) throws IOException {
        this.channel = channel;
        this.seekable = channel instanceof SeekableByteChannel s ? s : null;
        this.closeChannel = closeChannel;
        this.base = seekable != null ? seekable.position() : 0;
        this.size = seekable != null ? seekable.size() - base : size;
    }

    /**
     * A source over a channel; a {@link SeekableByteChannel} makes it seekable and sized.
     *
     * @param channel the channel, positioned at the stream's first byte
     * @param closeChannel whether {@link #close()} closes the channel
     * @return the source
     * @throws IOException if the channel's position or size cannot be read
     */
    public static Source of(ReadableByteChannel channel, boolean closeChannel) throws IOException {
        return new Source(channel, closeChannel, -1);
    }

    /**
     * A non-seekable source whose length is known, such as a ZIP entry.
     *
     * @param channel the channel, positioned at the stream's first byte
     * @param closeChannel whether {@link #close()} closes the channel
     * @param size the stream's length in bytes
     * @return the source
     * @throws IOException never, in this implementation
     */
    public static Source sized(ReadableByteChannel channel, boolean closeChannel, long size) throws IOException {
        return new Source(channel, closeChannel, size);
    }

    /** @return the bytes read so far, from the stream's first byte */
    public long position() {
        return position;
    }

    /** @return the stream's length in bytes, or -1 if it cannot be known in advance */
    public long size() {
        return size;
    }

    /** @return whether {@link #seek(long)} works */
    public boolean seekable() {
        return seekable != null;
    }

    /**
     * Reads up to {@code dst.remaining()} bytes, at least one unless the stream has ended.
     *
     * @param dst the buffer to fill
     * @return the bytes read, or -1 at the end of the stream
     * @throws IOException from the channel
     */
    public int read(ByteBuffer dst) throws IOException {
        int n;
        do {
            n = channel.read(dst);
        } while (n == 0 && dst.hasRemaining());
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /**
     * Fills the buffer, or fails naming what was being read.
     *
     * @param dst the buffer to fill completely
     * @param what what the bytes are, for the message ("the array header")
     * @throws NpyFormatException if the stream ends first
     * @throws IOException from the channel
     */
    public void readFully(ByteBuffer dst, String what) throws IOException {
        long start = position;
        int wanted = dst.remaining();
        while (dst.hasRemaining()) {
            if (read(dst) < 0) {
                throw new NpyFormatException(start, wanted + " bytes of " + what,
                        "only " + (position - start) + " before the end of the input");
            }
        }
    }

    /**
     * Moves to a byte position of the stream.
     *
     * @param newPosition the position from the stream's first byte
     * @throws IOException from the channel
     * @throws UnsupportedOperationException if the source is not seekable
     */
    public void seek(long newPosition) throws IOException {
        if (seekable == null) {
            throw new UnsupportedOperationException("the source is not seekable");
        }
        seekable.position(base + newPosition);
        position = newPosition;
    }

    @Override
    public void close() throws IOException {
        if (closeChannel) {
            channel.close();
        }
    }
}
