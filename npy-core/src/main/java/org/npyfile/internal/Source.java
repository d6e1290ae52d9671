package org.npyfile.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.npyfile.NpyFormatException;

/**
 * The bytes of one {@code .npy} stream: a channel or an input stream, the position read so far
 * counted from the stream's first byte, and, where the source can tell, how many bytes the stream
 * can hold. It never reads past what a caller asks for, so a stream holding several arrays stays
 * positioned right after the one just read.
 *
 * <p>Reads go straight into the caller's buffer: an input stream fills heap buffers through their
 * arrays; a channel is given at most {@link #MAX_CHANNEL_READ} bytes of a heap buffer at a time,
 * because the JDK stages heap reads through a temporary direct buffer of the full request size.
 * A file channel is exposed through {@link #file()} so that readers can map it instead.
 */
public final class Source implements Closeable {

    /** Largest single read handed to a channel with a heap buffer (bounds the JDK's hidden copy buffer). */
    static final int MAX_CHANNEL_READ = 1 << 20;

    private final ReadableByteChannel channel;
    private final InputStream stream;
    private final SeekableByteChannel seekable;
    private final boolean close;
    private final long base;
    private final long size;
    private long position;
    private byte[] transfer;

    private Source(ReadableByteChannel channel, InputStream stream, boolean close, long size) throws IOException {
        this.channel = channel;
        this.stream = stream;
        this.seekable = channel instanceof SeekableByteChannel s ? s : null;
        this.close = close;
        this.base = seekable != null ? seekable.position() : 0;
        this.size = seekable != null ? Math.max(0, seekable.size() - base) : size;
    }

    /**
     * A source over a channel; a {@link SeekableByteChannel} makes it seekable and sized.
     *
     * @param channel the channel, positioned at the stream's first byte
     * @param close whether {@link #close()} closes the channel
     * @return the source
     * @throws IOException if the channel's position or size cannot be read
     */
    public static Source of(ReadableByteChannel channel, boolean close) throws IOException {
        return new Source(channel, null, close, -1);
    }

    /**
     * A non-seekable channel whose length is known, such as a ZIP entry.
     *
     * @param channel the channel, positioned at the stream's first byte
     * @param close whether {@link #close()} closes the channel
     * @param size the stream's length in bytes
     * @return the source
     * @throws IOException if a seekable channel's position or size cannot be read
     */
    public static Source sized(ReadableByteChannel channel, boolean close, long size) throws IOException {
        return new Source(channel, null, close, size);
    }

    /**
     * A source over an input stream.
     *
     * @param in the stream, at the stream's first byte
     * @param close whether {@link #close()} closes the stream
     * @param size the stream's length in bytes, or -1 if unknown
     * @return the source
     */
    public static Source of(InputStream in, boolean close, long size) {
        try {
            return new Source(null, in, close, size);
        } catch (IOException e) {
            throw new AssertionError("a stream source reads no channel state", e);
        }
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

    /** @return the file channel behind this source, which readers may map, or null */
    public FileChannel file() {
        return channel instanceof FileChannel f ? f : null;
    }

    /**
     * The channel position of a stream position, for mapping {@link #file()}.
     *
     * @param streamPosition a position from the stream's first byte
     * @return the position in the underlying channel
     */
    public long channelPosition(long streamPosition) {
        return base + streamPosition;
    }

    /** @return whether staging buffers should be direct (channels) rather than heap (streams) */
    public boolean prefersDirectBuffers() {
        return stream == null;
    }

    /**
     * Reads up to {@code dst.remaining()} bytes, at least one unless the stream has ended.
     *
     * @param dst the buffer to fill
     * @return the bytes read, or -1 at the end of the stream
     * @throws IOException from the channel or stream
     */
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n = stream != null ? readStream(dst) : readChannel(dst);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    private int readStream(ByteBuffer dst) throws IOException {
        if (dst.hasArray()) {
            int n = stream.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        if (transfer == null) {
            transfer = new byte[1 << 16];
        }
        int n = stream.read(transfer, 0, Math.min(transfer.length, dst.remaining()));
        if (n > 0) {
            dst.put(transfer, 0, n);
        }
        return n;
    }

    private int readChannel(ByteBuffer dst) throws IOException {
        ByteBuffer target = dst;
        if (!dst.isDirect() && dst.remaining() > MAX_CHANNEL_READ) {
            target = dst.slice(dst.position(), MAX_CHANNEL_READ);
        }
        int n;
        do {
            n = channel.read(target);
        } while (n == 0);
        if (target != dst && n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    /**
     * Fills the buffer, or fails naming what was being read.
     *
     * @param dst the buffer to fill completely
     * @param what what the bytes are, for the message ("the array header")
     * @throws NpyFormatException if the stream ends first
     * @throws IOException from the channel or stream
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
        if (close) {
            if (stream != null) {
                stream.close();
            } else {
                channel.close();
            }
        }
    }
}
