package org.npyfile.npz;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyTypeException;
import org.npyfile.NpyWriter;
import org.npyfile.npz.internal.write.ArchiveTarget;
import org.npyfile.npz.internal.write.EntrySink;
import org.npyfile.npz.internal.write.NpyContent;
import org.npyfile.npz.internal.ParallelWork;
import org.npyfile.npz.internal.write.Precompressed;
import org.npyfile.npz.internal.write.ZipWriter;

/**
 * Writes an {@code .npz} archive that {@code numpy.load} opens with the same keys and values: entry
 * by entry, whole arrays or streamed ones, stored like {@code numpy.savez} or deflated like
 * {@code numpy.savez_compressed} (see {@link NpzWriteOptions}).
 *
 * <p>Like numpy, every key gets {@code ".npy"} appended to make its entry name, whatever it ends with
 * ({@code "x.npy"} becomes the entry {@code "x.npy.npy"}, which numpy shows as the key
 * {@code "x.npy"}); keys are never file paths. The records are those CPython's {@code zipfile} writes
 * for numpy: a ZIP64 extra field in every local header, ZIP64 in the central directory wherever a
 * size or offset needs it (entries over 4 GiB work), DOS time 1980-01-01, permissions
 * {@code rw-------}. A stored archive written to a file or channel is byte for byte what
 * {@code numpy.savez} writes.
 *
 * <p>Targets: a {@link Path} is written under a temporary name in its directory and moved into place
 * only by a successful {@link #close()}; a {@link SeekableByteChannel} is written from its position
 * and cut off after the archive; an {@link OutputStream} (unseekable) gets each entry's CRC and sizes
 * where a stream can carry them: a whole array stored with {@link #write} has its CRC computed first
 * (one extra pass over the array in memory) and a complete local header; entries streamed with
 * {@link #entry} and deflated entries get a ZIP64 data descriptor after their data, exactly as numpy
 * writes to a pipe; {@link #writeAll} deflates in memory first and writes complete headers.
 *
 * <p>A failure after bytes were written (an I/O error, an entry's {@link NpyWriter} closed before all
 * its elements were written, an entry left open) poisons the writer: later writes throw
 * {@link IllegalStateException}, and {@link #close()} abandons the archive and throws; for a
 * {@link Path} the previous file then stays byte for byte as it was and no temporary file remains. A
 * failure of the caller's own code between entries is invisible to the writer: call {@link #abort()}
 * then, or the archive written so far is completed on {@code close()}.
 *
 * <p>Object arrays ({@link NpyArray#ofObjects}, or read with object arrays allowed) are written by
 * {@link #write} and {@link #writeAll} as {@code numpy.savez} writes them: the npy header, then the
 * pickle, which {@code numpy.load(..., allow_pickle=True)} loads.
 *
 * <p>The file, channel or stream the writer was made with is closed when the writer closes, or
 * aborts (see the package description).
 *
 * <p>Not thread-safe; {@link #writeAll} uses threads of its own.
 */
public final class NpzWriter implements AutoCloseable {

    private final ZipWriter zip;
    private final NpzWriteOptions options;
    private boolean closed;

    private NpzWriter(ArchiveTarget out, NpzWriteOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.zip = new ZipWriter(out, options.zip64Always(), options.level());
    }

    /**
     * Writes a file like {@code numpy.savez} (stored entries).
     *
     * @param path the file to create or replace when the writer closes successfully; used as given
     *     (numpy appends {@code .npz} to a name without it; this does not)
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     */
    public static NpzWriter open(Path path) throws IOException {
        return open(path, NpzWriteOptions.STORED);
    }

    /**
     * Writes a file.
     *
     * @param path the file to create or replace when the writer closes successfully
     * @param options stored or compressed, and the rest
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     */
    public static NpzWriter open(Path path, NpzWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new NpzWriter(ArchiveTarget.toFile(path), options);
    }

    /**
     * Writes to a seekable channel like {@code numpy.savez}.
     *
     * @param channel the channel, written from its current position and truncated after the archive;
     *     closed when the writer closes
     * @return the writer
     */
    public static NpzWriter of(SeekableByteChannel channel) {
        return of(channel, NpzWriteOptions.STORED);
    }

