package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.internal.pickle.PickleWriter;

/**
 * {@link Numpy#load}: the first bytes decide, as in numpy's {@code load} ({@code PK\x03\x04} or
 * {@code PK\x05\x06}: an archive; {@code \x93NUMPY}: an array; anything else: a pickle, or nothing
 * numpy loads), never the file's name; every failure names the file.
 */
class NumpyLoadTest {

    private static final NpzLimits OBJECTS = NpzLimits.of(NpyLimits.DEFAULT.withObjectArrays(true));

    @TempDir
    Path dir;

    @Test
    void anNpyFileIsOneArrayWhateverItsName() throws IOException {
        NpyArray array = NpyArray.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Path file = dir.resolve("looks-like.npz");
        Npy.write(file, array);
        assertThat(Numpy.load(file)).isEqualTo(new Loaded.Array(array));
    }

    @Test
    void anArchiveIsItsArraysInArchiveOrderWhateverItsName() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("z", NpyArray.of(new double[] {1.5}));
        arrays.put("a", NpyArray.of(new long[] {7, 8}));
        arrays.put("m", NpyArray.of(new int[] {9}));
        Path file = dir.resolve("looks-like.npy");
        Npz.writeCompressed(file, arrays);
        Loaded loaded = Numpy.load(file);
        assertThat(loaded).isInstanceOf(Loaded.Archive.class);
        assertThat(((Loaded.Archive) loaded).arrays()).containsExactlyEntriesOf(arrays);
    }

    @Test
    void anEmptyArchiveStartsWithItsEndRecordAndIsAnEmptyArchive() throws IOException {
        Path file = dir.resolve("empty.npz");
        Npz.write(file, Map.of());
        assertThat(Arrays.copyOf(Files.readAllBytes(file), 4)).containsExactly('P', 'K', 5, 6);
        assertThat(Numpy.load(file)).isEqualTo(new Loaded.Archive(Map.of()));
    }

    @Test
    void anEmptyFileIsRefusedNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("empty.npy"), new byte[0]);
        NpyFormatException e = catchThrowableOfType(() -> Numpy.load(file), NpyFormatException.class);
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e).hasMessage(file + ": at byte 0: expected an .npy file (magic \\x93NUMPY) or an .npz archive"
                + " (ZIP signature PK\\x03\\x04, or PK\\x05\\x06 if empty), found an empty file");
    }

    @Test
    void otherBytesAreRefusedNamingTheFileAndTheBytesFound() throws IOException {
        Path file = Files.write(dir.resolve("notes.npy"), "hello, world".getBytes(StandardCharsets.US_ASCII));
        NpyFormatException e = catchThrowableOfType(() -> Numpy.load(file), NpyFormatException.class);
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e).hasMessageStartingWith(file + ": at byte 0: expected an .npy file")
                .hasMessageContaining("found the bytes 68656c6c6f2c").hasMessageContaining("allow_pickle=True");
        // With pickles allowed, they are tried as one, as numpy tries them, and are not one either.
        assertThatThrownBy(() -> Numpy.load(file, OBJECTS)).isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + ": expected an .npy file").hasMessageContaining("no pickle either");
        // A ZIP signature alone is an archive, a truncated one.
        Path zip = Files.write(dir.resolve("cut.bin"), new byte[] {'P', 'K', 3, 4, 0});
        assertThatThrownBy(() -> Numpy.load(zip)).isInstanceOf(NpzFormatException.class)
                .hasMessageStartingWith(zip + ": ");
    }

    @Test
    void objectArraysAreRefusedByDefaultAndReadWhenAllowed() throws IOException {
        NpyArray objects = NpyArray.ofObjects(List.of("a", List.of(1L, 2L)));
        Path npy = dir.resolve("objects.npy");
        Npy.write(npy, objects);
        assertThatThrownBy(() -> Numpy.load(npy)).isInstanceOf(NpyLimitException.class).hasMessageStartingWith(npy + ": ");
        assertThat(Numpy.load(npy, OBJECTS)).isEqualTo(new Loaded.Array(objects));
        Path npz = dir.resolve("objects.npz");
        Npz.write(npz, Map.of("o", objects));
        assertThatThrownBy(() -> Numpy.load(npz)).isInstanceOf(NpyLimitException.class)
                .hasMessageStartingWith(npz + ": entry 'o.npy': ");
        assertThat(Numpy.load(npz, OBJECTS)).isEqualTo(new Loaded.Archive(Map.of("o", objects)));
    }

    @Test
    void aBarePickleOfAnArrayIsThatArrayWhenObjectsAreAllowed() throws IOException {
        List<Object> elements = List.of("x", 2L, List.of(3.5));
        Path file = Files.write(dir.resolve("dumped.pkl"), PickleWriter.objectArray(new long[] {3}, false, elements));
        assertThatThrownBy(() -> Numpy.load(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("found the bytes 80");
        assertThat(Numpy.load(file, OBJECTS)).isEqualTo(new Loaded.Array(NpyArray.ofObjects(elements)));
    }

    @Test
    void aBarePickleOfAnythingElseIsRefusedNamingWhatItHolds() throws IOException {
        Path file = Files.write(dir.resolve("dict.pkl"), PickleWriter.write(Map.of("k", 1L)));
        assertThatThrownBy(() -> Numpy.load(file, OBJECTS)).isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + ": at byte 0: expected a pickled numpy array")
                .hasMessageEndingWith("found a pickle of a dict");
    }
}
