package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.npz.Loaded;
import org.npyfile.npz.Npz;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzInputStream;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.NpzWriteOptions;
import org.npyfile.npz.NpzWriter;
import org.npyfile.npz.Numpy;
import org.npyfile.python.PyTuple;

/**
 * Archives with object entries, as {@code numpy.savez} and {@code numpy.savez_compressed} write them
 * (dicts, ragged lists, mixed values, records with an object field, beside plain arrays and long
 * doubles), read entry by entry through every reader and compared value by value with what
 * {@code numpy.load(..., allow_pickle=True)} gives (numpy_fixtures.py's {@code object-elements}
 * report); and Java-written object entries loaded back by numpy.
 */
class NpzObjectEntriesNumpyTest {

    private static final NpzLimits OBJECTS = NpzLimits.of(NpyLimits.DEFAULT.withObjectArrays(true));

    /** The keyword arguments of numpy.savez: a dict becomes a 0-d object array, as in numpy. */
    private static final String ARRAYS = "{'meta': {'name': 'run 7', 'ids': [1, 2, 3], 'nested': {'x': (1, 2.5)}},"
            + " 'ragged': np.array([[1, 2], [3], []], dtype=object),"
            + " 'plain': np.arange(6, dtype='>i2').reshape(2, 3),"
            + " 'mixed': objarr('\u00fc', None, 2**70, b'\\x00', [1.5, float('nan')], np.arange(3.)),"
            + " 'records': np.array([(1, 'x'), (2, None)], dtype=[('i', '<i4'), ('o', 'O')]),"
            + " 'fortran': np.asfortranarray(np.array([[1, 'a', None], [2.5, b'b', ()]], dtype=object)),"
            + " 'long': np.array([1, 2.5], dtype='<f16'),"
            + " 'empty': np.empty((0, 2), dtype=object)}";

    private static final List<String> KEYS = List.of("meta", "ragged", "plain", "mixed", "records", "fortran",
            "long", "empty");

    /** numpy's writers: to a file, and into a pipe (stored entries then have data descriptors). */
    private static final List<String> WRITERS = List.of("savez", "savez_compressed", "savez_pipe",
            "savez_compressed_pipe");

    private static NumpyRuntime numpy;
    private static final Map<String, Path> ARCHIVES = new LinkedHashMap<>();
    private static final Map<String, Map<String, JsonNode>> NUMPY_SAW = new LinkedHashMap<>();

    @BeforeAll
    static void produce() throws IOException {
        var runtime = NumpyRuntime.shared();
        assumeTrue(runtime.isPresent(), () -> "no numpy to test against: " + NumpyRuntime.unavailableReason());
        numpy = runtime.get();
        for (String writer : WRITERS) {
            Path dir = NumpyFixtures.outputDir("npz-objects-" + writer);
            numpy.produce("object-npz", dir, Map.of("files", Map.of("objects.npz", ARRAYS), "writer", writer));
            ARCHIVES.put(writer, dir.resolve("objects.npz"));
        }
        List<JsonNode> reports = numpy.report("object-elements", new ArrayList<>(ARCHIVES.values()),
                Map.of("encoding", "ASCII"));
        int i = 0;
        for (String writer : WRITERS) {
            JsonNode report = reports.get(i++);
            assertThat(report.has("error")).as("numpy loads its own %s archive: %s", writer, report).isFalse();
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            report.path("entries").fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
            assertThat(entries.keySet()).containsExactlyElementsOf(KEYS);
            NUMPY_SAW.put(writer, entries);
        }
    }

    private static void assertAsNumpyLoads(String what, Map<String, NpyArray> java, Map<String, JsonNode> numpySaw) {
        assertThat(java.keySet()).as(what).containsExactlyElementsOf(numpySaw.keySet());
        java.forEach((key, array) -> assertThat(described(array)).as(what + ": " + key)
                .isEqualTo(PickledValues.normalizePublic(numpySaw.get(key)).toPrettyString()));
    }

    private static String described(NpyArray array) {
        return PickledValues.normalizePublic(PickledValues.describe(array)).toPrettyString();
    }

    @Test
    void everyReaderGivesWhatNumpyLoadsValueByValue() throws IOException {
        for (String writer : List.of("savez", "savez_compressed", "savez_compressed_pipe")) {
            Path file = ARCHIVES.get(writer);
            Map<String, JsonNode> numpySaw = NUMPY_SAW.get(writer);
            try (NpzFile npz = NpzFile.open(file, OBJECTS)) {
                Map<String, NpyArray> oneByOne = new LinkedHashMap<>();
                for (String key : npz.names()) {
                    oneByOne.put(key, npz.read(key));
                }
                assertAsNumpyLoads(writer + ", NpzFile.read", oneByOne, numpySaw);
                assertAsNumpyLoads(writer + ", NpzFile.readAll", npz.readAll(), numpySaw);
            }
            assertAsNumpyLoads(writer + ", Npz.read(path)", Npz.read(file, OBJECTS), numpySaw);
            assertAsNumpyLoads(writer + ", Numpy.load", ((Loaded.Archive) Numpy.load(file, OBJECTS)).arrays(), numpySaw);
            try (InputStream in = Files.newInputStream(file)) {
                assertAsNumpyLoads(writer + ", Npz.read(stream)", Npz.read(in, OBJECTS), numpySaw);
            }
            Map<String, NpyArray> streamed = new LinkedHashMap<>();
            try (NpzInputStream in = NpzInputStream.of(Files.newInputStream(file), OBJECTS)) {
                NpzEntry e;
                while ((e = in.nextEntry()) != null) {
                    streamed.put(e.key(), in.read());
                }
            }
            assertAsNumpyLoads(writer + ", NpzInputStream.read", streamed, numpySaw);
        }
    }

