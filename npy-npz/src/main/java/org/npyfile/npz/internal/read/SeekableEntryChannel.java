package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.zip.CRC32;
import org.npyfile.npz.NpzFormatException;

/**
 * A stored entry's bytes, read straight from their region of the archive with positional reads: a
 * seekable, read-only view of {@code size} bytes starting at the entry's data offset.
 *
 * <p>The CRC-32 is folded in while the bytes are read in order from the first; once every byte has
 * passed that way it is compared with the central directory's, and a mismatch fails that read and
 * every later one. Bytes skipped by seeking forward stop the check until a read covers them again.
 * Closing the view leaves the archive open. Not thread-safe; open one view per thread.
 */
public final class SeekableEntryChannel implements SeekableByteChannel {

    private final RandomAccessArchive input;
    private final long start;
    private final long size;
    private final String entry;
    private final long expectedCrc;
    private final CRC32 crc = new CRC32();
    private long crcCovered;
    private NpzFormatException corrupt;
    private long position;
    private boolean open = true;

    /**
     * A view of a region.
     *
     * @param input the archive
     * @param start the archive offset of the region's first byte
     * @param size the region's length
     * @param entry the entry's name, for messages
     * @param expectedCrc the central directory's CRC-32
     * @throws NpzFormatException if the region is empty and the CRC is not that of no bytes
     */
    public SeekableEntryChannel(RandomAccessArchive input, long start, long size, String entry, long expectedCrc)
            throws NpzFormatException {
        this.input = input;
        this.start = start;
        this.size = size;
        this.entry = entry;
        this.expectedCrc = expectedCrc;
        if (size == 0) {
            verify();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (corrupt != null) {
            throw corrupt;
        }
        if (position >= size) {
            return -1;
        }
        int first = dst.position();
        int limit = dst.limit();
        if (dst.remaining() > size - position) {
            dst.limit(first + (int) (size - position));
        }
        int n;
        try {
            n = input.read(start + position, dst);
        } finally {
            dst.limit(limit);
        }
        if (n < 0) {
            throw new NpzFormatException(entry, start + position, (size - position) + " more bytes of stored data",
                    "the end of the archive (truncated archive)");
        }
        if (n > 0 && position <= crcCovered && crcCovered < position + n) {
            int skip = (int) (crcCovered - position);
            ByteBuffer fresh = dst.duplicate().position(first + skip).limit(first + n);
            crc.update(fresh);
            crcCovered = position + n;
            if (crcCovered == size) {
                verify();
            }
        }
        position += n;
        return n;
    }

    private void verify() throws NpzFormatException {
        try {
            new EndOfEntryCheck("central directory", expectedCrc, size, size).verify(entry, start, crc.getValue(), size,
                    size);
        } catch (NpzFormatException e) {
            corrupt = e;
            throw e;
        }
    }

    @Override
    public long position() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position: " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        return size;
    }

    /** @throws NonWritableChannelException always: the view is read-only */
    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    /** @throws NonWritableChannelException always: the view is read-only */
    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Closes the view; the archive stays open. */
    @Override
    public void close() {
        open = false;
    }
}
