package org.npyfile;

/**
 * The root of every failure npyfile reports for a request the caller could have checked before
 * making it: a Java type that cannot carry a dtype's values ({@link NpyTypeException}), a shape
 * or an index that does not fit the array ({@link NpyShapeException}), more elements written than
 * declared. Unchecked, so that accessors and conversions work in lambdas and streams; it is an
 * {@link IllegalArgumentException}, as such mistakes are in the JDK.
 *
 * <p>Where the request concerns a file, {@link #file()} names it and the message starts with that
 * name, once.
 */
public class NpyUsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The file the request concerned, or null. */
    private String file;

    /**
     * Creates an exception with a message.
     *
     * @param message what was asked, and why the array cannot give it
     */
    public NpyUsageException(String message) {
        super(message);
    }

    /**
     * Names the file the request concerned, unless one is named already; the message then starts
     * with it.
     *
     * @param file the file, as the caller knows it; null changes nothing
     * @return this exception
     */
    public NpyUsageException withFile(String file) {
        if (this.file == null) {
            this.file = file;
        }
        return this;
    }

    /**
     * The file the request concerned.
     *
     * @return its name, or null
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