    @Test
    void headersOfEveryEntryAreListedAndVerifiedWithTheDefaultLimits() throws IOException {
        for (String writer : WRITERS) {
            Path file = ARCHIVES.get(writer);
            Map<String, JsonNode> numpySaw = NUMPY_SAW.get(writer);
            try (NpzFile npz = NpzFile.open(file)) {
                assertThat(npz.names()).containsExactlyElementsOf(KEYS);
                for (String key : KEYS) {
                    JsonNode array = numpySaw.get(key).path("ndarray");
                    NpyHeader h = npz.header(key);
                    assertThat(h.dtype().descr()).as(writer + ": " + key).isEqualTo(array.path("descr").asText());
                    long[] shape = new long[array.path("shape").size()];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = array.path("shape").get(d).asLong();
                    }
                    assertThat(h.shape()).as(writer + ": " + key).containsExactly(shape);
                    assertThat(npz.isNpy(key)).isTrue();
                    npz.verify(key);
                }
                assertThat(described(npz.read("plain"))).isEqualTo(
                        PickledValues.normalizePublic(numpySaw.get("plain")).toPrettyString());
                assertThatThrownBy(() -> npz.read("meta")).as("numpy's allow_pickle=False default")
                        .isInstanceOf(NpyLimitException.class)
                        .hasMessageStartingWith(file + ": entry 'meta.npy': ");
            }
        }
    }

    @Test
    void storedObjectEntriesThatNumpyWroteToAPipeNeedRandomAccess() throws IOException {
        Path file = ARCHIVES.get("savez_pipe");
        try (NpzFile npz = NpzFile.open(file, OBJECTS)) {
            assertAsNumpyLoads("savez_pipe, NpzFile.readAll", npz.readAll(), NUMPY_SAW.get("savez_pipe"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> Npz.read(in, OBJECTS)).isInstanceOf(NpzFormatException.class)
                    .hasMessageStartingWith("entry 'meta.npy': ").hasMessageContaining("data descriptor")
                    .hasMessageContaining("read the archive with NpzFile");
        }
    }

    @Test
    void objectEntriesJavaWritesLoadInNumpyAsTheValuesJavaRead() throws IOException {
        Map<String, NpyArray> read = Npz.read(ARCHIVES.get("savez"), OBJECTS);
        Path dir = NumpyFixtures.outputDir("npz-objects-java");
        List<Path> written = new ArrayList<>();
        written.add(dir.resolve("write.npz"));
        Npz.write(written.get(0), read);
        written.add(dir.resolve("writeCompressed.npz"));
        Npz.writeCompressed(written.get(1), read);
        written.add(dir.resolve("writer-stream.npz"));
        try (OutputStream out = Files.newOutputStream(written.get(2));
             NpzWriter w = NpzWriter.of(out, NpzWriteOptions.STORED)) {
            for (Map.Entry<String, NpyArray> e : read.entrySet()) {
                w.write(e.getKey(), e.getValue());
            }
        }
        written.add(dir.resolve("writeAll-threads.npz"));
        try (NpzWriter w = NpzWriter.open(written.get(3), NpzWriteOptions.COMPRESSED.withThreads(4))) {
            w.writeAll(read);
        }
        List<JsonNode> numpySaw = numpy.report("object-elements", written, Map.of());
        for (int i = 0; i < written.size(); i++) {
            JsonNode report = numpySaw.get(i);
            assertThat(report.has("error")).as("numpy loads %s: %s", written.get(i), report).isFalse();
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            report.path("entries").fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
            assertAsNumpyLoads(written.get(i).getFileName().toString(), read, entries);
        }
    }

    @Test
    void objectArraysBuiltInJavaLoadInNumpyAsThoseValues() throws IOException {
        Map<Object, Object> meta = new LinkedHashMap<>();
        meta.put("run", 7L);
        meta.put(PyTuple.of(1L, "k"), List.of(BigInteger.TWO.pow(80), -0.0, "ü"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("meta", NpyArray.ofObjects(List.of(meta, List.of())));
        arrays.put("grid", NpyArray.ofObjects(List.of("a", 1L, List.of(2L), NpyArray.of(new int[] {3, 4})), 2, 2));
        arrays.put("plain", NpyArray.of(new double[] {0.5, 1.5}));
        Path file = NumpyFixtures.outputDir("npz-objects-built").resolve("built.npz");
        Npz.writeCompressed(file, arrays);
        JsonNode report = numpy.report("object-elements", List.of(file), Map.of()).get(0);
        assertThat(report.has("error")).as(report.toString()).isFalse();
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        report.path("entries").fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        assertAsNumpyLoads("built", arrays, entries);
        assertThat(Npz.read(file, OBJECTS)).containsExactlyEntriesOf(arrays);
    }
}
