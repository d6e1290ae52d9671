package org.npyfile.hadoop;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.npyfile.DType;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.npyfile.hadoop.internal.AtomicOutput;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.hadoop.internal.PositionalChannel;
import org.npyfile.hadoop.internal.SpillChannel;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.NpzWriteOptions;
import org.npyfile.npz.NpzWriter;

/**
 * {@code .npy} files and {@code .npz} archives on any Hadoop {@link FileSystem} ({@code hdfs://},
 * {@code s3a://}, {@code file://}, ...), through npyfile's own readers and writers.
 *
 * <p>Reads use positional reads only ({@code FSDataInputStream.read(position, ...)}): opening a
 * reader reads the header and nothing else, {@link NpyReader#seek(long)} costs nothing, and an
 * archive's central directory and one entry are read without downloading the rest. Writes go to a
 * hidden temporary file beside the target ({@code .name.<uuid>.tmp}) that is renamed onto the target
 * when the writer closes with a complete file; a failed or incomplete write leaves the target as it
 * was. Failures while opening name the file in their message.
 *
 * <p>Nothing here needs Spark: a Flink job or a plain Java program with a Hadoop client can use it.
 */
public final class HadoopNpy {

    private HadoopNpy() {
    }

    /**
     * A read-only channel over a file that reads with positional reads; its length comes from a
     * status call.
     *
     * @param fs the file system
     * @param path the file
     * @return the channel, at position 0; closing it closes the underlying stream
     * @throws IOException if the file cannot be opened
     */
    public static SeekableByteChannel channel(FileSystem fs, Path path) throws IOException {
        return channel(fs, path, fs.getFileStatus(path).getLen());
    }

    /**
     * A read-only channel over a file of known length (from a listing), which saves a status call.
     *
     * @param fs the file system
     * @param path the file
     * @param length the file's length in bytes
     * @return the channel, at position 0; closing it closes the underlying stream
     * @throws IOException if the file cannot be opened
     */
    public static SeekableByteChannel channel(FileSystem fs, Path path, long length) throws IOException {
        FSDataInputStream in = fs.open(Objects.requireNonNull(path, "path"));
        return new PositionalChannel(in, length, path.toString());
    }

    /**
     * Reads a file's header and nothing more, with the default limits.
     *
     * @param fs the file system
     * @param path the file
     * @return the header
     * @throws org.npyfile.NpyException if the header is malformed or the file cannot hold its data;
     *     the message names the file
     * @throws IOException if the file cannot be read
     */
    public static NpyHeader readHeader(FileSystem fs, Path path) throws IOException {
        try (NpyReader reader = reader(fs, path, NpyLimits.DEFAULT)) {
            return reader.header();
        }
    }

    /**
     * Opens a file for reading with the default limits.
     *
     * @param fs the file system
     * @param path the file
     * @return a reader at the first element, seekable both ways
     * @throws org.npyfile.NpyException if the header is malformed or the file cannot hold its data;
     *     the message names the file
     * @throws IOException if the file cannot be read
     */
    public static NpyReader reader(FileSystem fs, Path path) throws IOException {
        return reader(fs, path, NpyLimits.DEFAULT);
    }

    /**
     * Opens a file for reading.
     *
     * @param fs the file system
     * @param path the file
     * @param limits the bounds to enforce
     * @return a reader at the first element, seekable both ways; closing it closes the file
     * @throws org.npyfile.NpyException if the header is malformed or the file cannot hold its data;
     *     the message names the file
     * @throws IOException if the file cannot be read
     */
    public static NpyReader reader(FileSystem fs, Path path, NpyLimits limits) throws IOException {
        SeekableByteChannel channel = channel(fs, path);
        try {
            return NpyReader.of(channel, limits);
        } catch (IOException e) {
            throw FileErrors.named(path.toString(), e);
        }
    }

    /**
     * Opens an archive for random access with the default limits: reads its central directory and
     * local headers, no entry data.
     *
     * @param fs the file system
     * @param path the archive
     * @return the archive; closing it closes the file
     * @throws org.npyfile.npz.NpzFormatException if the archive is malformed; the message names the file
     * @throws IOException if the file cannot be read
     */
    public static NpzFile npzFile(FileSystem fs, Path path) throws IOException {
        return npzFile(fs, path, NpzLimits.DEFAULT);
    }

