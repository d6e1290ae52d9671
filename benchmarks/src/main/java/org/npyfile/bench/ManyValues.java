package org.npyfile.bench;

import java.io.IOException;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The entries of {@code deflate-many.npz} (consecutive slices of the main matrix, as
 * {@code make_data.py} stored them), for the compressed-write cases.
 */
@State(Scope.Benchmark)
public class ManyValues {

    /** Entry names, without {@code .npy}: a0, a1, ... */
    public String[] names;
    /** Each entry's values, C order. */
    public float[][] values;
    /** Rows and columns of every entry. */
    public int rows;
    public int cols;

    @Setup(Level.Trial)
    public void load(Inputs in) throws IOException {
        int[] shape = in.manyShape();
        rows = shape[0];
        cols = shape[1];
        names = in.manyNames();
        int each = rows * cols;
        float[] all = in.readPrefix(each * names.length);
        values = new float[names.length][];
        for (int i = 0; i < names.length; i++) {
            values[i] = Arrays.copyOfRange(all, i * each, (i + 1) * each);
        }
    }
}
