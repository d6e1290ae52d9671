package org.npyfile.python;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Python {@code range} (not its elements: a range of 10<sup>18</sup> stays three numbers).
 *
 * @param start the first value
 * @param stop the bound, not included
 * @param step the step, never zero
 */
public record PyRange(BigInteger start, BigInteger stop, BigInteger step) {

    /**
     * Checks the parts.
     *
     * @param start the first value
     * @param stop the bound
     * @param step the step
     * @throws IllegalArgumentException if the step is zero, as Python refuses it
     */
    public PyRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (step.signum() == 0) {
            throw new IllegalArgumentException("range() arg 3 must not be zero");
        }
    }
}
