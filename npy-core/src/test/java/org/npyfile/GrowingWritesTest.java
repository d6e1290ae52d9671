package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npyfile.RawNpy.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowingWritesTest {

    @TempDir
    Path dir;

    @Test
    void aGrowingWriterPatchesTheRowCountAndEndsUpLikeAOneShotWrite() throws IOException {
        Path file = dir.resolve("rows.npy");
        float[] all = new float[1000 * 3];
        try (NpyWriter writer = NpyWriter.growing(file, DType.FLOAT32, 3)) {
            assertThat(writer.header().shape()).containsExactly(0, 3);
            for (int row = 0; row < 1000; row++) {
                float[] values = {row, -row, row * 0.5f};
                System.arraycopy(values, 0, all, row * 3, 3);
                writer.write(values, 0, 3);
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(Npy.toBytes(NpyArray.of(all, 1000, 3)));
    }

    @Test
    void aGrowingWriterRefusesAPartialRow() throws IOException {
        Path file = dir.resolve("partial.npy");
        NpyWriter writer = NpyWriter.growing(file, DType.INT64, 2);
        writer.write(new long[] {1, 2, 3}, 0, 3);
        assertThatThrownBy(writer::close).isInstanceOf(NpyException.class).hasMessageContaining("whole rows of 2");
        assertThat(file).doesNotExist();
    }

    @Test
    void appendAddsRowsInPlaceBehindNumpysGrowthPadding() throws IOException {
        Path file = dir.resolve("grow.npy");
        Npy.write(file, NpyArray.of(new int[] {1, 2, 3, 4}, 2, 2));
        Npy.append(file, NpyArray.of(new int[] {5, 6, 7, 8, 9, 10}, 3, 2));
        Npy.append(file, NpyArray.of(new int[] {11, 12}, 2));
        NpyArray grown = Npy.read(file);
        assertThat(grown.shape()).containsExactly(6, 2);
        assertThat(grown.asIntArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(Files.readAllBytes(file)).isEqualTo(Npy.toBytes(grown));
    }

    @Test
    void appendRewritesAFileWhoseHeaderHasNoRoomToGrow() throws IOException {
        // An old-style header (16-byte alignment, no growth padding): 9 rows must become 10.
        String text = "{'descr': '<i2', 'fortran_order': False, 'shape': (9,), }";
        ByteBuffer data = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        for (short i = 0; i < 9; i++) {
            data.putShort(i);
        }
        Path file = dir.resolve("old.npy");
        Files.write(file, npy(text + " ".repeat(5) + "\n", data.array()));
        Npy.append(file, NpyArray.of(new short[] {9}, 1));
        NpyArray grown = Npy.read(file);
        assertThat(grown.asShortArray()).containsExactly((short) 0, (short) 1, (short) 2, (short) 3, (short) 4,
                (short) 5, (short) 6, (short) 7, (short) 8, (short) 9);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void appendRefusesWhatCannotGrowAlongAxisZero() throws IOException {
        Path fortran = dir.resolve("f.npy");
        Npy.write(fortran, NpyArray.of(new double[6], 2, 3).toFortranOrder());
        assertThatThrownBy(() -> Npy.append(fortran, NpyArray.of(new double[3], 1, 3)))
                .isInstanceOf(NpyException.class).hasMessageContaining("Fortran");
        Path ints = dir.resolve("i.npy");
        Npy.write(ints, NpyArray.of(new int[6], 2, 3));
        byte[] before = Files.readAllBytes(ints);
        assertThatThrownBy(() -> Npy.append(ints, NpyArray.of(new long[3], 1, 3)))
                .isInstanceOf(NpyTypeException.class).hasMessageContaining("<i4").hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> Npy.append(ints, NpyArray.of(new int[4], 2, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        Files.write(ints, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> Npy.append(ints, NpyArray.of(new int[3], 1, 3)))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("1 more bytes");
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(ints), before.length)).isEqualTo(before);
    }
}
