package org.npyfile.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.npyfile.Npy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK alone, no {@code .npy} parsing: a plain {@code FileChannel} read of the data bytes into a
 * direct buffer allocated once. The yardstick for npyfile's read into a caller array.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms5g", "-Xmx5g", "-XX:MaxDirectMemorySize=3g"})
public class JdkBaselineBench {

    private ByteBuffer direct;
    private long dataOffset;

    @Setup(Level.Trial)
    public void allocate(Inputs in) throws IOException {
        dataOffset = Npy.readHeader(in.littleEndian()).dataOffset();
        direct = ByteBuffer.allocateDirect(Math.multiplyExact(in.mainElements(), Float.BYTES));
    }

    @Benchmark
    public ByteBuffer channelRead(Inputs in) throws IOException {
        direct.clear();
        try (FileChannel channel = FileChannel.open(in.littleEndian(), StandardOpenOption.READ)) {
            long position = dataOffset;
            while (direct.hasRemaining()) {
                int n = channel.read(direct, position);
                if (n < 0) {
                    throw new IllegalStateException(in.littleEndian() + " ended early");
                }
                position += n;
            }
        }
        return direct.flip();
    }
}
