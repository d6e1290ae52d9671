package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyReader;
import org.npyfile.NpyTypeException;
import org.npyfile.npz.Archives.Mode;

/**
 * Every failure that concerns an archive names the archive's path once ({@link NpyException#file()}
 * and the start of the message) and the entry once; a reader handed out for an entry names itself
 * {@code archive.npz:entry}, or the entry alone when the archive came from a stream.
 */
class NpzFailuresNameTheArchiveTest {

    private static final NpyArray WEIGHTS = NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);

    @TempDir
    Path dir;

    /** One stored entry 'w.npy' whose last data byte is flipped: its CRC-32 fails at the end. */
    private Path corrupt() throws IOException {
        byte[] bytes = Archives.written(Map.of("w", WEIGHTS), NpzWriteOptions.STORED, Mode.WRITE);
        int end = Archives.indexOf(bytes, new byte[] {'P', 'K', 1, 2}); // the central directory follows the data
        bytes[end - 1] ^= 0x01;
        return Files.write(dir.resolve("run.npz"), bytes);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aDefectFoundByTheArchiveNamesTheArchiveAndTheEntryOnce() throws IOException {
        Path file = corrupt();
        try (NpzFile npz = NpzFile.open(file)) {
            NpzFormatException e = catchThrowableOfType(() -> npz.read("w"), NpzFormatException.class);
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.entryName()).isEqualTo("w.npy");
            assertThat(e).hasMessageStartingWith(file + ": entry 'w.npy': at archive byte ").hasMessageContaining("CRC-32");
            assertThat(occurrences(e.getMessage(), file.toString())).isOne();
            assertThat(occurrences(e.getMessage(), "w.npy")).isOne();
            assertThatThrownBy(() -> npz.verify("w")).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith(file + ": entry 'w.npy': ");
            assertThatThrownBy(npz::readAll).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith(file + ": entry 'w.npy': ");
        }
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(NpzFormatException.class)
                .hasMessageStartingWith(file + ": entry 'w.npy': ");
        assertThatThrownBy(() -> Numpy.load(file)).isInstanceOf(NpzFormatException.class)
                .hasMessageStartingWith(file + ": entry 'w.npy': ");
    }

    @Test
    void aReaderHandedOutForAnEntryNamesArchiveAndEntryInItsLaterFailures() throws IOException {
        Path file = corrupt();
        try (NpzFile npz = NpzFile.open(file); NpyReader reader = npz.reader("w")) {
            assertThat(reader.toString()).contains(file + ":w.npy");
            NpzFormatException e = catchThrowableOfType(() -> reader.read(new double[6], 0, 6), NpzFormatException.class);
            assertThat(e.file()).isEqualTo(file + ":w.npy");
            assertThat(e).hasMessageStartingWith(file + ":w.npy: at archive byte ").hasMessageContaining("CRC-32");
            assertThat(occurrences(e.getMessage(), "w.npy")).isOne();
        }
        try (NpzFile npz = NpzFile.open(file); NpyReader reader = npz.reader("w")) {
            assertThatThrownBy(() -> reader.read(new float[6], 0, 6)).isInstanceOf(NpyTypeException.class)
                    .hasMessageStartingWith(file + ":w.npy: ");
        }
    }

    @Test
    void aStreamWithoutAPathNamesTheEntryOnly() throws IOException {
        byte[] bytes = Files.readAllBytes(corrupt());
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes))) {
            in.nextEntry();
            NpyReader reader = in.reader();
            assertThatThrownBy(() -> reader.read(new double[6], 0, 6)).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith("w.npy: at archive byte ").hasMessageContaining("CRC-32");
        }
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes))) {
            in.nextEntry();
            assertThatThrownBy(in::read).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith("entry 'w.npy': at archive byte ");
        }
        assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(bytes))).isInstanceOf(NpzFormatException.class)
                .hasMessageStartingWith("entry 'w.npy': at archive byte ");
    }

    @Test
    void aNamedStreamNamesItselfAndItsReaders() throws IOException {
        byte[] bytes = Files.readAllBytes(corrupt());
        String uri = "https://example.org/run.npz";
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes)).named(uri)) {
            in.nextEntry();
            NpyReader reader = in.reader();
            assertThatThrownBy(() -> reader.read(new double[6], 0, 6)).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith(uri + ":w.npy: at archive byte ");
        }
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes)).named(uri)) {
            in.nextEntry();
            NpzFormatException e = catchThrowableOfType(in::read, NpzFormatException.class);
            assertThat(e.file()).isEqualTo(uri);
            assertThat(e).hasMessageStartingWith(uri + ": entry 'w.npy': at archive byte ");
        }
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(Arrays.copyOf(bytes, 40))).named(uri)) {
            assertThatThrownBy(in::nextEntry).isInstanceOf(NpzFormatException.class).hasMessageStartingWith(uri + ": ");
        }
    }

    @Test
    void aNamedArchiveFromAChannelNamesItselfAndItsReaders() throws IOException {
        byte[] bytes = Files.readAllBytes(corrupt());
        String uri = "hdfs://cluster/data/run.npz";
        try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(bytes)).named(uri)) {
            assertThatThrownBy(() -> npz.read("w")).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith(uri + ": entry 'w.npy': at archive byte ");
            try (NpyReader reader = npz.reader("w")) {
                assertThatThrownBy(() -> reader.read(new double[6], 0, 6))
                        .hasMessageStartingWith(uri + ":w.npy: at archive byte ");
            }
        }
    }

    @Test
    void anArchiveOpenedFromAChannelHasNoFileToName() throws IOException {
        byte[] bytes = Files.readAllBytes(corrupt());
        try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(bytes))) {
            NpzFormatException e = catchThrowableOfType(() -> npz.read("w"), NpzFormatException.class);
            assertThat(e.file()).isNull();
            assertThat(e).hasMessageStartingWith("entry 'w.npy': at archive byte ");
            try (NpyReader reader = npz.reader("w")) {
                assertThatThrownBy(() -> reader.read(new double[6], 0, 6)).hasMessageStartingWith("w.npy: at archive");
            }
        }
    }

    @Test
    void aMalformedArchiveNamesItsPathOnOpening() throws IOException {
        byte[] bytes = Archives.written(Map.of("w", WEIGHTS), NpzWriteOptions.STORED, Mode.WRITE);
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(bytes, bytes.length - 30));
        NpzFormatException e = catchThrowableOfType(() -> NpzFile.open(cut), NpzFormatException.class);
        assertThat(e.file()).isEqualTo(cut.toString());
        assertThat(e).hasMessageStartingWith(cut + ": ");
        assertThat(occurrences(e.getMessage(), cut.toString())).isOne();
    }

    @Test
    void callerMistakesNameTheArchiveToo() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", WEIGHTS);
        Path file = dir.resolve("deflated.npz");
        Npz.writeCompressed(file, arrays);
        try (NpzFile npz = NpzFile.open(file)) {
            assertThatThrownBy(() -> npz.read("nope")).isInstanceOf(NoSuchElementException.class)
                    .hasMessage(file + ": no entry 'nope' in the archive; its keys are [w]");
            assertThatThrownBy(() -> npz.map("w")).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith(file + ": entry 'w.npy' is deflated");
        }
    }
}
