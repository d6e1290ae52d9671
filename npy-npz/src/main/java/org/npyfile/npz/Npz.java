package org.npyfile.npz;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npyfile.NpyArray;
import org.npyfile.NpyLimitException;

/**
 * One-shot reads and writes of whole {@code .npz} archives: {@code numpy.load},
 * {@code numpy.savez} and {@code numpy.savez_compressed} for the JVM, keeping numpy's order. For
 * archives larger than memory use {@link NpzFile}, {@link NpzInputStream} and {@link NpzWriter}.
 */
public final class Npz {

    private Npz() {
    }

    /**
     * Reads every array of an archive with the default limits, inflating deflated entries on several
     * threads.
     *
     * @param path the archive
     * @return the arrays by key ({@code "x"} for the entry {@code "x.npy"}), in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream (numpy would return its raw bytes; use {@link NpzFile} to read the others)
     * @throws NpyLimitException if the archive or an array exceeds {@link NpzLimits#DEFAULT}
     * @throws IOException if the file cannot be read
     */
    public static Map<String, NpyArray> load(Path path) throws IOException {
        return load(path, NpzLimits.DEFAULT);
    }

    /**
     * Reads every array of an archive.
     *
     * @param path the archive
     * @param limits the bounds to enforce
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream
     * @throws NpyLimitException if the archive or an array exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static Map<String, NpyArray> load(Path path, NpzLimits limits) throws IOException {
        try (NpzFile npz = NpzFile.open(path, limits)) {
            return npz.readAll();
        }
    }

    /**
     * Reads every array of an archive from a stream, front to back, with the default limits. The
     * stream is not closed.
     *
     * @param in the stream, at the archive's first byte
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream
     * @throws NpyLimitException if the archive or an array exceeds {@link NpzLimits#DEFAULT}
     * @throws IOException if the stream fails
     */
    public static Map<String, NpyArray> load(InputStream in) throws IOException {
        return load(in, NpzLimits.DEFAULT);
    }

    /**
     * Reads every array of an archive from a stream, front to back. The stream is not closed.
     *
     * @param in the stream, at the archive's first byte
     * @param limits the bounds to enforce
     * @return the arrays by key, in archive order
     * @throws NpzFormatException if the archive is malformed, an entry fails its checks, or an entry is
     *     not an npy stream
     * @throws NpyLimitException if the archive or an array exceeds the limits
     * @throws IOException if the stream fails
     */
    public static Map<String, NpyArray> load(InputStream in, NpzLimits limits) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (NpzInputStream npz = NpzInputStream.of(new UnclosedInputStream(in), limits)) {
            NpzEntry entry;
            while ((entry = npz.nextEntry()) != null) {
                arrays.put(entry.key(), npz.read());
            }
        }
        return arrays;
    }

    /**
     * Reads an archive front to back from a stream, entry by entry; see {@link NpzInputStream}.
     *
     * @param in the stream, at the archive's first byte; closed with the returned reader
     * @return the reader, before the first entry
     */
    public static NpzInputStream stream(InputStream in) {
        return NpzInputStream.of(in);
    }

    /**
     * Reads an archive front to back from a stream, entry by entry; see {@link NpzInputStream}.
     *
     * @param in the stream, at the archive's first byte; closed with the returned reader
     * @param limits the bounds to enforce
     * @return the reader, before the first entry
     */
    public static NpzInputStream stream(InputStream in, NpzLimits limits) {
        return NpzInputStream.of(in, limits);
    }

    /**
     * Writes arrays as {@code numpy.savez(path, **arrays)} does: stored entries {@code key + ".npy"} in
     * the map's order (a {@link LinkedHashMap} keeps yours). The file is written under a temporary name
     * and moved into place only when complete.
     *
     * @param path the file to create or replace; used as given (no {@code .npz} appended)
     * @param arrays the arrays by key
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the file cannot be written (the previous file is then unchanged)
     */
    public static void save(Path path, Map<String, NpyArray> arrays) throws IOException {
        save(path, arrays, NpzWriteOptions.STORED);
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
    public static void saveCompressed(Path path, Map<String, NpyArray> arrays) throws IOException {
        save(path, arrays, NpzWriteOptions.COMPRESSED);
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
    public static void save(Path path, Map<String, NpyArray> arrays, NpzWriteOptions options) throws IOException {
        NpzWriter writer = NpzWriter.open(path, options);
        write(writer, arrays);
    }

    /**
     * Writes arrays to a stream as {@code numpy.savez} does; the stream is flushed, not closed.
     *
     * @param out the stream; never sought
     * @param arrays the arrays by key, written in the map's order
     * @throws IllegalArgumentException if a key cannot be a ZIP name, or two make the same one
     * @throws IOException if the stream fails
     */
    public static void save(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        save(out, arrays, NpzWriteOptions.STORED);
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
    public static void saveCompressed(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        save(out, arrays, NpzWriteOptions.COMPRESSED);
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
    public static void save(OutputStream out, Map<String, NpyArray> arrays, NpzWriteOptions options)
            throws IOException {
        write(NpzWriter.ofUnclosed(out, options), arrays);
    }

    /** Writes everything, or abandons the archive if anything fails. */
    private static void write(NpzWriter writer, Map<String, NpyArray> arrays) throws IOException {
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

    /** Keeps a caller's stream open when the reader reading it closes. */
    private static final class UnclosedInputStream extends FilterInputStream {
        UnclosedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
