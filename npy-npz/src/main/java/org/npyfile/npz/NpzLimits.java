package org.npyfile.npz;

import java.util.Objects;
import org.npyfile.NpyLimits;

/**
 * Bounds that archive readers enforce before they trust a number from the input: the
 * {@link NpyLimits} applied to every entry's npy header and array, and two archive-wide bounds.
 *
 * <p>Defaults ({@link #DEFAULT}): {@link NpyLimits#DEFAULT} for each entry (numpy's 10,000-character
 * header limit, arrays up to {@link NpyLimits#MAX_IN_MEMORY_BYTES} in memory), at most
 * {@value #DEFAULT_MAX_ENTRIES} entries, and no bound on the total uncompressed size beyond each
 * entry's own. For untrusted input lower {@code maxTotalBytes}: a random-access archive is then
 * refused as soon as its central directory declares more, and a stream as soon as its entries
 * deliver more.
 *
 * @param npy the bounds for each entry's npy header and in-memory array
 * @param maxEntries the most entries an archive may hold
 * @param maxTotalBytes the most uncompressed bytes all entries together may hold
 */
public record NpzLimits(NpyLimits npy, int maxEntries, long maxTotalBytes) {

    /**
     * The default entry bound: above the 65,535 entries where ZIP needs its ZIP64 end record (numpy
     * writes those), while the bookkeeping for that many entries stays a few megabytes.
     */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    /** {@link NpyLimits#DEFAULT} per entry, {@value #DEFAULT_MAX_ENTRIES} entries, no total bound. */
    public static final NpzLimits DEFAULT = new NpzLimits(NpyLimits.DEFAULT, DEFAULT_MAX_ENTRIES, Long.MAX_VALUE);

    /**
     * Checks the bounds.
     *
     * @param npy the bounds for each entry's npy header and in-memory array
     * @param maxEntries the most entries an archive may hold
     * @param maxTotalBytes the most uncompressed bytes all entries together may hold
     * @throws NullPointerException if {@code npy} is null
     * @throws IllegalArgumentException if {@code maxEntries} or {@code maxTotalBytes} is negative
     */
    public NpzLimits {
        Objects.requireNonNull(npy, "npy");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        if (maxTotalBytes < 0) {
            throw new IllegalArgumentException("maxTotalBytes must not be negative: " + maxTotalBytes);
        }
    }

    /**
     * The default archive bounds with other per-entry limits.
     *
     * @param npy the bounds for each entry's npy header and in-memory array
     * @return the limits
     */
    public static NpzLimits of(NpyLimits npy) {
        return DEFAULT.withNpy(npy);
    }

    /**
     * Returns these limits with other per-entry limits.
     *
     * @param npy the bounds for each entry's npy header and in-memory array
     * @return a copy with the new bounds
     */
    public NpzLimits withNpy(NpyLimits npy) {
        return new NpzLimits(npy, maxEntries, maxTotalBytes);
    }

    /**
     * Returns these limits with another entry bound.
     *
     * @param maxEntries the most entries an archive may hold
     * @return a copy with the new bound
     */
    public NpzLimits withMaxEntries(int maxEntries) {
        return new NpzLimits(npy, maxEntries, maxTotalBytes);
    }

    /**
     * Returns these limits with another total size bound.
     *
     * @param maxTotalBytes the most uncompressed bytes all entries together may hold
     * @return a copy with the new bound
     */
    public NpzLimits withMaxTotalBytes(long maxTotalBytes) {
        return new NpzLimits(npy, maxEntries, maxTotalBytes);
    }
}
