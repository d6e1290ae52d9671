package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.NpyTypeException;
import org.npyfile.npz.Archives.Mode;
import org.npyfile.python.PyTuple;

/**
 * Entries of every dtype numpy writes, object arrays and long doubles included: their headers are
 * listed and verified whatever the limits; an object array's pickle is decoded only when the limits
 * allow objects, as {@code numpy.load} needs {@code allow_pickle=True}, and written so that numpy
 * loads it. (Against numpy-written archives: integration-tests' {@code NpzObjectEntriesNumpyTest}.)
 */
class NpzObjectEntriesTest {

    private static final NpzLimits OBJECTS = NpzLimits.of(NpyLimits.DEFAULT.withObjectArrays(true));

    @TempDir
    Path dir;

    private static Map<String, NpyArray> arrays() {
        Map<Object, Object> meta = new LinkedHashMap<>();
        meta.put("name", "run 7");
        meta.put("ids", List.of(1L, 2L, 3L));
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("plain", NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        m.put("ragged", NpyArray.ofObjects(List.of(List.of(1L), List.of(2L, 3L), List.of())));
        m.put("meta", NpyArray.ofObjects(List.of(meta, PyTuple.of("x", 2.5)), 1, 2));
        m.put("long", NpyArray.ofLongDoubles(new BigDecimal[] {BigDecimal.ONE, new BigDecimal("0.5")}));
        return m;
    }

    /** Every way NpzWriter writes, stored and deflated, to a stream and to a seekable channel. */
    private static List<byte[]> archives() throws IOException {
        return List.of(
                Archives.written(arrays(), NpzWriteOptions.STORED, Mode.WRITE),
                Archives.written(arrays(), NpzWriteOptions.COMPRESSED, Mode.WRITE),
                Archives.written(arrays(), NpzWriteOptions.COMPRESSED.withThreads(4), Mode.WRITE_ALL),
                Archives.writtenSeekable(arrays(), NpzWriteOptions.STORED, Mode.WRITE_ALL),
                Archives.writtenSeekable(arrays(), NpzWriteOptions.COMPRESSED, Mode.WRITE));
    }

    @Test
    void headersOfEveryEntryAreListedAndVerifiedWithTheDefaultLimits() throws IOException {
        for (byte[] archive : archives()) {
            try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(archive))) {
                assertThat(npz.names()).containsExactly("plain", "ragged", "meta", "long");
                assertThat(npz.header("ragged")).isEqualTo(NpyHeader.of(DType.parse("|O"), 3));
                assertThat(npz.header("meta")).isEqualTo(NpyHeader.of(DType.parse("|O"), 1, 2));
                assertThat(npz.header("long").dtype().descr()).isEqualTo("<f16");
                for (String key : npz.names()) {
                    assertThat(npz.isNpy(key)).isTrue();
                    npz.verify(key);
                }
            }
            try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(archive))) {
                int seen = 0;
                while (in.nextEntry() != null) {
                    assertThat(in.header()).isEqualTo(arrays().get(in.entry().key()).header());
                    seen++;
                }
                assertThat(seen).isEqualTo(4);
            }
        }
    }

    @Test
    void objectEntriesAreDecodedOnlyWhenTheLimitsAllowObjects() throws IOException {
        for (byte[] archive : archives()) {
            try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(archive))) {
                assertThat(npz.read("plain")).isEqualTo(arrays().get("plain"));
                assertThatThrownBy(() -> npz.read("ragged")).isInstanceOf(NpyLimitException.class)
                        .hasMessageStartingWith("entry 'ragged.npy': ").hasMessageContaining("withObjectArrays(true)");
                assertThatThrownBy(npz::readAll).isInstanceOf(NpyLimitException.class)
                        .hasMessageStartingWith("entry 'ragged.npy': ");
            }
            assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(archive))).isInstanceOf(NpyLimitException.class)
                    .hasMessageStartingWith("entry 'ragged.npy': ");

            try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(archive), OBJECTS)) {
                assertThat(npz.readAll()).containsExactlyEntriesOf(arrays());
                assertThat(Arrays.asList(npz.read("ragged").asObjectArray()))
                        .containsExactly(List.of(1L), List.of(2L, 3L), List.of());
            }
            assertThat(Npz.read(new ByteArrayInputStream(archive), OBJECTS)).containsExactlyEntriesOf(arrays());
        }
    }

    @Test
    void npzReadOfAFileDecodesObjectsWithTheLimitsThatAllowThem() throws IOException {
        Path file = dir.resolve("objects.npz");
        Npz.writeCompressed(file, arrays());
        assertThat(Npz.read(file, OBJECTS)).containsExactlyEntriesOf(arrays());
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(NpyLimitException.class)
                .hasMessage(file + ": entry 'ragged.npy': readAll: dtype |O holds Python objects, which numpy stores as"
                        + " a pickle; reading them needs NpyLimits.withObjectArrays(true), as numpy.load needs"
                        + " allow_pickle=True (npyfile never runs the pickle)");
    }

    @Test
    void anObjectEntryCannotBeStreamedInChunksOrMapped() throws IOException {
        Path file = dir.resolve("objects.npz");
        Npz.write(file, arrays());
        try (NpzFile npz = NpzFile.open(file, OBJECTS); NpyReader reader = npz.reader("ragged")) {
            assertThatThrownBy(() -> reader.readChunk(1)).isInstanceOf(NpyTypeException.class)
                    .hasMessageContaining("readChunk: an array of dtype |O holds Python objects");
            assertThatThrownBy(() -> npz.map("ragged")).isInstanceOf(NpyTypeException.class)
                    .hasMessageStartingWith(file + ": entry 'ragged.npy' holds Python objects");
            assertThat(npz.map("plain").header()).isEqualTo(arrays().get("plain").header());
        }
    }

    @Test
    void anObjectArrayCannotBeAStreamedEntryAndNothingIsWrittenForIt() throws IOException {
        Path file = dir.resolve("kept.npz");
        try (NpzWriter w = NpzWriter.open(file)) {
            assertThatThrownBy(() -> w.entry("o", NpyHeader.of(DType.parse("|O"), 3)))
                    .isInstanceOf(NpyTypeException.class).hasMessageContaining("write such an array whole");
            w.write("o", arrays().get("ragged"));
        }
        assertThat(Npz.read(file, OBJECTS)).containsExactly(Map.entry("o", arrays().get("ragged")));
    }

    @Test
    void aCorruptPickleEntryIsCaughtByItsCrcEvenWithoutDecoding() throws IOException {
        byte[] archive = Archives.written(Map.of("o", arrays().get("meta")), NpzWriteOptions.STORED, Mode.WRITE);
        int at = Archives.indexOf(archive, "run 7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        archive[at] = 'R';
        try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(archive))) {
            assertThat(npz.header("o").dtype().hasObjects()).isTrue();
            assertThatThrownBy(() -> npz.verify("o")).isInstanceOf(NpzFormatException.class)
                    .hasMessageContaining("CRC-32");
        }
        assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(archive), OBJECTS))
                .isInstanceOf(NpyException.class).hasMessageContaining("CRC-32");
    }
}
