package org.npyfile.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.npyfile.Npy;
import org.npyfile.NpyArray;

/** Save and load basics: what {@code numpy.save} and {@code numpy.load} do, from Java. */
public final class SaveLoad {

    private SaveLoad() {
    }

    /**
     * Writes a 2x3 float64 array, reads it back and prints what came back.
     *
     * @param out where to print
     * @param dir a directory to write into
     * @throws IOException if the file cannot be written or read
     */
    public static void run(PrintStream out, Path dir) throws IOException {
        Path file = dir.resolve("basics.npy");
        Npy.write(file, NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));

        NpyArray back = Npy.read(file);
        out.println("dtype " + back.dtype().descr() + ", shape " + Arrays.toString(back.shape()));
        out.println("values " + Arrays.toString(back.asDoubleArray()));
        out.println("header " + back.header());
    }

    /**
     * Runs the example in a temporary directory.
     *
     * @param args unused
     * @throws IOException if the file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        run(System.out, Files.createTempDirectory("npyfile-example"));
    }
}
