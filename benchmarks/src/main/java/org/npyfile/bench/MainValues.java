package org.npyfile.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The main matrix's values in C order, for the write cases: loaded once per benchmark, and only
 * by the benchmarks that take this state.
 */
@State(Scope.Benchmark)
public class MainValues {

    /** The values, C order. */
    public float[] values;
    /** Rows and columns. */
    public int rows;
    public int cols;

    @Setup(Level.Trial)
    public void load(Inputs in) throws IOException {
        int[] shape = in.shape();
        rows = shape[0];
        cols = shape[1];
        values = in.readPrefix(in.mainElements());
    }
}
