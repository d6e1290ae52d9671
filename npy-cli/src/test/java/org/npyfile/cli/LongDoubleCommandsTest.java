package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * Every npy-cli command takes long double arrays ({@code float128}, {@code complex256} as numpy
 * writes them on x86-64) without failing: {@code info} names them as numpy does, {@code verify}
 * accepts them, {@code stats} gives numpy's exact extremes (and float64 mean and deviation),
 * {@code convert} to {@code .npy}, {@code extract} and {@code pack} carry every value bit for bit,
 * {@code show} prints archive entries as numpy prints them, and the commands that compute in
 * float64 ({@code view}, {@code hist}, CSV) refuse them with a message that says why. numpy writes
 * the arrays in one python process and, after npy-cli has copied them, tells what every file holds
 * in another ({@code long_double_facts.py}).
 */
class LongDoubleCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SOURCES = List.of("specials.npy", "big_endian_fortran.npy", "complex.npy",
            "tiny_and_huge.npy");

    @TempDir
    static Path tmp;

    /** numpy's facts by file name: the sources, their converted copies, extracted entries and archives. */
    private static final Map<String, JsonNode> FACTS = new LinkedHashMap<>();

    @BeforeAll
    static void numpyWritesTheArraysNpyCopiesThemAndNumpyDescribesEveryFile() throws IOException {
        NumpyRuntime numpy = Numpy.runtime();
        Map<String, String> arrays = new LinkedHashMap<>();
        arrays.put("specials.npy", "np.array([np.nan, 1, np.inf, -np.inf, -0.0, np.longdouble(1) / 3,"
                + " -np.longdouble(2) / 3, np.finfo(np.longdouble).max, np.finfo(np.longdouble).smallest_subnormal],"
                + " dtype='<f16')");
        arrays.put("big_endian_fortran.npy",
                "np.asfortranarray((np.arange(12, dtype='<f16').reshape(3, 4) / np.longdouble(7)).astype('>f16'))");
        arrays.put("complex.npy", "(np.array([1 + 2j, np.nan - 1j, -0.0 + 1e-300j]) / np.longdouble(3)).astype('>c32')");
        arrays.put("tiny_and_huge.npy", "np.array([np.finfo(np.longdouble).max, -np.finfo(np.longdouble).tiny],"
                + " dtype='<f16')");
        arrays.put("archive.npz", "{'real': (np.arange(5, dtype='<f16') / np.longdouble(3)).astype('>f16'),"
                + " 'pair': np.array([1 + 1j, 2], dtype='<c32') / np.longdouble(7)}");
        numpy.produce("eval", tmp, Map.of("arrays", arrays));

        List<String> names = new ArrayList<>(SOURCES);
        for (String source : SOURCES) {
            Cli.Result converted = Cli.run("convert", file(source), file("converted_" + source));
            assertThat(converted.exitCode()).as(converted.err()).isZero();
            names.add("converted_" + source);
        }
        Cli.Result extracted = Cli.run("extract", file("archive.npz"), file("extracted"));
        assertThat(extracted.exitCode()).as(extracted.err()).isZero();
        Cli.Result packed = Cli.run("pack", "-o", file("packed.npz"), file("extracted/real.npy"),
                file("extracted/pair.npy"));
        assertThat(packed.exitCode()).as(packed.err()).isZero();
        names.addAll(List.of("extracted/real.npy", "extracted/pair.npy", "archive.npz", "packed.npz"));

        List<Path> files = names.stream().map(LongDoubleCommandsTest::file).toList();
        List<JsonNode> facts = numpy.report("eval", files, Map.of("expr", Numpy.call("long_double_facts.py", "facts")));
        for (int i = 0; i < names.size(); i++) {
            assertThat(facts.get(i).has("error")).as("numpy reads %s: %s", names.get(i), facts.get(i)).isFalse();
            FACTS.put(names.get(i), facts.get(i).get("value"));
        }
    }

    private static Path file(String name) {
        return tmp.resolve(name);
    }

    @Test
    void infoNamesLongDoublesAsNumpyDoes() throws IOException {
        Cli.Result text = Cli.run("info", file("specials.npy"), file("big_endian_fortran.npy"), file("complex.npy"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("  float128  (9,)").contains("  >f16   (3, 4)  Fortran").contains("  >c32   (3,)");
        Cli.Result json = Cli.run("info", "--json", file("specials.npy"), file("archive.npz"));
        JsonNode files = JSON.readTree(json.out()).get("files");
        assertThat(files.get(0).get("dtype").asText()).isEqualTo(FACTS.get("specials.npy").get("name").asText())
                .isEqualTo("float128");
        JsonNode entries = files.get(1).get("entries");
        assertThat(entries.get(1).get("dtype").asText()).isEqualTo(FACTS.get("archive.npz").get("pair").get("name").asText())
                .isEqualTo("complex256");
        assertThat(entries.get(0).get("descr").asText()).isEqualTo(FACTS.get("archive.npz").get("real").get("descr").asText())
                .isEqualTo(">f16");
    }

    @Test
    void verifyAcceptsLongDoubleFilesAndArchives() {
        Cli.Result result = Cli.run("verify", file("specials.npy"), file("complex.npy"), file("archive.npz"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("specials.npy: ok").contains("complex.npy: ok").contains("archive.npz: ok");
    }

    @Test
    void statsGivesNumpysExactExtremesAndFloat64MeanAndDeviation() throws IOException {
        for (String name : List.of("specials.npy", "big_endian_fortran.npy", "tiny_and_huge.npy")) {
            JsonNode numpyStats = FACTS.get(name).get("stats");
            Cli.Result run = Cli.run("stats", "--json", file(name));
            assertThat(run.exitCode()).as(run.err()).isZero();
            // the exact extremes as numpy prints float128 scalars: the JSON number text itself
            assertThat(run.out()).contains("\"min\": " + json(numpyStats.get("min").asText()) + ",")
                    .contains("\"max\": " + json(numpyStats.get("max").asText()) + ",");
            JsonNode ours = JSON.readTree(run.out()).get("arrays").get(0);
            assertThat(ours.get("nan").asLong()).isEqualTo(numpyStats.get("nan").asLong());
            assertFloat64(ours.get(ours.has("nanmean") ? "nanmean" : "mean"), numpyStats.get("nanmean"));
            assertFloat64(ours.get(ours.has("nanstd") ? "nanstd" : "std"), numpyStats.get("nanstd"));
        }
        Cli.Result text = Cli.run("stats", file("tiny_and_huge.npy"));
        assertThat(text.out()).contains("  max    1.189731495357231765e+4932").contains("  mean   inf");
    }

    /** The JSON of a float's text: the number itself, or nan and infinities as strings. */
    private static String json(String text) {
        return text.contains("nan") || text.contains("inf") ? "\"" + text + "\"" : text;
    }

    /** Our float64 result is numpy's, to rounding (nan and infinities exactly). */
    private static void assertFloat64(JsonNode ours, JsonNode expected) {
        if (expected.isTextual()) {
            assertThat(ours.asText()).isEqualTo(expected.asText());
        } else {
            assertThat(ours.asDouble()).isCloseTo(expected.asDouble(),
                    org.assertj.core.data.Offset.offset(Math.abs(expected.asDouble()) * 1e-14));
        }
    }

    @Test
    void convertToNpyCarriesEveryValueBitForBitAsLittleEndianCOrder() {
        for (String source : SOURCES) {
            JsonNode before = FACTS.get(source);
            JsonNode after = FACTS.get("converted_" + source);
            assertThat(after.get("descr").asText()).startsWith("<");
            for (String field : List.of("name", "shape", "significands", "signs_and_exponents")) {
                assertThat(after.get(field)).as("%s of %s", field, source).isEqualTo(before.get(field));
            }
        }
    }

    @Test
    void extractAndPackCarryArchiveEntriesBitForBit() {
        JsonNode original = FACTS.get("archive.npz");
        JsonNode packed = FACTS.get("packed.npz");
        for (String key : List.of("real", "pair")) {
            JsonNode extracted = FACTS.get("extracted/" + key + ".npy");
            for (String field : List.of("descr", "shape", "significands", "signs_and_exponents")) {
                assertThat(extracted.get(field)).as("%s of extracted %s", field, key).isEqualTo(original.get(key).get(field));
                assertThat(packed.get(key).get(field)).as("%s of packed %s", field, key).isEqualTo(original.get(key).get(field));
            }
        }
    }

    @Test
    void showPrintsEachArchiveEntryAsNumpyPrintsIt() {
        JsonNode archive = FACTS.get("archive.npz");
        String n = System.lineSeparator();
        for (String key : List.of("real", "pair")) {
            assertThat(Cli.run("show", file("archive.npz") + ":" + key).out()).isEqualTo(archive.get(key).get("repr").asText() + n);
            assertThat(Cli.run("show", "--str", file("archive.npz") + ":" + key).out())
                    .isEqualTo(archive.get(key).get("str").asText() + n);
        }
    }

    @Test
    void commandsThatComputeInFloat64RefuseLongDoublesSayingWhy() throws IOException {
        Cli.Result csv = Cli.run("convert", file("specials.npy"), tmp.resolve("out.csv"));
        assertThat(csv.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(csv.err()).contains("CSV holds bool, integer and float arrays up to float64; this one holds float128");
        assertThat(Files.exists(tmp.resolve("out.csv"))).isFalse();
        Path input = tmp.resolve("in.csv");
        Files.writeString(input, "1.5,2\n3,4\n");
        Cli.Result fromCsv = Cli.run("convert", "--dtype", "float128", input, tmp.resolve("in.npy"));
        assertThat(fromCsv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromCsv.err()).contains("up to float64, not float128");
        Cli.Result view = Cli.run("view", "-o", tmp.resolve("v.png"), file("specials.npy"));
        assertThat(view.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(view.err()).contains("view needs a bool, integer or float array up to float64; this one holds float128");
        Cli.Result hist = Cli.run("hist", file("big_endian_fortran.npy"));
        assertThat(hist.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(hist.err()).contains("hist needs a bool, integer or float array up to float64; this one holds >f16");
        for (Cli.Result r : List.of(csv, fromCsv, view, hist)) {
            assertThat(r.err()).doesNotContain("internal error");
        }
    }
}
