package org.npyfile.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.passthrough.PassthroughNDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DJL's API jar alone ({@code ai.djl:api}), without an engine: {@code NDList.decode} parses
 * {@code .npy} and {@code .npz} into arrays of {@link PassthroughNDManager}, which keeps the bytes in
 * a direct buffer. DJL refuses Fortran-order files and cannot write a single {@code .npy}
 * ({@code NDList.encode} writes its own format or an npz), has no read into a caller's array, and
 * reads an npz whole, so the npz cases take every entry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class DjlBench {

    private static final NDManager MANAGER = PassthroughNDManager.INSTANCE;

    @Benchmark
    public float[] readNew(Inputs in) throws IOException {
        return decode(in.littleEndian()).get(0).toFloatArray();
    }

    @Benchmark
    public float[] readBigEndian(Inputs in) throws IOException {
        return decode(in.bigEndian()).get(0).toFloatArray();
    }

    @Benchmark
    public float[] npzStored(Inputs in) throws IOException {
        return decode(in.storedNpz()).get(0).toFloatArray();
    }

    @Benchmark
    public float[] npzDeflateOne(Inputs in) throws IOException {
        return decode(in.deflateOneNpz()).get(0).toFloatArray();
    }

    @Benchmark
    public float[][] npzDeflateMany(Inputs in) throws IOException {
        NDList list = decode(in.deflateManyNpz());
        float[][] out = new float[list.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).toFloatArray();
        }
        return out;
    }

    @Benchmark
    public Path npzWriteCompressed(Outputs outputs, ManyValues v) throws IOException {
        Path out = outputs.file("DjlBench.npzWriteCompressed.npz");
        NDList list = new NDList();
        for (int i = 0; i < v.names.length; i++) {
            ByteBuffer bytes = ByteBuffer.allocateDirect(v.values[i].length * Float.BYTES).order(ByteOrder.nativeOrder());
            bytes.asFloatBuffer().put(v.values[i]);
            NDArray array = MANAGER.create(bytes, new Shape(v.rows, v.cols), DataType.FLOAT32);
            array.setName(v.names[i]);
            list.add(array);
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            list.encode(os, NDList.Encoding.NPZ);
        }
        return out;
    }

    private static NDList decode(Path file) throws IOException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file))) {
            return NDList.decode(MANAGER, is);
        }
    }
}
