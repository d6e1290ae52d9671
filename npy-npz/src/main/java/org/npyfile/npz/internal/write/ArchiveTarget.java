package org.npyfile.npz.internal.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import org.npyfile.internal.AtomicFile;

/**
 * Where an archive is written: a file (atomically), a seekable channel, or a stream. Seekable targets
 * get local headers patched in place after the data; streams cannot, so their entries carry CRC and
 * sizes up front or in a data descriptor.
 */
public abstract class ArchiveTarget {

    /** A stream target's write buffer: small headers should not each cost a write call. */
    static final int STREAM_BUFFER_BYTES = 1 << 16;

    private ArchiveTarget() {
    }

    /**
     * A file written under a temporary name and moved into place by {@link #commit()}.
     *
     * @param path the file to create or replace
     * @return the target
     * @throws IOException if the temporary file cannot be created
     */
    public static ArchiveTarget toFile(Path path) throws IOException {
        AtomicFile file = AtomicFile.create(path);
        return new Seekable(file.channel(), file);
    }

    /**
     * A seekable channel, written from its current position; closed by {@link #commit()} and
     * {@link #abandon()}.
     *
     * @param channel the channel
     * @return the target
     */
    public static ArchiveTarget toChannel(SeekableByteChannel channel) {
        return new Seekable(channel, null);
    }

    /**
     * A stream the writer wraps, counted from 0 at the archive's first byte; closed by
     * {@link #commit()} and {@link #abandon()}.
     *
     * @param out the stream
     * @return the target
     */
    public static ArchiveTarget toStream(OutputStream out) {
        return new Stream(out, true);
    }

    /**
     * A stream the caller keeps (a one-shot borrows it), counted from 0 at the archive's first byte;
     * {@link #commit()} and {@link #abandon()} flush it and leave it open.
     *
     * @param out the stream
     * @return the target
     */
    public static ArchiveTarget toBorrowedStream(OutputStream out) {
        return new Stream(out, false);
    }

    /** @return the archive offset of the next byte written */
    public abstract long position() throws IOException;

    /** @return whether {@link #writeAt} works */
    public abstract boolean seekable();

    /**
     * Writes all of a buffer.
     *
     * @param src the bytes
     * @throws IOException from the target
     */
    public abstract void write(ByteBuffer src) throws IOException;

    /**
     * Overwrites bytes written before, leaving the write position where it was.
     *
     * @param position the archive offset
     * @param src the bytes
     * @throws IOException from the target
     * @throws UnsupportedOperationException for a stream
     */
    public abstract void writeAt(long position, ByteBuffer src) throws IOException;

    /**
     * The archive is complete: flush, cut a channel off after it, move a file into place, close
     * what the target owns.
     *
     * @throws IOException from the target
     */
    public abstract void commit() throws IOException;

    /**
     * The archive failed: delete a temporary file, close what the target owns.
     *
     * @throws IOException from the target
     */
    public abstract void abandon() throws IOException;

    private static final class Seekable extends ArchiveTarget {
        private final SeekableByteChannel channel;
        private final AtomicFile file;

        Seekable(SeekableByteChannel channel, AtomicFile file) {
            this.channel = channel;
            this.file = file;
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public boolean seekable() {
            return true;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            while (src.hasRemaining()) {
                channel.write(src);
            }
        }

        @Override
        public void writeAt(long position, ByteBuffer src) throws IOException {
            long end = channel.position();
            channel.position(position);
            write(src);
            channel.position(end);
        }

        @Override
        public void commit() throws IOException {
            if (file != null) {
                file.commit();
                return;
            }
            try {
                channel.truncate(channel.position());
            } finally {
                channel.close();
            }
        }

        @Override
        public void abandon() throws IOException {
            if (file != null) {
                file.close();
            } else {
                channel.close();
            }
        }
    }

    private static final class Stream extends ArchiveTarget {
        private final OutputStream stream;
        private final WritableByteChannel channel;
        private final boolean close;
        private long position;

        Stream(OutputStream out, boolean close) {
            this.stream = new BufferedOutputStream(out, STREAM_BUFFER_BYTES);
            this.channel = Channels.newChannel(stream);
            this.close = close;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public boolean seekable() {
            return false;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            while (src.hasRemaining()) {
                position += channel.write(src);
            }
        }

        @Override
        public void writeAt(long position, ByteBuffer src) {
            throw new UnsupportedOperationException("a stream cannot be rewritten");
        }

        @Override
        public void commit() throws IOException {
            if (close) {
                stream.close();
            } else {
                stream.flush();
            }
        }

        /** A stream cannot take back what it sent: giving up releases it as completing does. */
        @Override
        public void abandon() throws IOException {
            commit();
        }
    }
}
