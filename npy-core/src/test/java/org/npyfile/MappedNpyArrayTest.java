package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedNpyArrayTest {

    @TempDir
    Path dir;

    @Test
    void mappedValuesEqualAFullRead() throws IOException {
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.cos(i) * i;
        }
        Path file = dir.resolve("d.npy");
        Npy.write(file, NpyArray.of(values, 50, 100).withByteOrder(ByteOrder.BIG_ENDIAN));
        try (MappedNpyArray m = Npy.map(file)) {
            assertThat(m.elementCount()).isEqualTo(5000);
            assertThat(m.getDouble(4321)).isEqualTo(values[4321]);
            double[] range = new double[100];
            m.get(1234, range, 0, 100);
            for (int i = 0; i < 100; i++) {
                assertThat(range[i]).isEqualTo(values[1234 + i]);
            }
            assertThat(m.slice(10, 3).asDoubleArray()).containsExactly(values[10], values[11], values[12]);
            assertThatThrownBy(() -> m.getFloat(0)).isInstanceOf(NpyTypeException.class).hasMessageContaining(">f8");
            assertThatThrownBy(() -> m.getDouble(5000)).isInstanceOf(NpyShapeException.class)
                    .hasMessageContaining("(50, 100)");
        }
    }

    @Test
    void readsFloat16ComplexAndStrings() throws IOException {
        Path half = dir.resolve("h.npy");
        Npy.write(half, NpyArray.ofFloat16(new float[] {0.5f, -2f, 65504f}));
        Path complex = dir.resolve("c.npy");
        Npy.write(complex, NpyArray.ofComplex64(new float[] {1, 2, 3, 4}));
        Path text = dir.resolve("u.npy");
        Npy.write(text, NpyArray.ofStrings(new String[] {"a", "\u00e9t\u00e9"}));
        try (MappedNpyArray h = Npy.map(half); MappedNpyArray c = Npy.map(complex); MappedNpyArray u = Npy.map(text)) {
            assertThat(h.getFloat(2)).isEqualTo(65504f);
            float[] parts = new float[4];
            c.get(0, parts, 0, 4);
            assertThat(parts).containsExactly(1, 2, 3, 4);
            assertThat(c.getFloat(3)).isEqualTo(4f);
            assertThat(u.getString(1)).isEqualTo("\u00e9t\u00e9");
        }
    }

    @Test
    void refusesReadsAfterClose() throws IOException {
        Path file = dir.resolve("i.npy");
        Npy.write(file, NpyArray.of(new int[] {1, 2, 3}));
        MappedNpyArray m = Npy.map(file);
        assertThat(m.getInt(2)).isEqualTo(3);
        m.close();
        assertThatThrownBy(() -> m.getInt(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAFileTooShortForItsShape() throws IOException {
        Path file = dir.resolve("short.npy");
        byte[] bytes = Npy.toBytes(NpyArray.of(new long[100]));
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 8));
        assertThatThrownBy(() -> Npy.map(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("only 99 elements");
    }

    /** 2.2 billion int16 elements (4.4 GB) in a sparse file: values written at both ends and across 2^31. */
    @Test
    void mapsAndStreamsArraysBeyondTwoGigaElementsWithASmallHeap() throws Exception {
        long count = 2_200_000_000L;
        Path file = dir.resolve("big.npy");
        NpyHeader header = NpyHeader.of(DType.INT16, count);
        long[] marks = {0, 1, (1L << 31) - 1, 1L << 31, (1L << 31) + 1, count - 1};
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.toBytes());
            raf.setLength(header.dataOffset() + header.dataBytes());
            for (long mark : marks) {
                raf.seek(header.dataOffset() + mark * 2);
                raf.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(value(mark)).array());
            }
        }
        try (MappedNpyArray m = Npy.map(file)) {
            assertThat(m.elementCount()).isEqualTo(count);
            for (long mark : marks) {
                assertThat(m.getShort(mark)).as("element %d", mark).isEqualTo(value(mark));
            }
            short[] across = new short[3];
            m.get((1L << 31) - 1, across, 0, 3);
            assertThat(across).containsExactly(value((1L << 31) - 1), value(1L << 31), value((1L << 31) + 1));
        }
        // Stream the whole file in a JVM with a 64 MiB heap: chunked reads must keep memory flat.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), StreamSum.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long expected = 0;
        for (long mark : marks) {
            expected += value(mark);
        }
        assertThat(output).endsWith("elements=" + count + " sum=" + expected);
    }

    private static short value(long index) {
        return (short) (index % 30_000 + 7);
    }

    /** Child JVM: streams an int16 file in 1 MiB chunks and prints element count and sum. */
    public static final class StreamSum {
        public static void main(String[] args) throws IOException {
            long sum = 0;
            long elements = 0;
            short[] chunk = new short[1 << 19];
            try (NpyReader reader = NpyReader.open(Path.of(args[0]))) {
                int n;
                while ((n = reader.read(chunk, 0, chunk.length)) > 0) {
                    for (int i = 0; i < n; i++) {
                        sum += chunk[i];
                    }
                    elements += n;
                }
            }
            System.out.println("elements=" + elements + " sum=" + sum);
        }
    }
}
