package org.npyfile;

/**
 * How a long double ({@code f16}, {@code c32}) is laid out in its 16 bytes. The header cannot tell:
 * numpy writes the platform's {@code long double}, and {@link #X87_EXTENDED} is what numpy on x86-64
 * Linux, macOS (Intel) and Windows builds with MinGW write, so it is the default everywhere.
 */
public enum LongDoubleFormat {
    /**
     * The x87 80-bit extended format in the low 10 bytes (a 64-bit significand with an explicit
     * integer bit, then the sign and a 15-bit exponent), 6 bytes of padding: numpy on x86-64.
     */
    X87_EXTENDED,
    /** IEEE 754 binary128 (a 113-bit significand): numpy on aarch64 and ppc64le Linux. */
    BINARY128
}
