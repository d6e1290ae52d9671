package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exception about a file names it, once, at the start of the message; streams name nothing. */
class FileNamesInErrorsTest {

    @TempDir
    Path dir;

    @Test
    void badInputFromAPathNamesThePathOnce() throws IOException {
        Path file = dir.resolve("truncated.npy");
        byte[] whole = Npy.toBytes(NpyArray.of(new int[] {1, 2, 3, 4}));
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));
        for (ThrowingCall call : new ThrowingCall[] {() -> Npy.read(file), () -> Npy.read(file, int[].class),
                () -> Npy.readHeader(file), () -> Npy.map(file)}) {
            assertThatThrownBy(call::run).isInstanceOf(NpyFormatException.class)
                    .satisfies(e -> {
                        assertThat(((NpyException) e).file()).isEqualTo(file.toString());
                        assertThat(e.getMessage()).startsWith(file + ": at byte ")
                                .containsOnlyOnce(file.toString());
                    });
        }
    }

    @Test
    void callerMistakesOnAFileNameItAndAreUnchecked() throws IOException {
        Path file = dir.resolve("floats.npy");
        Npy.write(file, NpyArray.of(new float[] {1, 2}));
        try (NpyReader reader = NpyReader.open(file)) {
            assertThatThrownBy(() -> reader.read(new int[2], 0, 2)).isInstanceOf(NpyTypeException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(file + ": read(int[])").hasMessageContaining("<f4");
        }
        NpyArray array = Npy.read(file);
        // Accessors throw nothing checked: they work in lambdas and streams.
        assertThat(java.util.stream.Stream.of(array).map(NpyArray::asFloatArray).findFirst()).isPresent();
        assertThatThrownBy(array::asIntArray).isInstanceOf(NpyTypeException.class).hasMessageContaining("(2,)");
        assertThatThrownBy(() -> array.getFloat(5)).isInstanceOf(NpyShapeException.class);
    }

    @Test
    void namedReadersNameTheirInputAndStreamsNameNothing() throws IOException {
        byte[] bytes = Npy.toBytes(NpyArray.of(new double[] {1}));
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(bytes)).named("s3://bucket/x.npy")) {
            assertThatThrownBy(() -> reader.read(new float[1], 0, 1))
                    .hasMessageStartingWith("s3://bucket/x.npy: read(float[])");
        }
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(bytes, 20))).isInstanceOf(NpyFormatException.class)
                .satisfies(e -> assertThat(((NpyException) e).file()).isNull())
                .hasMessageStartingWith("at byte");
        NpyException e = new NpyLimitException("too big");
        e.withFile("a.npy").withFile("b.npy");
        assertThat(e).hasMessage("a.npy: too big");
    }

    private interface ThrowingCall {
        void run() throws IOException;
    }
}
