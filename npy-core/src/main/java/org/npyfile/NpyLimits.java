package org.npyfile;

import java.util.Objects;

/**
 * Bounds that a reader enforces before it trusts a number from the input.
 *
 * <p>Readers never allocate from a size in the input before checking it against these limits
 * and against what the source can actually hold.
 *
 * @param maxHeaderBytes the longest header text accepted, in characters after decoding; numpy's
 *     {@code max_header_size} default is 10,000, which refuses the format 2.0 files numpy writes
 *     for very large structured dtypes: raise it to read those
 * @param maxArrayBytes the largest array data read into memory at once, in bytes; at most
 *     {@link #MAX_IN_MEMORY_BYTES}, the most one Java array can hold
 * @param maxTrailingBytes how many bytes may follow the array's data in a file or a byte array:
 *     numpy ignores any number (the default, {@link Long#MAX_VALUE}); 0 refuses any, which a
 *     service that expects exactly one array per upload should choose
 * @param objectArrays whether arrays of Python objects ({@code |O}, stored by numpy as a pickle)
 *     are read: off by default, as numpy's {@code allow_pickle=False}; when on, the pickle is
 *     decoded into plain values by a reader that never runs any code (see
 *     {@link NpyArray#asObjectArray()}), its memory and nesting bounded by {@link #maxArrayBytes()}
 * @param pickleEncoding what a Python 2 {@code str} in such a pickle becomes, as numpy.load's
 *     {@code encoding}; {@link PickleEncoding#ASCII} by default
 */
public record NpyLimits(int maxHeaderBytes, long maxArrayBytes, long maxTrailingBytes, boolean objectArrays,
        PickleEncoding pickleEncoding) {

    /** numpy's own {@code max_header_size} default. */
    public static final int NUMPY_MAX_HEADER_SIZE = 10_000;

    /** The most bytes one in-memory array can hold: the JVM's practical array size limit. */
    public static final long MAX_IN_MEMORY_BYTES = Integer.MAX_VALUE - 8;

    /** numpy's header limit and arrays up to {@link #MAX_IN_MEMORY_BYTES}. */
    public static final NpyLimits DEFAULT =
            new NpyLimits(NUMPY_MAX_HEADER_SIZE, MAX_IN_MEMORY_BYTES, Long.MAX_VALUE, false, PickleEncoding.ASCII);

    /**
     * Checks the bounds.
     *
     * @param maxHeaderBytes the longest header text accepted, in characters
     * @param maxArrayBytes the largest array read into memory at once, in bytes
     * @param maxTrailingBytes how many bytes may follow the array's data
     * @param objectArrays whether object arrays are read
     * @param pickleEncoding what a Python 2 str becomes
     *
     * @throws IllegalArgumentException if a bound is negative, maxHeaderBytes is 0 or
     *     maxArrayBytes exceeds {@link #MAX_IN_MEMORY_BYTES}
     */
    public NpyLimits {
        Objects.requireNonNull(pickleEncoding, "pickleEncoding");
        if (maxTrailingBytes < 0) {
            throw new IllegalArgumentException("maxTrailingBytes must not be negative: " + maxTrailingBytes);
        }
        if (maxHeaderBytes <= 0) {
            throw new IllegalArgumentException("maxHeaderBytes must be positive: " + maxHeaderBytes);
        }
        if (maxArrayBytes < 0 || maxArrayBytes > MAX_IN_MEMORY_BYTES) {
            throw new IllegalArgumentException(
                    "maxArrayBytes must be in 0.." + MAX_IN_MEMORY_BYTES + ": " + maxArrayBytes);
        }
    }

    /**
     * Bounds that refuse object arrays, as numpy does by default.
     *
     * @param maxHeaderBytes the longest header text accepted, in characters
     * @param maxArrayBytes the largest array read into memory at once, in bytes
     * @param maxTrailingBytes how many bytes may follow the array's data
     * @throws IllegalArgumentException if a bound is out of range, as for the canonical constructor
     */
    public NpyLimits(int maxHeaderBytes, long maxArrayBytes, long maxTrailingBytes) {
        this(maxHeaderBytes, maxArrayBytes, maxTrailingBytes, false, PickleEncoding.ASCII);
    }

    /**
     * Returns these limits with another header bound.
     *
     * @param maxHeaderBytes the longest header text accepted, in characters
     * @return a copy with the new bound
     */
    public NpyLimits withMaxHeaderBytes(int maxHeaderBytes) {
        return new NpyLimits(maxHeaderBytes, maxArrayBytes, maxTrailingBytes, objectArrays, pickleEncoding);
    }

    /**
     * Returns these limits with another array bound.
     *
     * @param maxArrayBytes the largest array read into memory, in bytes
     * @return a copy with the new bound
     */
    public NpyLimits withMaxArrayBytes(long maxArrayBytes) {
        return new NpyLimits(maxHeaderBytes, maxArrayBytes, maxTrailingBytes, objectArrays, pickleEncoding);
    }

    /**
     * Returns these limits with another bound on bytes after the data.
     *
     * @param maxTrailingBytes 0 to refuse any, {@link Long#MAX_VALUE} to ignore them as numpy does
     * @return a copy with the new bound
     */
    public NpyLimits withMaxTrailingBytes(long maxTrailingBytes) {
        return new NpyLimits(maxHeaderBytes, maxArrayBytes, maxTrailingBytes, objectArrays, pickleEncoding);
    }

    /**
     * Returns these limits with object arrays read or refused.
     *
     * @param objectArrays true to decode object arrays' pickles into plain values (nothing is ever
     *     executed), false to refuse them as numpy's {@code allow_pickle=False} does
     * @return a copy with the new setting
     */
    public NpyLimits withObjectArrays(boolean objectArrays) {
        return new NpyLimits(maxHeaderBytes, maxArrayBytes, maxTrailingBytes, objectArrays, pickleEncoding);
    }

    /**
     * Returns these limits with another decoding of Python 2 strings in object arrays.
     *
     * @param pickleEncoding {@link PickleEncoding#LATIN1} or {@link PickleEncoding#BYTES} for
     *     Python 2 pickles that numpy's default ASCII refuses
     * @return a copy with the new setting
     */
    public NpyLimits withPickleEncoding(PickleEncoding pickleEncoding) {
        return new NpyLimits(maxHeaderBytes, maxArrayBytes, maxTrailingBytes, objectArrays, pickleEncoding);
    }
}
