package org.npyfile.internal.pickle;

/**
 * Bounds on what a pickle may make the reader build. Whatever the limits, a length the pickle
 * declares is checked against the bytes that remain before anything is allocated from it, and the
 * bytes the reader allocates in total (text, bytes, copies) are also held to
 * {@link #BYTES_PER_INPUT_BYTE} per input byte, so a small pickle can never make large values.
 *
 * @param maxBytes the most bytes of text and binary values the reader allocates in total
 * @param maxDepth the deepest nesting of containers in the result (a list in a list is depth 2),
 *     at most {@link #MAX_DEPTH}
 * @param maxMemoEntries the most memo entries, and one more than the largest memo index
 * @param maxEntries the most elements of all containers together while the pickle is read (a
 *     list of 3 and a dict of 2 items are 5), which bounds the reader's memory
 * @param maxValues the most values the result holds when every shared reference is counted again
 *     (a list holding the same list of 1000 twice is 2003): what a caller walking the result visits
 */
public record PickleLimits(long maxBytes, int maxDepth, int maxMemoEntries, long maxEntries, long maxValues) {

    /** The Java stack holds a few frames per nesting level when the result is finished. */
    public static final int MAX_DEPTH = 1000;

    /** Legitimate pickles copy each byte at most once (bytes made by {@code _codecs.encode}). */
    public static final int BYTES_PER_INPUT_BYTE = 4;

    /** Room for a tiny pickle's small copies. */
    static final long SLACK_BYTES = 1 << 16;

    /**
     * Generous bounds for object arrays numpy writes: 2 GiB of values, nesting 100 deep (Python's own
     * {@code repr} gives up near 1000), 16 Mi memo entries, 32 Mi container elements, 64 Mi values.
     */
    public static final PickleLimits DEFAULT = new PickleLimits(Integer.MAX_VALUE - 8, 100, 1 << 24, 1L << 25, 1L << 26);

    /**
     * Checks the bounds.
     *
     * @param maxBytes the most bytes of values
     * @param maxDepth the deepest nesting
     * @param maxMemoEntries the most memo entries
     * @param maxEntries the most container elements while reading
     * @param maxValues the most values counting shared references again
     * @throws IllegalArgumentException if a bound is negative or maxDepth is outside 1..{@link #MAX_DEPTH}
     */
    public PickleLimits {
        if (maxBytes < 0 || maxMemoEntries < 0 || maxEntries < 0 || maxValues < 0) {
            throw new IllegalArgumentException("pickle limits must not be negative");
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be in 1.." + MAX_DEPTH + ": " + maxDepth);
        }
    }

    /**
     * Returns these limits with another depth bound.
     *
     * @param maxDepth the deepest nesting
     * @return a copy
     */
    public PickleLimits withMaxDepth(int maxDepth) {
        return new PickleLimits(maxBytes, maxDepth, maxMemoEntries, maxEntries, maxValues);
    }

    /**
     * Returns these limits with another bound on values.
     *
     * @param maxValues the most values counting shared references again
     * @return a copy
     */
    public PickleLimits withMaxValues(long maxValues) {
        return new PickleLimits(maxBytes, maxDepth, maxMemoEntries, maxEntries, maxValues);
    }

    /**
     * Returns these limits with another bound on container elements.
     *
     * @param maxEntries the most container elements
     * @return a copy
     */
    public PickleLimits withMaxEntries(long maxEntries) {
        return new PickleLimits(maxBytes, maxDepth, maxMemoEntries, maxEntries, maxValues);
    }

    /**
     * Returns these limits with another memo bound.
     *
     * @param maxMemoEntries the most memo entries
     * @return a copy
     */
    public PickleLimits withMaxMemoEntries(int maxMemoEntries) {
        return new PickleLimits(maxBytes, maxDepth, maxMemoEntries, maxEntries, maxValues);
    }

    /**
     * Returns these limits with another bound on bytes.
     *
     * @param maxBytes the most bytes of values
     * @return a copy
     */
    public PickleLimits withMaxBytes(long maxBytes) {
        return new PickleLimits(maxBytes, maxDepth, maxMemoEntries, maxEntries, maxValues);
    }

    /** The byte budget for one input: the limit, or less for a small input. */
    long byteBudget(long inputLength) {
        long tied = inputLength > (Long.MAX_VALUE - SLACK_BYTES) / BYTES_PER_INPUT_BYTE ? Long.MAX_VALUE
                : inputLength * BYTES_PER_INPUT_BYTE + SLACK_BYTES;
        return Math.min(maxBytes, tied);
    }
}
