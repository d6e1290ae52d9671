package org.npyfile;

/**
 * A shape or an index that does not fit: Java arrays whose rows differ in length, an element
 * count that does not match a shape, an N-D request of another rank than the array's, an index
 * outside the array, more elements written than a header declared.
 *
 * <p>The message names the array's shape and what was asked.
 */
public class NpyShapeException extends NpyUsageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was asked, and the shape that cannot give it
     */
    public NpyShapeException(String message) {
        super(message);
    }
}
