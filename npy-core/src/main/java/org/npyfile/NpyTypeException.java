package org.npyfile;

/**
 * A dtype that cannot give what was asked: an accessor that would lose information (reading
 * {@code <u8} as signed values, {@code <f8} as floats), a dtype npyfile does not support
 * ({@code |O} pickles, {@code <f16} long doubles) or a write of the wrong Java type.
 *
 * <p>The message names the array's dtype and shape, as the file holds them.
 */
public class NpyTypeException extends NpyException {
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
