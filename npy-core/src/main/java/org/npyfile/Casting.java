package org.npyfile;

/**
 * How {@link NpyArray#astype(DType, Casting)} treats values that do not fit the target dtype.
 * Both round floats to the nearest value of a narrower float and truncate floats toward zero when
 * they become integers: that is what a cast asks for.
 */
public enum Casting {
    /**
     * numpy's {@code astype} ({@code casting='unsafe'}): integers wrap to the target's width
     * ({@code 2**40 + 5} becomes {@code 5} in int32), finite floats too large for a narrower float
     * become infinite, and NaN, infinities or out-of-range floats becoming integers give what numpy
     * gives on x86-64 (the most negative value of int32 and int64; numpy leaves it undefined).
     */
    UNSAFE,
    /**
     * Like {@link #UNSAFE}, but a value outside the target's range — an integer that would wrap,
     * NaN or an infinity or a too large float becoming an integer, a finite float becoming
     * infinite, a nonzero imaginary part dropped — throws an {@link ArithmeticException} naming the
     * element's flat C-order index and its value.
     */
    CHECKED
}
