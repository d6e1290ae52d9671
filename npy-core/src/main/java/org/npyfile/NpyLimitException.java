package org.npyfile;

/**
 * Input that exceeds a bound of {@link NpyLimits} or of the JVM, for example a header longer than
 * {@link NpyLimits#maxHeaderBytes()} or an array larger than one Java array can hold.
 *
 * <p>The input may be valid; raise the limit, or stream the array with {@link NpyReader}.
 */
public class NpyLimitException extends NpyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the bound, the value that exceeded it, and where
     */
    public NpyLimitException(String message) {
        super(message);
    }
}
