package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.zip.CRC32;
import org.npyfile.npz.NpzFormatException;

/**
 * A stored entry of a random-access archive, read straight from the archive with positional reads:
 * a seekable, read-only view of the entry's {@code size} bytes from its data offset.
 *
 * <p>The CRC-32 is folded in while the bytes are read in order from the first; once every byte has
 * passed that way the {@link EndOfEntryCheck} runs, and a failure fails that read and every later
 * one. Bytes skipped by seeking forward stop the check until a read covers them again. Closing the
 * view leaves the archive open. Not thread-safe; open one view per thread.
 */
public final class SeekableEntryChannel implements EntryChannel, SeekableByteChannel {

    private final RandomAccessArchive archive;
    private final long start;
    private final long size;
    private final String entry;
    private final EndOfEntryCheck check;
    private final CRC32 crc = new CRC32();
    private long crcCovered;
    private boolean verified;
    private NpzFormatException corrupt;
    private long position;
    private boolean open = true;

    /**
     * A view of a stored entry.
     *
     * @param archive the archive
     * @param start the archive offset of the entry's first data byte
     * @param size the entry's length
     * @param entry the entry's name, for messages
     * @param check what the central directory declares
     */
    public SeekableEntryChannel(RandomAccessArchive archive, long start, long size, String entry,
                                EndOfEntryCheck check) {
        this.archive = archive;
        this.start = start;
        this.size = size;
        this.entry = entry;
        this.check = check;
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
            if (crcCovered == size && !verified) {
                verify(); // an empty entry: its CRC-32 is checked all the same
            }
            return -1;
        }
        int first = dst.position();
        int limit = dst.limit();
        if (dst.remaining() > size - position) {
            dst.limit(first + (int) (size - position));
        }
        int n;
        try {
            n = archive.read(start + position, dst);
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
        verified = true;
        try {
            check.verify(entry, start, crc.getValue(), size, size);
        } catch (NpzFormatException e) {
            corrupt = e;
            throw e;
        }
    }

    @Override
    public byte[] peek(int n) throws IOException {
        return archive.readFully(start, (int) Math.min(n, size), entry, "the entry's first bytes");
    }

    @Override
    public void expectLength(long total) throws NpzFormatException {
        if (total != size) {
            throw EntryChannel.lengthMismatch(entry, total, size);
        }
    }

    @Override
    public boolean endKnown() {
        return true;
    }

    @Override
    public void drain() throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate((int) Math.min(StreamedArchive.BUFFER_BYTES, Math.max(1, size)));
        while (read(scratch) >= 0) {
            scratch.clear();
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
