package org.npyfile.internal.pickle;

/**
 * What a Python 2 {@code str} (pickle's {@code STRING}, {@code BINSTRING} and
 * {@code SHORT_BINSTRING}) becomes: numpy.load's {@code encoding} argument, which it hands to
 * {@code pickle.load}. numpy's array and scalar reconstruction accept either result, so Python 2
 * numeric arrays read the same whichever is chosen.
 */
public enum Python2Strings {
    /** numpy's default {@code encoding='ASCII'}: a {@link String}; a byte above 0x7F is an error. */
    ASCII,
    /** {@code encoding='latin1'}: a {@link String} of the bytes as Latin-1 characters. */
    LATIN1,
    /** {@code encoding='bytes'}: a {@code byte[]}. */
    BYTES
}
