package org.npyfile;

/**
 * A Java type that cannot carry a dtype's values as asked: an exact accessor that would lose
 * information (reading {@code <u8} as signed values, {@code <f8} as floats), a conversion numpy
 * would not make, or a write of the wrong Java type. The caller can check the dtype first, so
 * this is unchecked; an explicit cast ({@link NpyArray#astype}) gives lossy conversions on request.
 *
 * <p>The message names the array's dtype and shape, as the file holds them.
 */
public class NpyTypeException extends NpyUsageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was asked, and the dtype and shape that cannot give it
     */
    public NpyTypeException(String message) {
        super(message);
    }
}
