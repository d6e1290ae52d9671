package org.npyfile.npz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.npz.internal.read.Budget;

/**
 * One-shot reads and writes of whole {@code .npz} archives: {@code numpy.load},
 * {@code numpy.savez} and {@code numpy.savez_compressed} for the JVM, keeping numpy's order, with the
 * verbs of {@link org.npyfile.Npy}. For archives larger than memory use {@link NpzFile},
 * {@link NpzInputStream} and {@link NpzWriter}; for a file that may be either an {@code .npy} or an
 * {@code .npz}, {@link Numpy#load(Path)}.
 *
 * <p>A one-shot never closes a stream it is given: {@link #read(InputStream)} and
 * {@link #write(OutputStream, Map)} leave it open for the caller (see the package description).
 */
public final class Npz {

    private Npz() {
    }

    /**
     * Reads every array of an archive with the default limits, {@link NpzLimits#DEFAULT}, inflating
     * deflated entries on several threads. Object arrays are refused, as {@code numpy.load} refuses
     * them by default.
     *
     * @param path the archive
     * @return the arrays by key ({@code "x"} for the entry {@code "x.npy"}), in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream (numpy would return its raw bytes; use {@link NpzFile} to read the others)
     * @throws NpyLimitException if the entries together declare more bytes than the JVM's heap can
     *     hold (checked before anything is read), or the archive or an array exceeds
     *     {@link NpzLimits#DEFAULT}, or an entry holds objects
     * @throws IOException if the file cannot be read
     */
    public static Map<String, NpyArray> read(Path path) throws IOException {
        return read(path, NpzLimits.DEFAULT);
    }

    /**
     * Reads every array of an archive. Object arrays are decoded only if the limits allow them
     * ({@code NpzLimits.of(NpyLimits.DEFAULT.withObjectArrays(true))}).
     *
     * @param path the archive
     * @param limits the bounds to enforce
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream
     * @throws NpyLimitException if the entries together declare more bytes than the JVM's heap can
     *     hold (checked before anything is read), or the archive or an array exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static Map<String, NpyArray> read(Path path, NpzLimits limits) throws IOException {
        try (NpzFile npz = NpzFile.open(path, limits)) {
            return npz.readAll();
        }
    }

    /**
     * Reads every array of an archive from a stream, front to back, with the default limits. The
     * stream is not closed; it may have been read past the archive's end by up to 64 KiB.
     *
     * @param in the stream, at the archive's first byte
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream
     * @throws NpyLimitException if the entries read so far and the next one take more bytes than the
     *     JVM's heap can hold, or the archive or an array exceeds {@link NpzLimits#DEFAULT}, or an
     *     entry holds objects
     * @throws IOException if the stream fails
     */
    public static Map<String, NpyArray> read(InputStream in) throws IOException {
        return read(in, NpzLimits.DEFAULT);
    }

    /**
     * Reads every array of an archive from a stream, front to back. The stream is not closed; it may
     * have been read past the archive's end by up to 64 KiB. A stream tells an entry's size only when
     * the entry comes, so the heap is checked entry by entry: before an entry's data is read, the
     * entries read so far and this one must fit in the JVM's maximum heap.
     *
     * @param in the stream, at the archive's first byte
     * @param limits the bounds to enforce
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream
     * @throws NpyLimitException if the entries read so far and the next one take more bytes than the
     *     JVM's heap can hold, or the archive or an array exceeds the limits
     * @throws IOException if the stream fails
     */
    public static Map<String, NpyArray> read(InputStream in, NpzLimits limits) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        long held = 0;
        try (NpzInputStream npz = NpzInputStream.borrowing(in, limits)) {
            NpzEntry entry;
            while ((entry = npz.nextEntry()) != null) {
                held += entryLength(npz, entry);
                Budget.requireHeap(held, "the archive's entries up to '" + entry.name() + "'");
                arrays.put(entry.key(), npz.read());
            }
        }
        return arrays;
    }

    /** An entry's length: declared by its local header, else implied by its npy header, else 0 (unknown). */
    private static long entryLength(NpzInputStream npz, NpzEntry entry) throws IOException {
        if (entry.uncompressedSize() >= 0) {
            return entry.uncompressedSize();
        }
        NpyHeader header = npz.header();
        return header.dataBytes() < 0 ? 0 : header.dataOffset() + header.dataBytes();
    }

    /**
     * Writes arrays as {@code numpy.savez(path, **arrays)} does: stored entries {@code key + ".npy"} in
     * the map's order (a {@link LinkedHashMap} keeps yours). The file is written under a temporary name
     * and moved into place only when complete. Object arrays are written as their pickles.
     *
     * @param path the file to create or replace; used as given (no {@code .npz} appended)
     * @param arrays the arrays by key
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the file cannot be written (the previous file is then unchanged)
     */
    public static void write(Path path, Map<String, NpyArray> arrays) throws IOException {
        write(path, arrays, NpzWriteOptions.STORED);
    }

    /**
     * Writes arrays as {@code numpy.savez_compressed(path, **arrays)} does: DEFLATE at level 6,
     * entries deflated on several threads, written in the map's order.
     *
     * @param path the file to create or replace; used as given
     * @param arrays the arrays by key
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the file cannot be written (the previous file is then unchanged)
     */
    public static void writeCompressed(Path path, Map<String, NpyArray> arrays) throws IOException {
        write(path, arrays, NpzWriteOptions.COMPRESSED);
    }

    /**
     * Writes arrays with the given options.
     *
     * @param path the file to create or replace; used as given
     * @param arrays the arrays by key, written in the map's order
     * @param options stored or compressed, and the rest
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the file cannot be written (the previous file is then unchanged)
     */
    public static void write(Path path, Map<String, NpyArray> arrays, NpzWriteOptions options) throws IOException {
        writeAllOrAbort(NpzWriter.open(path, options), arrays);
    }

    /**
     * Writes arrays to a stream as {@code numpy.savez} does; the stream is flushed, not closed.
     *
     * @param out the stream; never sought
     * @param arrays the arrays by key, written in the map's order
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the stream fails
     */
    public static void write(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        write(out, arrays, NpzWriteOptions.STORED);
    }

    /**
     * Writes arrays to a stream as {@code numpy.savez_compressed} does; the stream is flushed, not
     * closed.
     *
     * @param out the stream; never sought
     * @param arrays the arrays by key, written in the map's order
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the stream fails
     */
    public static void writeCompressed(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        write(out, arrays, NpzWriteOptions.COMPRESSED);
    }

    /**
     * Writes arrays to a stream with the given options; the stream is flushed, not closed.
     *
     * @param out the stream; never sought
     * @param arrays the arrays by key, written in the map's order
     * @param options stored or compressed, and the rest
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the stream fails
     */
    public static void write(OutputStream out, Map<String, NpyArray> arrays, NpzWriteOptions options)
            throws IOException {
        writeAllOrAbort(NpzWriter.borrowing(out, options), arrays);
    }

    /** Writes everything, or abandons the archive if anything fails. */
    private static void writeAllOrAbort(NpzWriter writer, Map<String, NpyArray> arrays) throws IOException {
        try {
            writer.writeAll(arrays);
        } catch (IOException | RuntimeException | Error e) {
            try {
                writer.abort();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        writer.close();
    }
}
