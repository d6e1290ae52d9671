package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimits;
import org.npyfile.npz.Npz;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzLimits;

/**
 * Object arrays (dtype object: Python values numpy stores as a pickle) in the commands: headers are
 * shown and intact files reported intact without decoding anything; {@code --objects} decodes the
 * pickles (nothing runs) where a command needs the values; {@code show} does not print them. Every
 * line names each file once.
 */
class ObjectArraysCliTest {

    private static final String N = System.lineSeparator();
    private static final NpyLimits OBJECTS = NpyLimits.DEFAULT.withObjectArrays(true);

    @TempDir
    Path tmp;

    private Path archive;
    private Path npy;
    private Map<String, NpyArray> arrays;

    @BeforeEach
    void write() throws IOException {
        Map<Object, Object> meta = new LinkedHashMap<>();
        meta.put("name", "run 7");
        meta.put("ids", List.of(1L, 2L, 3L));
        arrays = new LinkedHashMap<>();
        arrays.put("meta", NpyArray.ofObjects(List.of(meta, List.of()), 1, 2));
        arrays.put("plain", NpyArray.of(new long[] {1, 2, 3}));
        archive = tmp.resolve("objects.npz");
        Npz.write(archive, arrays);
        npy = tmp.resolve("ragged.npy");
        Npy.write(npy, NpyArray.ofObjects(List.of(List.of(1L, 2L), List.of(3L))));
    }

    private static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    @Test
    void infoShowsAnObjectArraysHeaderAndItsPicklesSize() throws IOException {
        Cli.Result result = Cli.run("info", archive, npy);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        long entryBytes;
        long dataOffset;
        try (NpzFile npz = NpzFile.open(archive)) {
            entryBytes = npz.entry("meta").uncompressedSize();
            dataOffset = npz.header("meta").dataOffset();
        }
        assertThat(result.out()).containsPattern("\\n  meta +object +\\(1, 2\\) +C +1\\.0 +" + (entryBytes - dataOffset)
                + " \\(pickle\\) +" + entryBytes + " +\\(stored\\)");
        long pickle = Files.size(npy) - NpyHeader.of(arrays.get("meta").dtype(), 2).dataOffset();
        assertThat(result.out()).containsPattern("\\n  object +\\(2,\\) +C +1\\.0 +2 +" + pickle + " \\(pickle\\) +128")
                .doesNotContain("follow the data");

        JsonNode json = new ObjectMapper().readTree(Cli.run("info", "--json", archive, npy).out()).get("files");
        JsonNode meta = json.get(0).get("entries").get(0);
        assertThat(meta.get("descr").asText()).isEqualTo("|O");
        assertThat(meta.get("dataBytes").asLong()).as("the header implies no size").isEqualTo(-1);
        assertThat(meta.get("pickleBytes").asLong()).isEqualTo(entryBytes - dataOffset);
        assertThat(json.get(1).get("pickleBytes").asLong()).isEqualTo(pickle);
        assertThat(json.get(1).has("trailingBytes")).isFalse();
    }

    @Test
    void verifyReportsIntactObjectArraysIntactAndDecodesThemOnlyWithObjects() {
        Cli.Result plain = Cli.run("verify", archive, npy);
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(plain.out()).isEqualTo(archive + ": ok (npz, 2 entries; an object array's pickle checked as bytes,"
                + " not decoded (--objects decodes it))" + N
                + npy + ": ok (npy 1.0, object (2,); an object array's pickle checked as bytes, not decoded"
                + " (--objects decodes it))" + N);
        Cli.Result decoded = Cli.run("verify", "--objects", archive, npy);
        assertThat(decoded.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(decoded.out()).isEqualTo(archive + ": ok (npz, 2 entries)" + N + npy + ": ok (npy 1.0, object (2,))" + N);
    }

    @Test
    void verifyFindsADamagedPickleNamingTheArchiveAndTheEntryOnce() throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("run 7");
        bytes[at] = 'R';
        Files.write(archive, bytes);
        for (String[] args : new String[][] {{"verify"}, {"verify", "--objects"}}) {
            Cli.Result result = Cli.run(args[0], args.length > 1 ? args[1] : "--", archive);
            assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(result.out()).startsWith(archive + ": entry 'meta.npy': ").contains("CRC-32").hasLineCount(1);
            assertThat(occurrences(result.out(), archive.toString())).isOne();
            assertThat(occurrences(result.out(), "meta")).isOne();
        }
    }

