package org.npyfile.npz;

import java.util.Objects;

/**
 * How an {@link NpzWriter} stores entries: the compression method and level, whether ZIP64 records
 * are written for every size and offset, and how many threads {@link NpzWriter#writeAll} may use to
 * deflate.
 *
 * <p>{@link #STORED} writes what {@code numpy.savez} writes and {@link #COMPRESSED} what
 * {@code numpy.savez_compressed} writes (DEFLATE at zlib's default level 6). Like numpy, every local
 * header carries a ZIP64 extra field, and the central directory and end record use ZIP64 only where a
 * value needs it (over 2^31-1, or more than 65,535 entries); {@link #withZip64Always(boolean)} forces
 * ZIP64 records everywhere, as an archive larger than 4 GiB has them.
 *
 * @param method the compression method of every entry
 * @param level the DEFLATE level, 0 (fastest) to 9 (smallest); ignored for {@code STORED}
 * @param zip64Always whether the central directory and end record use ZIP64 records for every entry
 * @param threads the most threads {@link NpzWriter#writeAll} deflates entries with, at least 1
 */
public record NpzWriteOptions(NpzEntry.Method method, int level, boolean zip64Always, int threads) {

    /** zlib's {@code Z_DEFAULT_COMPRESSION}, which numpy's {@code savez_compressed} uses. */
    public static final int DEFAULT_LEVEL = 6;

    /** Like {@code numpy.savez}: stored entries; ZIP64 only where needed; one thread per core. */
    public static final NpzWriteOptions STORED = new NpzWriteOptions(NpzEntry.Method.STORED, DEFAULT_LEVEL, false,
            Runtime.getRuntime().availableProcessors());

    /** Like {@code numpy.savez_compressed}: DEFLATE level 6; ZIP64 only where needed; one thread per core. */
    public static final NpzWriteOptions COMPRESSED = new NpzWriteOptions(NpzEntry.Method.DEFLATED, DEFAULT_LEVEL,
            false, Runtime.getRuntime().availableProcessors());

    /**
     * Checks the values.
     *
     * @param method the compression method of every entry
     * @param level the DEFLATE level, 0 to 9
     * @param zip64Always whether ZIP64 records are written for every entry
     * @param threads the most threads {@link NpzWriter#writeAll} deflates with
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if {@code level} is outside 0..9 or {@code threads} is below 1
     */
    public NpzWriteOptions {
        Objects.requireNonNull(method, "method");
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("level must be in 0..9: " + level);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /**
     * DEFLATE at a given level.
     *
     * @param level 0 (fastest) to 9 (smallest)
     * @return options like {@link #COMPRESSED} with that level
     */
    public static NpzWriteOptions compressed(int level) {
        return COMPRESSED.withLevel(level);
    }

    /**
     * Returns these options with another DEFLATE level.
     *
     * @param level 0 (fastest) to 9 (smallest)
     * @return a copy with the new level
     */
    public NpzWriteOptions withLevel(int level) {
        return new NpzWriteOptions(method, level, zip64Always, threads);
    }

    /**
     * Returns these options with ZIP64 records forced, or written only where needed.
     *
     * @param zip64Always whether every central directory entry and the end record use ZIP64 records
     * @return a copy with the new setting
     */
    public NpzWriteOptions withZip64Always(boolean zip64Always) {
        return new NpzWriteOptions(method, level, zip64Always, threads);
    }

    /**
     * Returns these options with another thread bound for {@link NpzWriter#writeAll}.
     *
     * @param threads at least 1; 1 deflates in the calling thread
     * @return a copy with the new bound
     */
    public NpzWriteOptions withThreads(int threads) {
        return new NpzWriteOptions(method, level, zip64Always, threads);
    }
}