    /**
     * Writes to a seekable channel.
     *
     * @param channel the channel, written from its current position and truncated after the archive;
     *     closed when the writer closes
     * @param options stored or compressed, and the rest
     * @return the writer
     */
    public static NpzWriter of(SeekableByteChannel channel, NpzWriteOptions options) {
        return new NpzWriter(ArchiveTarget.toChannel(Objects.requireNonNull(channel, "channel")), options);
    }

    /**
     * Writes to a stream like {@code numpy.savez}.
     *
     * @param out the stream; never sought, so pipes and sockets work; closed when the writer closes
     * @return the writer
     */
    public static NpzWriter of(OutputStream out) {
        return of(out, NpzWriteOptions.STORED);
    }

    /**
     * Writes to a stream.
     *
     * @param out the stream; never sought, so pipes and sockets work; closed when the writer closes
     * @param options stored or compressed, and the rest
     * @return the writer
     */
    public static NpzWriter of(OutputStream out, NpzWriteOptions options) {
        return new NpzWriter(ArchiveTarget.toStream(Objects.requireNonNull(out, "out")), options);
    }

    /**
     * Writes to a stream that stays the caller's: closing the writer flushes it and leaves it open.
     * For the one-shots of {@link Npz}.
     *
     * @param out the caller's stream
     * @param options stored or compressed, and the rest
     * @return the writer
     */
    static NpzWriter borrowing(OutputStream out, NpzWriteOptions options) {
        return new NpzWriter(ArchiveTarget.toBorrowedStream(Objects.requireNonNull(out, "out")), options);
    }

    /**
     * The options this writer was made with.
     *
     * @return the options
     */
    public NpzWriteOptions options() {
        return options;
    }

    /**
     * Writes an array as the entry {@code key + ".npy"}.
     *
     * @param key the key numpy will show
     * @param array the array, written as {@code numpy.save} writes it (an object array as its pickle)
     * @throws IllegalArgumentException if the key is in the archive already, holds a NUL or an
     *     unpaired surrogate, or is longer than a ZIP name can be (nothing is written then)
     * @throws IllegalStateException if the writer is closed, failed earlier, or has an entry open
     * @throws IOException if the target fails (the writer is then poisoned)
     */
    public void write(String key, NpyArray array) throws IOException {
        Objects.requireNonNull(array, "array");
        String name = entryName(key);
        long knownCrc = -1;
        if (options.method() == NpzEntry.Method.STORED && !zip.seekable()) {
            zip.checkName(name);
            knownCrc = crcOf(array);
        }
        EntrySink sink = zip.begin(name, options.method().code(), NpyContent.length(array), knownCrc);
        NpyContent.writeAndClose(sink, array);
    }

