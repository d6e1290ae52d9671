package org.npyfile.python;

import java.math.BigInteger;

/**
 * A Python {@code fractions.Fraction} in lowest terms, the sign on the numerator.
 *
 * @param numerator the numerator
 * @param denominator the denominator, positive
 */
public record PyFraction(BigInteger numerator, BigInteger denominator) {

    /**
     * Checks the parts.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @throws IllegalArgumentException if the fraction is not in lowest terms with a positive
     *     denominator
     */
    public PyFraction {
        if (denominator.signum() <= 0 || !numerator.gcd(denominator).equals(BigInteger.ONE)
                && numerator.signum() != 0 || numerator.signum() == 0 && !denominator.equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("not in lowest terms: " + numerator + "/" + denominator);
        }
    }

    /**
     * The fraction n/d in lowest terms.
     *
     * @param n the numerator
     * @param d the denominator, not zero
     * @return the fraction
     * @throws ArithmeticException if d is zero
     */
    public static PyFraction of(BigInteger n, BigInteger d) {
        if (d.signum() == 0) {
            throw new ArithmeticException("Fraction(" + n + ", 0)");
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (g.signum() == 0) {
            return new PyFraction(BigInteger.ZERO, BigInteger.ONE);
        }
        return new PyFraction(n.divide(g), d.divide(g));
    }
}
