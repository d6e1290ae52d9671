package org.npyfile.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.npyfile.NpyFormatException;

/**
 * The bytes of one {@code .npy} stream, counted from the stream's first byte, and, where the
 * source can tell, how many bytes the stream holds. It never reads past what a caller asks for, so
 * a stream holding several arrays stays positioned right after the one just read.
 *
 * <p>Two kinds, told apart once when a reader picks its {@link ElementData}: a {@link FileRegion}
 * (a region of a file, read positionally; {@code Npy.map} maps it) and a {@link Streamed} source
 * (an input stream or any other channel).
 */
public abstract sealed class Source implements Closeable permits Source.FileRegion, Source.Streamed {

    /**
     * Largest single read handed to a channel with a heap buffer: bounds the JDK's hidden copy
     * buffer, and keeps it in the CPU's cache (see {@code StagedData.FILE_BUFFER_BYTES}).
     */
    static final int MAX_CHANNEL_READ = 1 << 18;

    private long position;

    private Source() {
    }

    /**
     * A source over a channel: a {@link FileChannel} is read as a file region from its current
     * position, another {@link SeekableByteChannel} is seekable and sized.
     *
     * @param channel the channel, positioned at the stream's first byte
     * @param close whether {@link #close()} closes the channel
     * @return the source
     * @throws IOException if the channel's position or size cannot be read
     */
    public static Source of(ReadableByteChannel channel, boolean close) throws IOException {
        if (channel instanceof FileChannel file) {
            long start = file.position();
            return new FileRegion(file, start, Math.max(0, file.size() - start), close, null);
        }
        return new Streamed(channel, null, close, -1);
    }

