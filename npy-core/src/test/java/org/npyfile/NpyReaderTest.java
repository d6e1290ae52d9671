package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {

    @TempDir
    Path dir;

    private static float[] ramp(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * 0.25f - 7;
        }
        return values;
    }

    @Test
    void chunkedReadsOfEverySizeEqualTheWholeArray() throws IOException {
        float[] values = ramp(1009);
        Path file = dir.resolve("ramp.npy");
        Npy.write(file, NpyArray.of(values, 1009));
        for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 1009, 5000}) {
            float[] got = new float[values.length];
            try (NpyReader reader = NpyReader.open(file)) {
                int at = 0;
                int n;
                while ((n = reader.read(got, at, Math.min(chunk, got.length - at))) > 0) {
                    at += n;
                }
                assertThat(at).isEqualTo(values.length);
                assertThat(reader.remaining()).isZero();
            }
            assertThat(got).as("chunk %d", chunk).containsExactly(values);
        }
    }

    @Test
    void readChunkIsTheSeedsReadDataChunks() throws IOException {
        short[] values = new short[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = (short) (i * 331);
        }
        byte[] bytes = Npy.toBytes(NpyArray.of(values, 10, 10).withByteOrder(java.nio.ByteOrder.BIG_ENDIAN));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes))) {
            short[] joined = new short[0];
            NpyArray chunk;
            while ((chunk = reader.readChunk(33)).elementCount() > 0) {
                assertThat(chunk.dtype().descr()).isEqualTo(">i2");
                short[] part = chunk.asShortArray();
                joined = Arrays.copyOf(joined, joined.length + part.length);
                System.arraycopy(part, 0, joined, joined.length - part.length, part.length);
            }
            assertThat(joined).containsExactly(values);
        }
    }

    @Test
    void seeksBothWaysInAFileAndOnlyForwardInAStream() throws IOException {
        long[] values = new long[50];
        Arrays.setAll(values, i -> Long.MIN_VALUE + i * 1_000_000_007L);
        Path file = dir.resolve("longs.npy");
        Npy.write(file, NpyArray.of(values));
        long[] one = new long[1];
        try (NpyReader reader = NpyReader.open(file)) {
            reader.seek(40);
            reader.read(one, 0, 1);
            assertThat(one[0]).isEqualTo(values[40]);
            reader.seek(3);
            reader.read(one, 0, 1);
            assertThat(one[0]).isEqualTo(values[3]);
            assertThat(reader.skip(10)).isEqualTo(10);
            reader.read(one, 0, 1);
            assertThat(one[0]).isEqualTo(values[14]);
            assertThat(reader.skip(1000)).isEqualTo(35);
            assertThat(reader.read(one, 0, 1)).isZero();
        }
        try (NpyReader reader = NpyReader.of(Channels.newChannel(Files.newInputStream(file)))) {
            reader.seek(20);
            reader.read(one, 0, 1);
            assertThat(one[0]).isEqualTo(values[20]);
            assertThatThrownBy(() -> reader.seek(5)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void readAllAfterAPartialReadReturnsTheRestFlat() throws IOException {
        byte[] bytes = Npy.toBytes(NpyArray.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes))) {
            int[] first = new int[2];
            reader.read(first, 0, 2);
            NpyArray rest = reader.readAll();
            assertThat(rest.shape()).containsExactly(4);
            assertThat(rest.asIntArray()).containsExactly(3, 4, 5, 6);
        }
    }

    @Test
    void complexReadsCountInterleavedValuesAndOnlyWholeElements() throws IOException {
        float[] parts = {1, -1, 2, -2, 3, -3};
        byte[] bytes = Npy.toBytes(NpyArray.ofComplex64(parts));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes))) {
            float[] got = new float[6];
            assertThat(reader.read(got, 0, 3)).isEqualTo(2);
            assertThat(reader.read(got, 2, 4)).isEqualTo(4);
            assertThat(got).containsExactly(parts);
        }
    }

    @Test
    void typedReadsRefuseLossyTypesNamingDtypeAndShape() throws IOException {
        byte[] bytes = Npy.toBytes(NpyArray.ofUnsigned(new long[] {1, 2}));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes))) {
            assertThatThrownBy(() -> reader.read(new double[2], 0, 2))
                    .isInstanceOf(NpyTypeException.class)
                    .hasMessageContaining("<u8").hasMessageContaining("(2,)");
        }
    }

    @Test
    void readsStringsInChunks() throws IOException {
        String[] values = {"a", "\u00e9t\u00e9", "\uD83D\uDE00x", "", "longest"};
        byte[] bytes = Npy.toBytes(NpyArray.ofStrings(values));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes))) {
            String[] got = new String[5];
            assertThat(reader.read(got, 0, 2)).isEqualTo(2);
            assertThat(reader.read(got, 2, 3)).isEqualTo(3);
            assertThat(reader.read(got, 0, 5)).isZero();
            assertThat(got).containsExactly(values);
        }
    }

    @Test
    void aKnownSizeRefusesDataThatCannotFitBeforeReadingIt() throws IOException {
        byte[] bytes = Npy.toBytes(NpyArray.of(new double[1000]));
        var channel = Channels.newChannel(new ByteArrayInputStream(bytes));
        assertThatThrownBy(() -> NpyReader.of(channel, 500, NpyLimits.DEFAULT))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("1000 elements (8000 bytes")
                .hasMessageContaining("only 46 elements (372 bytes)");
        try (NpyReader reader = NpyReader.of(Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length,
                NpyLimits.DEFAULT)) {
            assertThat(reader.readAll().asDoubleArray()).hasSize(1000);
        }
    }

    @Test
    void readAllAfterATypedReadFromAStreamKeepsTheStagedBytes() throws IOException {
        // Found in review: a typed read stages up to 4 MiB; readAll's first buffer was 1 MiB.
        double[] values = new double[1 << 20];
        Arrays.setAll(values, i -> i * 0.5);
        byte[] bytes = Npy.toBytes(NpyArray.of(values));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes))) {
            double[] first = new double[10];
            reader.read(first, 0, 10);
            reader.skip(5);
            double[] rest = reader.readAll().asDoubleArray();
            assertThat(rest).hasSize(values.length - 15);
            assertThat(rest[0]).isEqualTo(values[15]);
            assertThat(rest[rest.length - 1]).isEqualTo(values[values.length - 1]);
        }
    }

    @Test
    void readsAWholeFileStraightIntoATypedArray() throws IOException {
        float[] values = new float[300_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sqrt(i);
        }
        Path file = dir.resolve("typed.npy");
        Npy.write(file, NpyArray.of(values, 600, 500).withByteOrder(java.nio.ByteOrder.BIG_ENDIAN));
        assertThat(Npy.read(file, float[].class)).containsExactly(values);
        try (NpyReader reader = NpyReader.open(file)) {
            reader.skip(299_998);
            assertThat(reader.readAll(float[].class)).containsExactly(values[299_998], values[299_999]);
        }
        assertThatThrownBy(() -> Npy.read(file, double[].class)).isInstanceOf(NpyTypeException.class)
                .hasMessageContaining(">f4").hasMessageContaining("(600, 500)");
        assertThatThrownBy(() -> Npy.read(file, float[].class, NpyLimits.DEFAULT.withMaxArrayBytes(1000)))
                .isInstanceOf(NpyLimitException.class);
        Path complex = dir.resolve("c16.npy");
        Npy.write(complex, NpyArray.ofComplex128(new double[] {1, -1, 2, -2}));
        assertThat(Npy.read(complex, double[].class)).containsExactly(1, -1, 2, -2);
        Path text = dir.resolve("u.npy");
        Npy.write(text, NpyArray.ofStrings(new String[] {"a", "\u00e9t\u00e9"}));
        assertThat(Npy.read(text, String[].class)).containsExactly("a", "\u00e9t\u00e9");
        byte[] big = Npy.toBytes(NpyArray.of(new long[300_000]));
        try (NpyReader stream = NpyReader.of(new ByteArrayInputStream(big))) {
            assertThat(stream.readAll(long[].class)).hasSize(300_000);
        }
    }

    @Test
    void rawReadsHandOutWholeElementsInCOrderAsStored() throws IOException {
        NpyArray fortran = NpyArray.of(new int[] {0, 1, 2, 3, 4, 5}, 2, 3).toFortranOrder()
                .withByteOrder(java.nio.ByteOrder.BIG_ENDIAN);
        try (NpyReader reader = NpyReader.of(new java.io.ByteArrayInputStream(Npy.toBytes(fortran)))) {
            java.nio.ByteBuffer dst = java.nio.ByteBuffer.allocate(11);
            assertThat(reader.read(dst)).isEqualTo(2);
            assertThat(dst.position()).isEqualTo(8);
            dst.flip();
            assertThat(dst.order(java.nio.ByteOrder.BIG_ENDIAN).getInt()).isEqualTo(0);
            assertThat(dst.getInt()).isEqualTo(1);
            java.nio.ByteBuffer rest = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.BIG_ENDIAN);
            assertThat(reader.read(rest)).isEqualTo(4);
            assertThat(rest.flip().getInt(12)).isEqualTo(5);
            assertThat(reader.read(rest.clear())).isZero();
        }
    }
}
