package org.npyfile.hadoop.internal;

import java.io.IOException;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyTypeException;
import org.npyfile.npz.NpzFormatException;

/**
 * Puts the file's name in front of an npyfile exception's message, keeping its class (the original is
 * the cause), so that a failure in a job with thousands of files says which one is bad.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * The same kind of exception, its message prefixed with the file.
     *
     * @param file the file's name or URI
     * @param e the failure
     * @return the named failure; {@code e} itself if its message already names the file or it is not npyfile's
     */
    public static IOException named(String file, IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains(file) || !(e instanceof NpyException)) {
            return e;
        }
        String text = file + ": " + message;
        IOException named;
        if (e instanceof NpzFormatException z) {
            named = new NpzFormatException(null, -1, text, z);
        } else if (e instanceof NpyFormatException f) {
            named = new NpyFormatException(f.offset(), text, f);
        } else if (e instanceof NpyLimitException) {
            named = new NpyLimitException(text);
            named.initCause(e);
        } else if (e instanceof NpyTypeException) {
            named = new NpyTypeException(text);
            named.initCause(e);
        } else {
            named = new NpyException(text, e);
        }
        return named;
    }
}
