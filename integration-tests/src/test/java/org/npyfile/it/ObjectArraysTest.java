package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.internal.pickle.NumpyDType;
import org.npyfile.internal.pickle.PickleLimits;
import org.npyfile.internal.pickle.PickleReader;
import org.npyfile.internal.pickle.PickleWriter;
import org.npyfile.internal.pickle.PickledArray;
import org.npyfile.python.PyComplex;
import org.npyfile.python.PyTuple;
import org.npyfile.internal.pickle.Python2Strings;

/**
 * Object arrays numpy writes, read by the pickle reader and compared value by value with what
 * {@code numpy.load(..., allow_pickle=True)} gives (numpy_fixtures.py's {@code object-elements}
 * report); numpy's own Python 2 test files; scipy sparse matrices in an npz; and pickles that would
 * run code, which must be refused without anything running.
 */
class ObjectArraysTest {

    private static NumpyRuntime numpy;
    private static Path dir;
    private static JsonNode manifest;

    /** name: a numpy expression whose value numpy.save writes (allow_pickle=True). */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("ragged.npy", "np.array([[1, 2], [3], []], dtype=object)");
        FILES.put("dict-0d.npy", "{'a': 1, 'b': [1.5, None], 'c': 'text', 'nested': {'x': (1, 2)}}");
        FILES.put("none-0d.npy", "np.array(None, dtype=object)");
        FILES.put("empty.npy", "np.empty((0, 3), dtype=object)");
        FILES.put("fortran-2d.npy", "np.asfortranarray(np.array([[1, 'a', None], [2.5, b'b', ()]], dtype=object))");
        FILES.put("numbers.npy", "objarr(2**70, -2**100, 0, -1, 2**63, -2**63, 2**63 - 1, float('nan'), float('inf'),"
                + " -float('inf'), -0.0, 5e-324, 1.5, True, False, complex(1, -0.0), complex(float('nan'), 1))");
        FILES.put("numpy-scalars.npy", "objarr(np.float64(2.5), np.float32(1.5), np.int8(-3), np.uint64(2**64 - 1),"
                + " np.longdouble(1) / 3, np.datetime64('2021-03-04', 'D'), np.timedelta64(5, '10ms'), np.str_('ü'),"
                + " np.bytes_(b'q'), np.bool_(True), np.complex128(1j), np.float16(0.1),"
                + " np.array([(1, 2.5)], dtype=[('a', '<i4'), ('b', '>f8')])[0])");
        FILES.put("text.npy", "objarr('', 'ascii', 'ünïcödé', '日本語', '😀', '\\ud800 lone', b'', b'\\x00\\xff',"
                + " bytearray(b'ab'), 'a\\nb\\\\c')");
        FILES.put("containers.npy", "objarr((), (1,), (1, 'a', None), [], {}, {1: 'a', 'b': (2, 3), (4, 5): None,"
                + " None: [1], b'k': 2.5}, {1, 2, 'x'}, frozenset([3]), collections.OrderedDict([('z', 1), ('a', 2)]),"
                + " collections.defaultdict(list, {'k': [1]}), collections.deque([1, 2], 5), slice(1, None, 2),"
                + " range(0, 10**20, 3), [[[[]]]])");
        FILES.put("stdlib.npy", "objarr(datetime.datetime(2020, 1, 2, 3, 4, 5, 6), datetime.datetime(1999, 12, 31, 23,"
                + " 59, 59, tzinfo=datetime.timezone.utc), datetime.datetime(2001, 2, 3, 4, 5,"
                + " tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30))), datetime.date(2024, 2, 29),"
                + " datetime.time(12, 0, 1, 500), datetime.timedelta(days=-1, seconds=5, microseconds=7),"
                + " decimal.Decimal('1.50'), decimal.Decimal('-1E+20'), fractions.Fraction(-3, 4), complex, np.float64,"
                + " len, argparse.Namespace(a=1, b=[2, 'c']))");
        FILES.put("nested-arrays.npy", "objarr(np.arange(6, dtype='>i2').reshape(2, 3),"
                + " np.asfortranarray(np.arange(6.).reshape(2, 3)), np.array(['ab', 'c']), np.array([b'x', b'yz']),"
                + " np.zeros(0), np.array(3.5), np.array(['2020-01-01', 'NaT'], dtype='M8[ms]'),"
                + " np.array([1+2j], dtype='<c8'), np.array([True]), np.array([1, 2], dtype='<f16'),"
                + " np.array([(1, 2.5, [3, 4])], dtype=[('a', '<i4'), ('b', '>f8'), ('c', '<u2', (2,))]),"
                + " np.zeros(2, dtype=np.dtype({'names': ['x', 'y'], 'formats': ['<i2', '<f8'], 'offsets': [0, 8],"
                + " 'itemsize': 24})), np.dtype('<M8[10ms]'), np.dtype([('p', '<f4')]), np.matrix([[1, 2]]))");
        FILES.put("nested-object-arrays.npy", "objarr(objarr(1, 'a', objarr(None, [2])),"
                + " np.array([[1, 'x'], [2.5, None]], dtype=object),"
                + " np.asfortranarray(np.array([[1, 'x', 3], [2.5, None, ()]], dtype=object)),"
                + " np.array([(1, 'x'), (2, None)], dtype=[('i', '<i4'), ('o', 'O')]))");
        FILES.put("structured-objects.npy", "np.array([(1, 'x'), (2, [None])], dtype=[('i', '<i4'), ('o', 'O')])");
        FILES.put("shared.npy", "(lambda x: objarr(x, x, [x, x]))([1, 2])");
        FILES.put("dicts.npz", "{'meta': {'name': 'run 7', 'ids': [1, 2, 3]}, 'ragged': objarr([1], [2, 3]),"
                + " 'plain': np.arange(3)}");
    }

    /** name: a numpy expression whose value (an object array) is saved pickled with protocol 0..5. */
    private static final String PROTOCOL_VALUE = "objarr(None, True, 2**70, -5, 1.5, float('nan'), 'ü', b'\\x00b',"
            + " (1, 'a'), [1, [2]], {'k': (1,)}, {3}, frozenset([4]), complex(1, 2), bytearray(b'z'),"
            + " np.arange(4, dtype='<i4'), np.asfortranarray(np.arange(6.).reshape(2, 3)), np.float32(1.5),"
            + " datetime.date(2020, 1, 2), decimal.Decimal('2.5'), collections.OrderedDict(a=1), '')";

    @BeforeAll
    static void produce() throws IOException {
        var runtime = NumpyRuntime.shared();
        assumeTrue(runtime.isPresent(), () -> "no numpy to test against: " + NumpyRuntime.unavailableReason());
        numpy = runtime.get();
        dir = NumpyFixtures.outputDir("object-arrays");
        Map<String, String> raw = new LinkedHashMap<>();
        for (int p = 0; p <= 5; p++) {
            raw.put("protocol-" + p + ".npy", "npy_with_pickle(" + PROTOCOL_VALUE + ", " + p + ")");
        }
        manifest = numpy.produce("pickled", dir, Map.of("files", FILES, "raw", raw));
    }

    @Test
    void numpyWrittenObjectArraysReadAsNumpyLoadsThem() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : FILES.keySet()) {
            files.add(dir.resolve(name));
        }
        for (int p = 0; p <= 5; p++) {
            files.add(dir.resolve("protocol-" + p + ".npy"));
        }
        compareWithNumpy(files, Python2Strings.ASCII, "ASCII");
    }

    @Test
    void numpysOwnPython2AndPython3TestFilesReadWithEitherEncoding() throws IOException {
        Path data = Path.of(manifest.path("numpyData").asText());
        List<Path> files = new ArrayList<>();
        for (String name : List.of("py2-objarr.npy", "py2-np0-objarr.npy", "py2-objarr.npz", "py3-objarr.npy",
                "py3-objarr.npz")) {
            if (Files.isRegularFile(data.resolve(name))) {
                files.add(data.resolve(name));
            }
        }
        assumeTrue(files.size() == 5, () -> "numpy's test data (numpy/lib/tests/data) is not installed at " + data);
        compareWithNumpy(files, Python2Strings.LATIN1, "latin1");
        compareWithNumpy(files, Python2Strings.BYTES, "bytes");
    }

    @Test
    void python2StrWithNonAsciiBytesIsRefusedUnderAsciiAsNumpyRefusesIt() throws IOException {
        Path data = Path.of(manifest.path("numpyData").asText());
        Path py2 = data.resolve("py2-objarr.npy");
        assumeTrue(Files.isRegularFile(py2), () -> "numpy's test data (numpy/lib/tests/data) is not installed at " + data);
        JsonNode numpySaw = numpy.report("object-elements", List.of(py2), Map.of("encoding", "ASCII")).get(0);
        assertThat(numpySaw.path("error").asText()).contains("UnicodeError");
        PickledValues.Section s = PickledValues.dataSection(py2);
        assertThatThrownBy(() -> PickleReader.read(s.pickle(), s.offset(), PickleLimits.DEFAULT, Python2Strings.ASCII))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("ASCII").hasMessageContaining("0xe4");
    }

    @Test
    void scipySparseMatricesInAnNpzGiveTheirStateArrays() throws IOException {
        assumeTrue(manifest.path("scipy").asBoolean(), "scipy is not importable in the fixture runtime");
        Path sparseDir = NumpyFixtures.outputDir("object-arrays-sparse");
        numpy.produce("pickled", sparseDir, Map.of("files", Map.of("sparse.npz",
                "{'csr': scipy.sparse.csr_matrix(np.array([[0, 1.5], [2, 0]])),"
                        + " 'csc': scipy.sparse.csc_array(np.eye(3, dtype='<f4')),"
                        + " 'coo': scipy.sparse.coo_matrix(([1, 2], ([0, 1], [1, 0])), shape=(2, 2))}")));
        Path npz = sparseDir.resolve("sparse.npz");
        compareWithNumpy(List.of(npz), Python2Strings.ASCII, "ASCII");
    }

    @Test
    void javaWrittenObjectArraysLoadInNumpyAsTheSameValues() throws IOException {
        java.nio.ByteBuffer f8 = java.nio.ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            f8.putDouble(i * 1.5);
        }
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("k", List.of(1L, "v"));
        dict.put(PyTuple.of(1L, 2L), null);
        dict.put(7L, new byte[] {1, 2});
        List<Object> elements = new ArrayList<>(List.of("ünïcödé 日本", "\ud800 lone", new byte[] {0, (byte) 0xff},
                Long.MAX_VALUE, Long.MIN_VALUE, 255L, 65536L, -1L, java.math.BigInteger.TWO.pow(100).negate(), -0.0,
                Double.NaN, Double.NEGATIVE_INFINITY, 5e-324, true, false, PyTuple.of(), PyTuple.of(1L, "a"),
                PyTuple.of(1L, 2L, 3L, 4L), List.of(), List.of(List.of(List.of())), dict, new PyComplex(1.5, -0.0),
                new PickledArray("<f8", new long[] {2, 3}, true, f8.array(), null, false, null),
                new PickledArray("|O", new long[] {2}, false, null, java.util.Arrays.asList(1L, null), false, null),
                new PickledArray("<U2", new long[] {1}, false, new byte[] {'a', 0, 0, 0, 'b', 0, 0, 0}, null, false, null),
                new PickledArray("<f4", new long[0], false, new byte[] {0, 0, (byte) 0xc0, 0x3f}, null, true, null),
                new PickledArray("|b1", new long[] {0}, false, new byte[0], null, false, null),
                new NumpyDType("<M8[10ms]"), new NumpyDType("|S3")));
        elements.add(null);
        elements.add("x".repeat(70_000));
        List<Object> many = new ArrayList<>();
        for (long i = 0; i < 2500; i++) {
            many.add(i * i);
        }
        elements.add(many);
        Path out = NumpyFixtures.outputDir("object-arrays-java").resolve("java.npy");
        byte[] pickle = PickleWriter.objectArray(new long[] {elements.size()}, false, elements);
        Files.write(out, LongDoublesTest.npy("{'descr': '|O', 'fortran_order': False, 'shape': (" + elements.size()
                + ",), }", pickle));
        JsonNode numpySaw = numpy.report("object-elements", List.of(out), Map.of()).get(0);
        assertThat(numpySaw.has("error")).as(numpySaw.toString()).isFalse();
        PickledArray written = new PickledArray("|O", new long[] {elements.size()}, false, null, elements, false, null);
        assertSame("numpy loads what Java wrote", written, numpySaw.path("value"));
        assertSame("the reader reads what the writer wrote", read(PickledValues.dataSection(out), Python2Strings.ASCII),
                numpySaw.path("value"));
    }

    @Test
    void thePublicApiReadsEveryObjectArrayAsNumpyLoadsItAndRefusesThemByDefault() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : FILES.keySet()) {
            if (name.endsWith(".npy")) {
                files.add(dir.resolve(name));
            }
        }
        List<JsonNode> numpySaw = numpy.report("object-elements", files, Map.of("encoding", "ASCII"));
        NpyLimits objects = NpyLimits.DEFAULT.withObjectArrays(true);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            NpyArray read = Npy.read(file, objects);
            assertThat(PickledValues.normalizePublic(PickledValues.describe(read)).toPrettyString()).as(file.toString())
                    .isEqualTo(PickledValues.normalizePublic(numpySaw.get(i).path("value")).toPrettyString());
            assertThatThrownBy(() -> Npy.read(file)).as("numpy's allow_pickle=False default")
                    .isInstanceOf(NpyLimitException.class).hasMessageContaining(file.toString());
            // The header is there for anyone who asks, whatever the limits.
            assertThat(Npy.readHeader(file).dtype().hasObjects()).isTrue();
        }
    }

    @Test
    void arraysBuiltFromJavaValuesLoadInNumpyAsThoseValues() throws IOException {
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("k", List.of(1L, "v"));
        dict.put(PyTuple.of(1L, 2L), null);
        List<Object> elements = new ArrayList<>(List.of("ünïcödé 日本", new byte[] {0, (byte) 0xff},
                Long.MIN_VALUE, java.math.BigInteger.TWO.pow(100), -0.0, Double.NaN, true, PyTuple.of(1L, "a"),
                List.of(List.of()), dict, new PyComplex(1.5, -2),
                NpyArray.of(new double[] {0, 1.5, 3, 4.5, 6, 7.5}, 2, 3).toFortranOrder(),
                NpyArray.ofObjects(java.util.Arrays.asList(1L, null)), NpyArray.ofStrings(new String[] {"a", "b"}),
                DType.parse("<M8[10ms]")));
        elements.add(null);
        NpyArray built = NpyArray.ofObjects(elements, 4, 4);
        Path out = NumpyFixtures.outputDir("object-arrays-public").resolve("built.npy");
        Npy.write(out, built);
        JsonNode numpySaw = numpy.report("object-elements", List.of(out), Map.of()).get(0);
        assertThat(numpySaw.has("error")).as(numpySaw.toString()).isFalse();
        assertThat(PickledValues.normalizePublic(PickledValues.describe(built)).toPrettyString())
                .isEqualTo(PickledValues.normalizePublic(numpySaw.path("value")).toPrettyString());
        assertThat(Npy.read(out, NpyLimits.DEFAULT.withObjectArrays(true))).isEqualTo(built);
    }

    /** Reads every file (every npz member) in Java and compares it with numpy's description. */
    private static void compareWithNumpy(List<Path> files, Python2Strings strings, String encoding) throws IOException {
        List<JsonNode> numpySaw = numpy.report("object-elements", files, Map.of("encoding", encoding));
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            JsonNode expected = numpySaw.get(i);
            assertThat(expected.has("error")).as("numpy loads %s: %s", file, expected).isFalse();
            if (file.toString().endsWith(".npz")) {
                Map<String, byte[]> members = PickledValues.members(file);
                assertThat(PickledValues.sortedKeys(members))
                        .isEqualTo(PickledValues.sortedKeys(toMap(expected.path("entries"))));
                for (Map.Entry<String, byte[]> m : members.entrySet()) {
                    JsonNode numpyValue = expected.path("entries").path(m.getKey());
                    if (!numpyValue.path("ndarray").has("objects")) {
                        continue; // a plain array member: not a pickle
                    }
                    assertSame(file + ":" + m.getKey(), read(PickledValues.dataSection(m.getValue()), strings),
                            numpyValue);
                }
            } else {
                assertSame(file.toString(), read(PickledValues.dataSection(file), strings), expected.path("value"));
            }
        }
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static Object read(PickledValues.Section s, Python2Strings strings) throws IOException {
        try {
            return PickleReader.read(s.pickle(), s.offset(), PickleLimits.DEFAULT, strings);
        } catch (NpyException e) {
            throw new AssertionError("the pickle reader refused what numpy loads: " + e.getMessage(), e);
        }
    }

    private static void assertSame(String what, Object java, JsonNode numpyValue) {
        assertThat(PickledValues.normalize(PickledValues.describe(java)).toPrettyString()).as(what)
                .isEqualTo(PickledValues.normalize(numpyValue).toPrettyString());
    }
}
