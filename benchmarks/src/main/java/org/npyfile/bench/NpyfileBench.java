package org.npyfile.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * npyfile's {@code .npy} cases. Every read returns the values as a {@code float[]} (JMH consumes it),
 * every write creates a new file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class NpyfileBench {

    /** What {@code np.load} does: the whole file into a new array, one copy ({@code Npy.read(path, float[].class)}). */
    @Benchmark
    public float[] readNew(Inputs in) throws IOException {
        return Npy.read(in.littleEndian(), float[].class);
    }

    /** The same through an {@code NpyArray} and its accessor: two copies (file to bytes, bytes to floats). */
    @Benchmark
    public float[] readNewArray(Inputs in) throws IOException {
        return Npy.read(in.littleEndian()).asFloatArray();
    }

    /** The documented fastest path: streaming into an array the caller already has. */
    @Benchmark
    public float[] readInto(Inputs in, CallerArray dst) throws IOException {
        try (NpyReader reader = NpyReader.open(in.littleEndian())) {
            fill(reader, dst.values);
        }
        return dst.values;
    }

    /**
     * {@link #readNew} in a JVM that enables native access: on Java 22+ the file is read straight
     * into the new array ({@code pread(2)} through the FFM API); on Java 17 the flag changes
     * nothing, so this row equals {@code readNew} there.
     */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g", "-XX:+AlwaysPreTouch"},
            jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
    public float[] readNewNative(Inputs in) throws IOException {
        return Npy.read(in.littleEndian(), float[].class);
    }

    /** {@link #readInto} with native access enabled, as {@link #readNewNative}. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g", "-XX:+AlwaysPreTouch"},
            jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
    public float[] readIntoNative(Inputs in, CallerArray dst) throws IOException {
        try (NpyReader reader = NpyReader.open(in.littleEndian())) {
            fill(reader, dst.values);
        }
        return dst.values;
    }

    /** {@code >f4} to native float values: numpy's {@code load(...).astype('<f4')}. */
    @Benchmark
    public float[] readBigEndian(Inputs in) throws IOException {
        return Npy.read(in.bigEndian(), float[].class);
    }

    /**
     * A Fortran-order file into a new array, in C order: npyfile's flat reads always give C order, so
     * this transposes, where {@code np.load} keeps the Fortran layout and moves nothing.
     */
    @Benchmark
    public float[] readFortran(Inputs in) throws IOException {
        return Npy.read(in.fortran(), float[].class);
    }

    /** {@code np.save} of a float matrix: the Java array written to a new file, one copy. */
    @Benchmark
    public Path write(Outputs outputs, MainValues v) throws IOException {
        Path out = outputs.file("NpyfileBench.write.npy");
        Npy.write(out, v.values, v.rows, v.cols);
        return out;
    }

    /** The same through an {@code NpyArray}: {@code NpyArray.of} copies the values first. */
    @Benchmark
    public Path writeNpyArray(Outputs outputs, MainValues v) throws IOException {
        Path out = outputs.file("NpyfileBench.writeNpyArray.npy");
        Npy.write(out, NpyArray.of(v.values, v.rows, v.cols));
        return out;
    }

    /** The same file written straight from the Java array through {@link NpyWriter}, no wrapping copy. */
    @Benchmark
    public Path writeStream(Outputs outputs, MainValues v) throws IOException {
        Path out = outputs.file("NpyfileBench.writeStream.npy");
        try (NpyWriter writer = NpyWriter.open(out, NpyHeader.of(DType.FLOAT32, v.rows, v.cols))) {
            writer.write(v.values, 0, v.values.length);
        }
        return out;
    }

    /** {@link #write} over an existing file of the same size: numpy's {@code np.save} to a path that exists. */
    @Benchmark
    public Path writeExisting(ExistingOutputs outputs, MainValues v) throws IOException {
        Path out = outputs.file("NpyfileBench.writeExisting.npy");
        Npy.write(out, v.values, v.rows, v.cols);
        return out;
    }

    /**
     * {@link #writeStream} in a JVM that enables native access: on Java 22+ the values then go from
     * the Java array to the file with one copy ({@code pwrite(2)} through the FFM API); on Java 17
     * the flag changes nothing, so this row equals {@code writeStream} there.
     */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g", "-XX:+AlwaysPreTouch"},
            jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
    public Path writeInPlace(Outputs outputs, MainValues v) throws IOException {
        Path out = outputs.file("NpyfileBench.writeInPlace.npy");
        try (NpyWriter writer = NpyWriter.open(out, NpyHeader.of(DType.FLOAT32, v.rows, v.cols))) {
            writer.write(v.values, 0, v.values.length);
        }
        return out;
    }

    /** Reads every remaining value of {@code reader} into {@code dst}, from index 0. */
    static void fill(NpyReader reader, float[] dst) throws IOException {
        int done = 0;
        while (done < dst.length) {
            int n = reader.read(dst, done, dst.length - done);
            if (n <= 0) {
                throw new IllegalStateException("the file ended after " + done + " of " + dst.length + " values");
            }
            done += n;
        }
    }
}