    /**
     * Opens an archive for random access.
     *
     * @param fs the file system
     * @param path the archive
     * @param limits the bounds to enforce
     * @return the archive; closing it closes the file
     * @throws org.npyfile.npz.NpzFormatException if the archive is malformed; the message names the file
     * @throws org.npyfile.NpyLimitException if it exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static NpzFile npzFile(FileSystem fs, Path path, NpzLimits limits) throws IOException {
        try {
            return NpzFile.open(channel(fs, path), limits).named(path.toString());
        } catch (IOException e) {
            throw FileErrors.named(path.toString(), e);
        }
    }

    /**
     * Writes a file of known shape, as {@code numpy.save} writes it; the file appears when the writer
     * closes having received exactly the shape's element count.
     *
     * @param fs the file system
     * @param path the file to create or replace
     * @param header the dtype, shape and order
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     */
    public static NpyWriter writer(FileSystem fs, Path path, NpyHeader header) throws IOException {
        NpyHeader written = NpyHeader.of(header.dtype(), header.fortranOrder(), header.shape());
        AtomicOutput out = AtomicOutput.create(fs, path,
                AtomicOutput.exactly(written.dataOffset() + written.dataBytes()));
        return NpyWriter.of(out, header);
    }

    /**
     * Writes a C-order file whose row count is not known in advance (see
     * {@link NpyWriter#growing(java.nio.file.Path, DType, long...)}): on a local file system straight
     * into place; on one that cannot seek (HDFS, object stores) through a local temporary file in
     * {@code java.io.tmpdir}, copied to the target when the writer closes, since the row count must be
     * patched into the header after the last row.
     *
     * @param fs the file system
     * @param path the file to create or replace
     * @param dtype the element type
     * @param rowShape the shape of one row; none for a 1-d array
     * @return the writer; the file appears when it closes after whole rows
     * @throws IOException if a temporary file cannot be created
     */
    public static NpyWriter growingWriter(FileSystem fs, Path path, DType dtype, long... rowShape) throws IOException {
        return growingWriter(fs, path, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), dtype, rowShape);
    }

    /**
     * Writes a C-order file whose row count is not known in advance, spilling to a given local
     * directory where the target cannot seek.
     *
     * @param fs the file system
     * @param path the file to create or replace
     * @param spillDirectory a local directory for the temporary copy (unused on a local file system)
     * @param dtype the element type
     * @param rowShape the shape of one row; none for a 1-d array
     * @return the writer; the file appears when it closes after whole rows
     * @throws IOException if a temporary file cannot be created
     */
    public static NpyWriter growingWriter(FileSystem fs, Path path, java.nio.file.Path spillDirectory, DType dtype,
            long... rowShape) throws IOException {
        java.nio.file.Path local = localFile(fs, path);
        if (local != null) {
            return NpyWriter.growing(local, dtype, rowShape);
        }
        AtomicOutput out = AtomicOutput.create(fs, path, (bytes, tail) -> bytes > 0);
        return NpyWriter.growing(SpillChannel.create(spillDirectory, out), dtype, rowShape);
    }

    /**
     * Writes an archive like {@code numpy.savez} or {@code numpy.savez_compressed}; it appears when
     * the writer closes successfully, and {@link NpzWriter#abort()} leaves the target as it was.
     *
     * @param fs the file system
     * @param path the archive to create or replace
     * @param options stored or compressed, and the rest
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     */
    public static NpzWriter npzWriter(FileSystem fs, Path path, NpzWriteOptions options) throws IOException {
        return NpzWriter.of(AtomicOutput.create(fs, path, AtomicOutput.endsWithZipEndRecord()), options);
    }

    /** The local file behind a path of a local file system, or null for any other file system. */
    static java.nio.file.Path localFile(FileSystem fs, Path path) {
        if (fs instanceof LocalFileSystem local) {
            return local.pathToFile(path).toPath();
        }
        if (fs instanceof RawLocalFileSystem raw) {
            return raw.pathToFile(path).toPath();
        }
        return null;
    }
}
