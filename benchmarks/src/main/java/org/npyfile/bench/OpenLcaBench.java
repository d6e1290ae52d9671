package org.npyfile.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyFloatArray;
import org.openlca.npy.Npz;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * openLCA npy ({@code org.openlca:npy}): channel reads element by element into typed arrays, and
 * {@code Npy.memmap} for a read through a mapping. It has no read into a caller's array.
 * Its npz writer uses {@code ZipOutputStream}'s default method, DEFLATE.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class OpenLcaBench {

    @Benchmark
    public float[] readNew(Inputs in) {
        return Npy.read(in.littleEndian().toFile()).asFloatArray().data();
    }

    /** {@code Npy.memmap}: maps the file and copies it into a new array (there is no caller-array form). */
    @Benchmark
    public float[] readMapped(Inputs in) {
        return Npy.memmap(in.littleEndian().toFile()).asFloatArray().data();
    }

    @Benchmark
    public float[] readBigEndian(Inputs in) {
        return Npy.read(in.bigEndian().toFile()).asFloatArray().data();
    }

    @Benchmark
    public float[] readFortran(Inputs in) {
        return Npy.read(in.fortran().toFile()).asFloatArray().data();
    }

    @Benchmark
    public Path write(Outputs outputs, MainValues v) {
        Path out = outputs.file("OpenLcaBench.write.npy");
        Npy.write(out.toFile(), NpyFloatArray.rowOrderOf(v.values, v.rows, v.cols));
        return out;
    }

    @Benchmark
    public float[] npzStored(Inputs in) {
        return Npz.read(in.storedNpz().toFile(), "a.npy").asFloatArray().data();
    }

    @Benchmark
    public float[] npzDeflateOne(Inputs in) {
        return Npz.read(in.deflateOneNpz().toFile(), "a.npy").asFloatArray().data();
    }

    @Benchmark
    public float[][] npzDeflateMany(Inputs in) throws IOException {
        String[] names = in.manyNames();
        float[][] out = new float[names.length][];
        try (ZipFile zip = new ZipFile(in.deflateManyNpz().toFile())) {
            for (int i = 0; i < names.length; i++) {
                out[i] = Npz.read(zip, names[i] + ".npy").asFloatArray().data();
            }
        }
        return out;
    }

    @Benchmark
    public Path npzWriteCompressed(Outputs outputs, ManyValues v) {
        Path out = outputs.file("OpenLcaBench.npzWriteCompressed.npz");
        File file = out.toFile();
        Npz.create(file, zip -> {
            for (int i = 0; i < v.names.length; i++) {
                Npz.write(zip, v.names[i] + ".npy", NpyFloatArray.rowOrderOf(v.values[i], v.rows, v.cols));
            }
        });
        return out;
    }
}
