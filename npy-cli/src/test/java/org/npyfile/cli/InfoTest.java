package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.fixtures.Fixture;
import org.npyfile.npz.Npz;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;

/** {@code npy info}: headers and sizes, as text and as JSON, without reading array data. */
class InfoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String N = System.lineSeparator();

    @TempDir
    Path tmp;

    @Test
    void theReadmeCommandListsEveryEntryOfTheExampleArchive() {
        Path archive = Cli.EXAMPLES.resolve("digits.npz");
        Cli.Result result = Cli.run("info", archive);
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(archive + ": npz archive, 2 entries, 4835 bytes" + N
                + "  key     dtype  shape        order  version  data bytes  stored  compressed" + N
                + "  images  uint8  (200, 8, 8)  C      1.0           12800   12928  4280 (33%)" + N
                + "  labels  int64  (200,)       C      1.0            1600    1728   301 (17%)" + N);
    }

    @Test
    void anNpyFileShowsItsHeader() {
        Path file = Cli.EXAMPLES.resolve("digits_labels.npy");
        Cli.Result result = Cli.run("info", file);
        assertThat(result.out()).isEqualTo(file + ": npy file, 1728 bytes" + N
                + "  dtype  shape   order  version  elements  data bytes  data offset" + N
                + "  int64  (200,)  C      1.0           200        1600          128" + N);
    }

    @Test
    void jsonParsesAndAgreesWithTheArchivesCentralDirectory() throws IOException {
        Path archive = Cli.EXAMPLES.resolve("digits.npz");
        Cli.Result result = Cli.run("info", "--json", archive);
        JsonNode file = JSON.readTree(result.out()).get("files").get(0);
        assertThat(file.get("format").asText()).isEqualTo("npz");
        assertThat(file.get("fileBytes").asLong()).isEqualTo(Files.size(archive));
        try (NpzFile npz = NpzFile.open(archive)) {
            List<NpzEntry> entries = npz.entries();
            assertThat(file.get("entries")).hasSize(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                NpzEntry e = entries.get(i);
                NpyHeader h = npz.header(e.name());
                JsonNode j = file.get("entries").get(i);
                assertThat(j.get("key").asText()).isEqualTo(e.key());
                assertThat(j.get("method").asText()).isEqualTo("deflated");
                assertThat(j.get("compressedBytes").asLong()).isEqualTo(e.compressedSize());
                assertThat(j.get("entryBytes").asLong()).isEqualTo(e.uncompressedSize());
                assertThat(j.get("crc32").asLong()).isEqualTo(e.crc32());
                assertThat(j.get("descr").asText()).isEqualTo(h.dtype().descr());
                assertThat(j.get("dataBytes").asLong()).isEqualTo(h.dataBytes());
                assertThat(shape(j.get("shape"))).containsExactly(h.shape());
            }
        }
    }

    @Test
    void jsonDescribesEveryMatrixFixtureAsItsHeaderSays() throws IOException {
        List<Fixture> matrix = Numpy.suite("matrix");
        List<Object> args = new ArrayList<>(List.of("info", "--json"));
        matrix.forEach(f -> args.add(f.file()));
        Cli.Result result = Cli.run(args.toArray());
        assertThat(result.exitCode()).isZero();
        JsonNode files = JSON.readTree(result.out()).get("files");
        assertThat(files).hasSize(matrix.size());
        for (int i = 0; i < matrix.size(); i++) {
            Fixture f = matrix.get(i);
            JsonNode j = files.get(i);
            assertThat(j.get("descr").asText()).as(f.name()).isEqualTo(f.descr());
            assertThat(shape(j.get("shape"))).as(f.name()).containsExactly(f.shape());
            assertThat(j.get("fortranOrder").asBoolean()).as(f.name()).isEqualTo(f.fortranOrder());
            assertThat(j.get("version").asText()).isEqualTo(f.majorVersion() + "." + f.minorVersion());
            assertThat(j.get("trailingBytes").asLong()).isZero();
        }
    }

    @Test
    void readsHeadersOnlySoDamagedDataGoesUnnoticed() throws IOException {
        Path archive = tmp.resolve("stored.npz");
        Npz.write(archive, Map.of("x", NpyArray.of(new double[] {1, 2, 3, 4})));
        byte[] bytes = Files.readAllBytes(archive);
        int magic = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\u0093NUMPY");
        bytes[magic + 128 + 8] ^= 0x55;
        Files.write(archive, bytes);
        Cli.Result result = Cli.run("info", archive);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("  x    float64");
        assertThat(Cli.run("verify", archive).exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    }

    @Test
    void aFileThatCannotBeReadIsOneErrorLineAndTheOthersAreStillShown() {
        Path missing = tmp.resolve("missing.npy");
        Cli.Result result = Cli.run("info", missing, Cli.EXAMPLES.resolve("digits_labels.npy"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("npy: " + missing + ": no such file or directory" + N);
        assertThat(result.out()).contains("digits_labels.npy: npy file");
    }

    private static long[] shape(JsonNode node) {
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get(i).asLong();
        }
        return shape;
    }
}
