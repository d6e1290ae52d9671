package org.npyfile.hadoop.internal;

import java.io.IOException;
import org.npyfile.NpyException;

/**
 * Names the file in an npyfile exception ({@link NpyException#withFile(String)}), so that a failure in
 * a job with thousands of files says which one is bad; inputs opened through Hadoop are channels,
 * which npyfile's readers cannot name themselves.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * The failure, naming the file if it is npyfile's and names none yet.
     *
     * @param file the file's name or URI
     * @param e the failure
     * @return {@code e}
     */
    public static IOException named(String file, IOException e) {
        return e instanceof NpyException n ? n.withFile(file) : e;
    }
}
