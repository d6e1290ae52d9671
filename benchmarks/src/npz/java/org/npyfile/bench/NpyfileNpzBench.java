package org.npyfile.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.npyfile.NpyArray;
import org.npyfile.npz.Npz;
import org.npyfile.npz.NpzFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * npyfile's {@code .npz} cases (module {@code npy-npz}). Compiled only in the Maven profile
 * {@code npz}, which {@code run.sh} turns on when {@code npy-npz} has its {@code NpzFile}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class NpyfileNpzBench {

    /** One stored entry, as {@code np.load(path)['a']}: random access to the entry. */
    @Benchmark
    public float[] npzStored(Inputs in) throws IOException {
        try (NpzFile npz = NpzFile.open(in.storedNpz())) {
            return npz.read("a").asFloatArray();
        }
    }

    /** One DEFLATE entry. */
    @Benchmark
    public float[] npzDeflateOne(Inputs in) throws IOException {
        try (NpzFile npz = NpzFile.open(in.deflateOneNpz())) {
            return npz.read("a").asFloatArray();
        }
    }

    /** Every entry of a DEFLATE archive at once, as {@code Npz.read} gives them. */
    @Benchmark
    public float[][] npzDeflateMany(Inputs in) throws IOException {
        Map<String, NpyArray> all = Npz.read(in.deflateManyNpz());
        String[] names = in.manyNames();
        float[][] out = new float[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = all.get(names[i]).asFloatArray();
        }
        return out;
    }

    /** {@code np.savez_compressed} of the many-entry archive's arrays. */
    @Benchmark
    public Path npzWriteCompressed(Outputs outputs, ManyValues v) throws IOException {
        Path out = outputs.file("NpyfileNpzBench.npzWriteCompressed.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < v.names.length; i++) {
            arrays.put(v.names[i], NpyArray.of(v.values[i], v.rows, v.cols));
        }
        Npz.writeCompressed(out, arrays);
        return out;
    }
}