    /**
     * A whole file opened for reads into arrays as well (see {@link FileToArray}); closing the
     * source closes it.
     *
     * @param file the file
     * @return the source
     * @throws IOException if the file's size cannot be read
     */
    public static Source of(FileToArray file) throws IOException {
        try {
            return new FileRegion(file.channel(), 0, file.channel().size(), true, file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
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
        if (channel instanceof FileChannel) {
            return of(channel, close);
        }
        return new Streamed(channel, null, close, size);
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
            return new Streamed(null, in, close, size);
        } catch (IOException e) {
            throw new AssertionError("a stream source reads no channel state", e);
        }
    }

    /**
     * A region of a file read positionally: the channel's own position is never moved, so
     * several readers may share it.
     *
     * @param file the file
     * @param start the region's first byte in the file
     * @param size the region's length
     * @param close whether {@link #close()} closes the file
     * @return the source
     */
    public static FileRegion region(FileChannel file, long start, long size, boolean close) {
        return new FileRegion(file, start, size, close, null);
    }

    /** @return the bytes read so far, from the stream's first byte */
    public final long position() {
        return position;
    }

    /** @return the stream's length in bytes, or -1 if it cannot be known in advance */
    public abstract long size();

    /** @return whether {@link #seek(long)} works */
    public abstract boolean seekable();

    /**
     * Reads up to {@code dst.remaining()} bytes, at least one unless the stream has ended.
     *
     * @param dst the buffer to fill
     * @return the bytes read, or -1 at the end of the stream
     * @throws IOException from the channel or stream
     */
    public final int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n = readAt(dst);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** Reads at the current position; the caller counts the bytes. */
    abstract int readAt(ByteBuffer dst) throws IOException;

    /**
     * Fills the buffer, or fails naming what was being read.
     *
     * @param dst the buffer to fill completely
     * @param what what the bytes are, for the message ("the array header")
     * @throws NpyFormatException if the stream ends first
     * @throws IOException from the channel or stream
     */
    public final void readFully(ByteBuffer dst, String what) throws IOException {
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
    public final void seek(long newPosition) throws IOException {
        if (!seekable()) {
            throw new UnsupportedOperationException("the source is not seekable");
        }
        seekTo(newPosition);
        position = newPosition;
    }

    abstract void seekTo(long newPosition) throws IOException;

    /** @return whether staging buffers should be direct (channels) rather than heap (streams) */
    boolean prefersDirectBuffers() {
        return true;
    }

    /**
     * A region of a file: read positionally, and mapped by {@code MappedNpyArray}.
     */
    public static final class FileRegion extends Source {
        private final FileChannel file;
        private final long start;
        private final long size;
        private final boolean close;
        /** Reads into arrays on the same file, or null. */
        private final FileToArray direct;

        private FileRegion(FileChannel file, long start, long size, boolean close, FileToArray direct) {
            this.file = file;
            this.start = start;
            this.size = size;
            this.close = close;
            this.direct = direct;
        }

        /**
         * Reads from the region straight into a buffer over a Java array, where this region was
         * opened for it ({@link #of(FileToArray)}): as many of the buffer's remaining bytes as the
         * file holds, without moving this source's position.
         *
         * @param offset the first byte, from the region's start
         * @param values the buffer; its position moves past what was read
         * @return the bytes read, or -1 if this region cannot read into arrays
         * @throws IOException if the file cannot be read
         */
        public long readDirect(long offset, Buffer values) throws IOException {
            return direct == null ? -1 : direct.read(start + offset, values);
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean seekable() {
            return true;
        }

        @Override
        int readAt(ByteBuffer dst) throws IOException {
            long left = size - position();
            if (left <= 0) {
                return -1;
            }
            ByteBuffer target = dst.remaining() > left ? dst.slice(dst.position(), (int) left) : dst;
            if (!target.isDirect() && target.remaining() > MAX_CHANNEL_READ) {
                target = target.slice(target.position(), MAX_CHANNEL_READ);
            }
            int n = file.read(target, start + position());
            if (target != dst && n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }

        @Override
        void seekTo(long newPosition) {
            // positional reads: nothing to move
        }

        /**
         * Maps bytes of the region read-only, after checking that the file still holds them.
         *
         * @param offset the first byte, from the region's start
         * @param bytes how many
         * @param elementSize the mapping keeps elements of this size whole across its windows
         * @param order the byte order of the buffers handed out
         * @return the mapping, or null if the file now ends before {@code offset + bytes}; the
         *     caller reports how much it found through {@link #available(long)}
         * @throws IOException if the file cannot be mapped
         */
        public Mapping map(long offset, long bytes, int elementSize, ByteOrder order) throws IOException {
            if (available(offset) < bytes) {
                return null;
            }
            return Mapping.map(file, start + offset, bytes, elementSize, order);
        }

        /**
         * The bytes the file holds from an offset of the region on, now (a file may shrink
         * while it is read).
         *
         * @param offset from the region's start
         * @return at least 0
         * @throws IOException if the file's size cannot be read
         */
        public long available(long offset) throws IOException {
            return Math.max(0, Math.min(size, file.size() - start) - offset);
        }

        @Override
        public void close() throws IOException {
            if (direct != null) {
                direct.close();
            } else if (close) {
                file.close();
            }
        }
    }

    /**
     * An input stream, or a channel that is not a file. Heap buffers are filled through their
     * arrays from a stream; a channel is given at most {@link #MAX_CHANNEL_READ} bytes of a heap
     * buffer at a time, because the JDK stages heap reads through a temporary direct buffer of the
     * full request size.
     */
    public static final class Streamed extends Source {
        private final ReadableByteChannel channel;
        private final InputStream stream;
        private final SeekableByteChannel seekable;
        private final boolean close;
        private final long base;
        private final long size;
        private byte[] transfer;

        private Streamed(ReadableByteChannel channel, InputStream stream, boolean close, long size) throws IOException {
            this.channel = channel;
            this.stream = stream;
            this.seekable = channel instanceof SeekableByteChannel s ? s : null;
            this.close = close;
            this.base = seekable != null ? seekable.position() : 0;
            this.size = seekable != null ? Math.max(0, seekable.size() - base) : size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean seekable() {
            return seekable != null;
        }

        @Override
        boolean prefersDirectBuffers() {
            return stream == null;
        }

        @Override
        int readAt(ByteBuffer dst) throws IOException {
            return stream != null ? readStream(dst) : readChannel(dst);
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

        @Override
        void seekTo(long newPosition) throws IOException {
            seekable.position(base + newPosition);
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
}
