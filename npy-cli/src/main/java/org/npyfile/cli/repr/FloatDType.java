package org.npyfile.cli.repr;

/**
 * A floating-point dtype as numpy's printing uses it: its decimal precision, and the comparisons
 * {@code FloatingFormat.fillFormat} and the scalar {@code str} make in the dtype's own arithmetic,
 * answered exactly here. {@link FloatType} has the IEEE types, {@link LongDouble} the x87
 * extended format of numpy's {@code longdouble} on x86-64.
 */
public interface FloatDType {

    /**
     * numpy's {@code finfo(dtype).precision}: the decimal digits the type resolves.
     *
     * @return 3, 6, 15 or 18
     */
    int decimalPrecision();

    /**
     * A Python float as numpy converts it to this dtype before comparing it with a scalar of the
     * dtype (NEP 50: the Python float adopts the dtype, rounded to nearest).
     *
     * @param value the Python float
     * @return its value in this dtype
     */
    FloatValue fromDouble(double value);

    /**
     * Whether {@code larger / smaller}, divided as numpy divides two scalars of this dtype, is
     * above a bound.
     *
     * @param larger a finite non-zero value
     * @param smaller a finite non-zero value of no larger magnitude (so the quotient is at least 1
     *     and never subnormal)
     * @param bound the bound, a small integer
     * @return true if the rounded quotient of the magnitudes exceeds the bound (an overflow does)
     */
    boolean quotientAbove(FloatValue larger, FloatValue smaller, int bound);

    /**
     * The magnitude from which numpy's {@code str} of a scalar of this dtype switches to scientific
     * notation ({@code max_positional} in numpy's {@code scalartypes.c}).
     *
     * @return 1e3 for float16, 1e6 for float32, 1e16 for float64 and longdouble
     */
    long scalarPositionalLimit();
}
