package org.npyfile.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.npyfile.MappedNpyArray;
import org.npyfile.Npy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * npyfile's memory-mapped read ({@code Npy.map}): map the file and bulk-copy every value into an
 * array the caller already has, as numpy's {@code np.copyto(dst, np.load(path, mmap_mode='r'))}.
 * Compiled only in the Maven profile {@code mapped}, which {@code run.sh} turns on when
 * {@code Npy.java} declares {@code map(Path)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class NpyfileMappedBench {

    @Benchmark
    public float[] readMapped(Inputs in, CallerArray dst) throws IOException {
        try (MappedNpyArray mapped = Npy.map(in.littleEndian())) {
            mapped.get(0, dst.values, 0, dst.values.length);
        }
        return dst.values;
    }
}
