package org.npyfile.npz.internal.read;

import org.npyfile.NpyLimitException;

/**
 * The uncompressed bytes an archive's entries may hold together, {@code NpzLimits.maxTotalBytes}:
 * charged with the sizes the central directory declares when a random-access archive is opened, and
 * with the bytes entries deliver when a stream is read (whose sizes may come only after the data).
 */
public final class Budget {

    private final long max;
    private long used;

    /**
     * A budget.
     *
     * @param max the most bytes in total
     */
    public Budget(long max) {
        this.max = max;
    }

    /**
     * Counts bytes.
     *
     * @param n the bytes declared or delivered
     * @param entry the entry they belong to, for the message
     * @throws NpyLimitException if the total exceeds the bound
     */
    public void charge(long n, String entry) throws NpyLimitException {
        used += n;
        if (used > max || used < 0) {
            throw new NpyLimitException("entry '" + entry + "': the archive's entries hold more than "
                    + max + " uncompressed bytes (NpzLimits.maxTotalBytes)");
        }
    }
}
