package org.npyfile.npz.internal.read;

import org.npyfile.NpyLimitException;
import org.npyfile.internal.Heap;

/**
 * The uncompressed bytes an archive's entries may hold together, {@code NpzLimits.maxTotalBytes}:
 * charged with the sizes the central directory declares when a random-access archive is opened, and
 * with the bytes entries deliver when a stream is read (whose sizes may come only after the data).
 * Also the one check that whole-archive reads fit in the heap ({@link #requireHeap}).
 */
public final class Budget {

    /** What to do instead of reading a whole archive into memory. */
    private static final String ONE_ENTRY_AT_A_TIME = "read it entry by entry with NpzFile.reader(name) or "
            + "NpzFile.map(name), or stream it with NpzInputStream, or give the JVM more heap (-Xmx)";

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

    /**
     * Refuses a whole-archive read whose entries together take more bytes than the JVM's heap can
     * ever hold, before anything is allocated; each entry's own allocation is checked again by npy-core.
     *
     * @param bytes the uncompressed bytes of the entries to be read (npy headers included)
     * @param what the entries, for the message ("the archive's 12 entries")
     * @throws NpyLimitException naming the size and the limit, and pointing to the readers that need
     *     one entry's memory at most
     */
    public static void requireHeap(long bytes, String what) throws NpyLimitException {
        Heap.require(bytes, what, ONE_ENTRY_AT_A_TIME);
    }
}
