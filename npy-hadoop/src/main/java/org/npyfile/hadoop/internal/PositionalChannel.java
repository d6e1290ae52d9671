package org.npyfile.hadoop.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * A read-only {@link SeekableByteChannel} over a Hadoop input stream that reads only with positional
 * reads ({@code pread}): every {@link #read(ByteBuffer)} is one {@code FSDataInputStream.read(position,
 * ...)} at the channel's own position, so nothing is read ahead, a seek costs nothing, and HDFS serves
 * each read from the block that holds it.
 *
 * <p>The length is fixed when the channel is made (from a listing or a status call), as the file must
 * not change while it is read. Positional reads on one stream are safe from several threads; the
 * channel position itself is not, as for any {@link SeekableByteChannel}.
 */
public final class PositionalChannel implements SeekableByteChannel {

    /** Largest single positional read: big enough for bulk transfers, small enough to bound a heap copy. */
    static final int MAX_READ = 1 << 22;

    private final FSDataInputStream in;
    private final long size;
    private final String name;
    private final boolean byteBufferReads;
    private long position;
    private byte[] transfer;
    private boolean open = true;

    /**
     * Wraps a stream; closing the channel closes it.
     *
     * @param in the stream, from {@code FileSystem.open}
     * @param size the file's length in bytes
     * @param name the file's name, for messages
     */
    public PositionalChannel(FSDataInputStream in, long size, String name) {
        if (size < 0) {
            throw new IllegalArgumentException("negative length " + size + " of " + name);
        }
        this.in = in;
        this.size = size;
        this.name = name;
        this.byteBufferReads = in.hasCapability(StreamCapabilities.PREADBYTEBUFFER);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int want = (int) Math.min(Math.min(dst.remaining(), MAX_READ), size - position);
        if (want == 0) {
            return 0;
        }
        int n;
        if (dst.hasArray()) {
            n = in.read(position, dst.array(), dst.arrayOffset() + dst.position(), want);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
        } else if (byteBufferReads) {
            ByteBuffer slice = dst.slice(dst.position(), want);
            n = in.read(position, slice);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
        } else {
            if (transfer == null || transfer.length < want) {
                transfer = new byte[Math.max(want, 1 << 16)];
            }
            n = in.read(position, transfer, 0, want);
            if (n > 0) {
                dst.put(transfer, 0, n);
            }
        }
        if (n < 0) {
            throw new EOFException(name + " ended at byte " + position + " although it was listed with "
                    + size + " bytes; it changed while it was read");
        }
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            in.close();
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return "PositionalChannel[" + name + ", " + size + " bytes, position " + position + "]";
    }
}
