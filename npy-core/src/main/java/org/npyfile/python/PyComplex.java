package org.npyfile.python;

/**
 * A Python {@code complex}: two doubles.
 *
 * @param real the real part
 * @param imag the imaginary part
 */
public record PyComplex(double real, double imag) {
}
