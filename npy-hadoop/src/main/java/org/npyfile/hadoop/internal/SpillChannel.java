package org.npyfile.hadoop.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;

/**
 * A local temporary file that stands in for a target that cannot seek (HDFS, S3): a growing
 * {@code .npy} writer patches its row count here, and on close the finished file is copied to the
 * target stream, or dropped if it is not a whole {@code .npy} (the writer failed).
 */
public final class SpillChannel implements SeekableByteChannel {

    private final FileChannel file;
    private final Path path;
    private final OutputStream target;
    private boolean open = true;

    private SpillChannel(FileChannel file, Path path, OutputStream target) {
        this.file = file;
        this.path = path;
        this.target = target;
    }

    /**
     * Creates the local file in a directory.
     *
     * @param directory where to spill, for example {@code java.io.tmpdir}
     * @param target the stream that receives the finished file; closed when this channel closes
     * @return the channel
     * @throws IOException if the file cannot be created
     */
    public static SpillChannel create(Path directory, OutputStream target) throws IOException {
        Files.createDirectories(directory);
        Path path = Files.createTempFile(directory, "npy-spill-", ".npy");
        try {
            return new SpillChannel(FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE), path, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            target.close();
            throw e;
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return file.write(src);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /**
     * Copies the spilled file to the target if it is a whole {@code .npy} (its header accounts for
     * every byte), then closes the target and deletes the local file.
     *
     * @throws IOException if the copy or a close fails
     */
    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try (file; target) {
            long size = file.size();
            if (whole(size)) {
                file.position(0);
                ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
                while (file.read(buffer.clear()) > 0) {
                    target.write(buffer.array(), 0, buffer.position());
                }
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private boolean whole(long size) {
        if (size == 0) {
            return false;
        }
        try {
            file.position(0);
            NpyHeader header = NpyReader.of(Channels.newChannel(Channels.newInputStream(file))).header();
            return header.dataOffset() + header.dataBytes() == size;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
