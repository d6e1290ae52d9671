package org.npyfile.npz.internal.read;

import org.npyfile.NpyLimitException;

/** Uncompressed bytes a stream's entries may still deliver: {@code NpzLimits.maxTotalBytes}. */
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
     * Counts delivered bytes.
     *
     * @param n the bytes just delivered
     * @param entry the entry delivering them, for the message
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
