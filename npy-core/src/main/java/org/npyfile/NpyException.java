package org.npyfile;

import java.io.IOException;

/**
 * The root of every failure npyfile reports for an input or a request it cannot honour.
 *
 * <p>It is a checked {@link IOException} because it arises from the data, which the caller cannot
 * check in advance: {@link NpyFormatException} for malformed input and {@link NpyLimitException}
 * for input that exceeds the configured {@link NpyLimits}. A request the caller could have checked
 * (a Java type the dtype cannot fill, a wrong shape, an index out of range) is an unchecked
 * {@link NpyUsageException} instead.
 *
 * <p>Where the failure concerns a file, {@link #file()} names it (for an {@code .npz} entry,
 * {@code archive.npz:entry}) and the message starts with that name, once.
 */
public class NpyException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file the failure concerns, or null. */
    private String file;

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

    /**
     * Names the file the failure concerns, unless one is named already (the innermost reader
     * knows best); the message then starts with it.
     *
     * @param file the file, as the caller knows it (a path, a URI, {@code archive.npz:entry}); null
     *     changes nothing
     * @return this exception
     */
    public NpyException withFile(String file) {
        if (this.file == null) {
            this.file = file;
        }
        return this;
    }

    /**
     * The file the failure concerns.
     *
     * @return its name, or null if the input was no named file (a stream, a byte array)
     */
    public String file() {
        return file;
    }

    /**
     * The failure, after the file's name where one is known.
     *
     * @return {@code file: message}, or the message alone
     */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return file == null ? message : file + ": " + message;
    }
}
