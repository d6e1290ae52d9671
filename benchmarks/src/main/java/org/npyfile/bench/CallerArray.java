package org.npyfile.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** An array the size of the main matrix that the caller owns, allocated once and reused by every read. */
@State(Scope.Benchmark)
public class CallerArray {

    public float[] values;

    @Setup(Level.Trial)
    public void allocate(Inputs in) {
        values = new float[in.mainElements()];
    }
}
