package org.npyfile;

/**
 * What a Python 2 {@code str} in an object array's pickle becomes, as the {@code encoding}
 * argument of {@code numpy.load} says. Python 3 pickles are unaffected.
 */
public enum PickleEncoding {
    /** Decoded as ASCII, numpy's default: a byte above 0x7F is an error. */
    ASCII,
    /** Decoded as latin-1: every byte becomes the character of the same value; what numpy recommends for numeric data. */
    LATIN1,
    /** Kept as {@code byte[]}, numpy's {@code encoding='bytes'}. */
    BYTES
}
