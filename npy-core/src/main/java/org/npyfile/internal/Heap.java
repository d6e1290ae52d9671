package org.npyfile.internal;

import java.io.IOException;
import org.npyfile.NpyLimitException;

/**
 * Whole-array reads within the heap: a declared size is checked against the JVM's maximum heap
 * before anything is allocated, and an allocation the heap cannot take after all (because live
 * data fills it) becomes an {@link NpyLimitException}, never a raw {@link OutOfMemoryError}.
 */
public final class Heap {

    /** What to say instead of reading whole. */
    private static final String ALTERNATIVE =
            "read it in chunks with NpyReader, or map it with Npy.map, or give the JVM more heap (-Xmx)";

    private Heap() {
    }

    /** Allocates memory of a checked size. */
    public interface Allocation<T> {
        /**
         * Allocates, and may fill what it allocated.
         *
         * @return the new object
         * @throws IOException if filling it fails
         */
        T allocate() throws IOException;
    }

    /**
     * Refuses sizes the heap can never hold.
     *
     * @param bytes the bytes a read would allocate
     * @param what what would be read, for the message ("12 elements of <f4")
     * @throws NpyLimitException if {@code bytes} exceeds the maximum heap
     */
    public static void require(long bytes, String what) throws NpyLimitException {
        require(bytes, what, ALTERNATIVE);
    }

    /**
     * Refuses sizes the heap can never hold, pointing to another way than npy-core's streaming and
     * mapping (an archive's own readers, say).
     *
     * @param bytes the bytes a read would allocate
     * @param what what would be read, for the message
     * @param alternative what to do instead, for the message
     * @throws NpyLimitException if {@code bytes} exceeds the maximum heap
     */
    public static void require(long bytes, String what, String alternative) throws NpyLimitException {
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && bytes > max) {
            throw tooLarge(bytes, what, max, "the JVM's maximum heap", alternative);
        }
    }

    /**
     * Allocates after {@link #require(long, String)}, turning an {@link OutOfMemoryError} of this one
     * allocation into an {@link NpyLimitException}: the JVM has collected garbage before giving up,
     * so the heap left is what live data leaves.
     *
     * @param <T> the allocated type
     * @param bytes the size to check
     * @param what what would be read, for the message
     * @param allocation the allocation
     * @return what it allocated
     * @throws NpyLimitException if the heap cannot take it
     * @throws IOException from the allocation's own reading
     */
    public static <T> T allocate(long bytes, String what, Allocation<T> allocation) throws IOException {
        require(bytes, what);
        try {
            return allocation.allocate();
        } catch (OutOfMemoryError e) {
            Runtime runtime = Runtime.getRuntime();
            long left = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
            NpyLimitException limit = tooLarge(bytes, what, left, "the heap that live data leaves", ALTERNATIVE);
            limit.initCause(e);
            throw limit;
        }
    }

    private static NpyLimitException tooLarge(long bytes, String what, long limit, String which,
                                              String alternative) {
        return new NpyLimitException(what + " take " + bytes + " bytes in memory, more than " + which + " ("
                + limit + " bytes); " + alternative);
    }
}