    @Test
    void verifyWithObjectsFindsAPickleCutShort() throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        Path cut = Files.write(tmp.resolve("cut.npy"), Arrays.copyOf(bytes, bytes.length - 10));
        Cli.Result result = Cli.run("verify", "--objects", cut);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.out()).startsWith(cut + ": at byte ").hasLineCount(1);
        assertThat(occurrences(result.out(), cut.toString())).isOne();
    }

    @Test
    void showRefusesAnObjectArrayNamedAloneAndNotesOneInAWholeArchive() {
        Cli.Result alone = Cli.run("show", archive + ":meta");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(alone.err()).isEqualTo("npy: " + archive + ":meta: an object array (Python values, which numpy"
                + " stores as a pickle); show prints arrays of fixed-size values only" + N);
        Cli.Result whole = Cli.run("show", archive);
        assertThat(whole.exitCode()).as(whole.err()).isEqualTo(ExitCodes.OK);
        assertThat(whole.out()).isEqualTo("# " + archive + ":meta" + N
                + "(an object array: Python values, which numpy stores as a pickle; not shown)" + N + N
                + "# " + archive + ":plain" + N + "array([1, 2, 3])" + N);
    }

    @Test
    void extractSkipsObjectEntriesUnlessAskedToDecodeThem() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result skipped = Cli.run("extract", archive, out);
        assertThat(skipped.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(skipped.err()).isEqualTo("npy: " + archive + ": skipped entry 'meta.npy': an object array (Python"
                + " values, which numpy stores as a pickle); --objects extracts it" + N);
        assertThat(out.resolve("meta.npy")).doesNotExist();
        assertThat(Npy.read(out.resolve("plain.npy"))).isEqualTo(arrays.get("plain"));

        Cli.Result extracted = Cli.run("extract", "--objects", archive, out);
        assertThat(extracted.exitCode()).as(extracted.err()).isEqualTo(ExitCodes.OK);
        assertThat(Npy.read(out.resolve("meta.npy"), OBJECTS)).isEqualTo(arrays.get("meta"));
    }

    @Test
    void convertNeedsObjectsToWriteAnObjectArrayAndHasNoCsvForIt() throws IOException {
        Path target = tmp.resolve("meta.npy");
        Cli.Result refused = Cli.run("convert", archive + ":meta", target);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).isEqualTo("npy: " + archive + ":meta: an object array (Python values, which numpy"
                + " stores as a pickle); --objects converts it" + N);
        assertThat(target).doesNotExist();
        Cli.Result converted = Cli.run("convert", "--objects", archive + ":meta", target);
        assertThat(converted.exitCode()).as(converted.err()).isEqualTo(ExitCodes.OK);
        assertThat(converted.out()).isEqualTo(target + ": object (1, 2), C order" + N);
        assertThat(Npy.read(target, OBJECTS)).isEqualTo(arrays.get("meta"));
        assertThat(Cli.run("convert", "--objects", npy, tmp.resolve("r.csv")).err()).contains("this one holds object");
        // read back the way other commands read: the archive with object arrays allowed
        assertThat(Npz.read(archive, NpzLimits.of(OBJECTS))).containsExactlyEntriesOf(arrays);
    }

    @Test
    void aMissingEntryIsNamedOnce() {
        Cli.Result missing = Cli.run("show", archive + ":nope");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).isEqualTo("npy: " + archive + ":nope: no entry 'nope' in the archive; its keys are"
                + " [meta, plain]" + N);
    }
}
