package org.npyfile.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jetbrains.bio.npy.NpyFile;
import org.jetbrains.bio.npy.NpzFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JetBrains npy ({@code org.jetbrains.bio:npy}, Kotlin): memory-maps {@code .npy} files and
 * bulk-copies from the mapping. It refuses Fortran-order files ("Fortran-contiguous arrays are not
 * supported") and has no read into a caller's array, so those cases are absent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class JetBrainsBench {

    /** The library's own default for {@code NpyFile.read}: the whole file as one mapping. */
    private static final int NPY_STEP = Integer.MAX_VALUE;
    /** The library's own default for {@code NpzFile.Reader.get}: 256 Ki-element chunks. */
    private static final int NPZ_STEP = 1 << 18;

    @Benchmark
    public float[] readNew(Inputs in) {
        return NpyFile.read(in.littleEndian(), NPY_STEP).asFloatArray();
    }

    @Benchmark
    public float[] readBigEndian(Inputs in) {
        return NpyFile.read(in.bigEndian(), NPY_STEP).asFloatArray();
    }

    @Benchmark
    public Path write(Outputs outputs, MainValues v) {
        Path out = outputs.file("JetBrainsBench.write.npy");
        NpyFile.write(out, v.values, new int[] {v.rows, v.cols});
        return out;
    }

    @Benchmark
    public float[] npzStored(Inputs in) {
        try (NpzFile.Reader reader = NpzFile.read(in.storedNpz())) {
            return reader.get("a", NPZ_STEP).asFloatArray();
        }
    }

    @Benchmark
    public float[] npzDeflateOne(Inputs in) {
        try (NpzFile.Reader reader = NpzFile.read(in.deflateOneNpz())) {
            return reader.get("a", NPZ_STEP).asFloatArray();
        }
    }

    @Benchmark
    public float[][] npzDeflateMany(Inputs in) {
        String[] names = in.manyNames();
        float[][] out = new float[names.length][];
        try (NpzFile.Reader reader = NpzFile.read(in.deflateManyNpz())) {
            for (int i = 0; i < names.length; i++) {
                out[i] = reader.get(names[i], NPZ_STEP).asFloatArray();
            }
        }
        return out;
    }

    @Benchmark
    public Path npzWriteCompressed(Outputs outputs, ManyValues v) {
        Path out = outputs.file("JetBrainsBench.npzWriteCompressed.npz");
        try (NpzFile.Writer writer = NpzFile.write(out, true)) {
            for (int i = 0; i < v.names.length; i++) {
                writer.write(v.names[i], v.values[i], new int[] {v.rows, v.cols});
            }
        }
        return out;
    }
}
