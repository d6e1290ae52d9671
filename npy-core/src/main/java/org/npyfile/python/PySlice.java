package org.npyfile.python;

/**
 * A Python {@code slice}; each part is null (None), a {@link Long} or a {@link java.math.BigInteger}.
 *
 * @param start the start, or null
 * @param stop the stop, or null
 * @param step the step, or null
 */
public record PySlice(Number start, Number stop, Number step) {
}