    /**
     * Writes several arrays, in the map's order, deflating them on up to
     * {@link NpzWriteOptions#threads()} threads when the entries are compressed. The result is the same
     * as {@link #write} for each; deflated entries are compressed in memory (at most one per thread
     * at a time, waiting to be written) and get complete local headers.
     *
     * @param arrays the arrays by key
     * @throws IllegalArgumentException if a key is in the archive already or cannot be a ZIP name
     *     (checked for all keys before anything is written)
     * @throws IllegalStateException if the writer is closed, failed earlier, or has an entry open
     * @throws IOException if the target fails (the writer is then poisoned)
     */
    public void writeAll(Map<String, NpyArray> arrays) throws IOException {
        List<String> names = new ArrayList<>(arrays.size());
        List<NpyArray> values = new ArrayList<>(arrays.size());
        Set<String> fresh = new HashSet<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            String name = entryName(e.getKey());
            zip.checkName(name);
            if (!fresh.add(name)) {
                throw new IllegalArgumentException("two keys make the entry name '" + name + "'");
            }
            names.add(name);
            values.add(Objects.requireNonNull(e.getValue(), "array"));
        }
        if (options.method() == NpzEntry.Method.STORED || Math.min(options.threads(), values.size()) <= 1) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                write(e.getKey(), e.getValue());
            }
            return;
        }
        int[] written = {0};
        try {
            ParallelWork.inOrder(values, options.threads(), "npyfile-npz-deflate",
                    array -> Precompressed.deflate(array, options.level()), (i, deflated) -> {
                        zip.writePrecompressed(names.get(i), deflated);
                        written[0]++;
                    });
        } catch (IOException | RuntimeException | Error e) {
            // a failure of writePrecompressed has poisoned the writer already, under its own reason
            zip.fail("deflating entry '" + names.get(written[0]) + "' failed", e);
            throw e;
        }
    }

    /**
     * Starts an entry {@code key + ".npy"} whose elements are written in chunks, for arrays larger than
     * memory. Close the returned writer (after exactly the shape's element count) before starting
     * another entry or closing the archive.
     *
     * @param key the key numpy will show
     * @param header the dtype, shape and order; version and data offset are chosen as numpy chooses them
     * @return the entry's writer; closing it ends the entry, and closing it early poisons the archive
     * @throws IllegalArgumentException if the key is in the archive already or cannot be a ZIP name
     * @throws NpyTypeException if the dtype holds objects, whose pickle cannot be written in chunks
     *     (write such an array whole with {@link #write}); nothing is written then
     * @throws IllegalStateException if the writer is closed, failed earlier, or has an entry open
     * @throws IOException if the target fails
     */
    public NpyWriter entry(String key, NpyHeader header) throws IOException {
        if (header.dtype().hasObjects()) {
            throw new NpyTypeException("entry '" + entryName(key) + "': dtype " + header.dtype().descr() + " holds "
                    + "Python objects, stored as one pickle, which cannot be written in chunks: write such an array "
                    + "whole with NpzWriter.write");
        }
        NpyHeader written = NpyHeader.of(header.dtype(), header.fortranOrder(), header.shape());
        EntrySink sink = zip.begin(entryName(key), options.method().code(),
                written.dataOffset() + written.dataBytes(), -1);
        return NpyWriter.of(sink, written);
    }

    /**
     * Starts a C-order entry {@code key + ".npy"} whose elements are written in chunks.
     *
     * @param key the key numpy will show
     * @param dtype the element type
     * @param shape the dimensions
     * @return the entry's writer; closing it ends the entry
     * @throws IllegalArgumentException if the key is in the archive already or cannot be a ZIP name, or
     *     the shape is invalid
     * @throws NpyTypeException if the dtype holds objects
     * @throws IllegalStateException if the writer is closed, failed earlier, or has an entry open
     * @throws IOException if the target fails
     */
    public NpyWriter entry(String key, DType dtype, long... shape) throws IOException {
        return entry(key, NpyHeader.of(dtype, shape));
    }

    /**
     * Gives the archive up: for a {@link Path} the previous file stays as it was and the temporary
     * file is removed; a channel or stream is closed as it is (a stream borrowed by a one-shot of
     * {@link Npz} is flushed and left open). Does nothing after {@link #close()}.
     *
     * @throws IOException if the temporary file cannot be removed or the target cannot be closed
     */
    public void abort() throws IOException {
        if (!closed) {
            closed = true;
            zip.abandon();
        }
    }

    /**
     * Completes the archive (central directory and end records) and, for a {@link Path}, moves it
     * into place; or, if the writer failed, abandons it.
     *
     * @throws NpyException if the writer failed earlier or an entry is still open: the archive was
     *     not completed (for a {@link Path} the previous file is unchanged)
     * @throws IOException if the target fails
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            zip.finish();
        }
    }

    private static String entryName(String key) {
        return Objects.requireNonNull(key, "key") + ".npy";
    }

    /** The CRC-32 of the bytes {@code numpy.save} writes for an array: its preamble, then its data (or pickle). */
    private static long crcOf(NpyArray array) {
        CRC32 crc = new CRC32();
        crc.update(array.header().toBytes());
        crc.update(array.data());
        return crc.getValue();
    }
}
