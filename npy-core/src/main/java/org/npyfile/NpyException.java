package org.npyfile;

import java.io.IOException;

/**
 * The root of every failure npyfile reports for an input or a request it cannot honour.
 *
 * <p>It is an {@link IOException} because it arises while reading or writing data; the
 * subclasses say what went wrong: {@link NpyFormatException} for malformed input,
 * {@link NpyTypeException} for a dtype that cannot give what was asked, and
 * {@link NpyLimitException} for input that exceeds the configured {@link NpyLimits}.
 */
public class NpyException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public NpyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public NpyException(String message, Throwable cause) {
        super(message, cause);
    }
}
