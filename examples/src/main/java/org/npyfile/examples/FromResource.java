package org.npyfile.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.npyfile.Npy;
import org.npyfile.NpyArray;

/** Reads an array from a plain {@link InputStream}: here a classpath resource shipped in a jar. */
public final class FromResource {

    private FromResource() {
    }

    /**
     * Reads {@code sine.npy} from the classpath and prints it.
     *
     * @param out where to print
     * @throws IOException if the resource is missing or malformed
     */
    public static void run(PrintStream out) throws IOException {
        try (InputStream in = FromResource.class.getResourceAsStream("sine.npy")) {
            if (in == null) {
                throw new IOException("resource sine.npy is missing");
            }
            NpyArray sine = Npy.read(in);
            out.println(sine + " " + Arrays.toString(sine.asFloatArray()));
        }
    }

    /**
     * Runs the example.
     *
     * @param args unused
     * @throws IOException if the resource is missing
     */
    public static void main(String[] args) throws IOException {
        run(System.out);
    }
}
