package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyLimits;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.npz.Loaded;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.Numpy;

/**
 * {@link Numpy#load} on files that are neither {@code .npy} nor {@code .npz}, which
 * {@code numpy.load(..., allow_pickle=True)} unpickles: a pickled array (what {@code ndarray.dump}
 * writes) is read, with objects allowed, as the array numpy loads; any other pickled value is refused
 * naming what it holds; without objects allowed, every pickle is refused naming the bytes found.
 */
class NumpyLoadPicklesTest {

    private static final NpzLimits OBJECTS = NpzLimits.of(NpyLimits.DEFAULT.withObjectArrays(true));

    /** name: an expression giving the file's bytes. */
    private static final Map<String, String> ARRAYS = new LinkedHashMap<>();

    static {
        ARRAYS.put("dump-f8.pkl", "np.arange(6.).reshape(2, 3).dumps()");
        ARRAYS.put("dump-fortran.pkl", "np.asfortranarray(np.arange(6, dtype='>i4').reshape(2, 3)).dumps()");
        ARRAYS.put("dump-records.pkl", "np.array([(1, 2.5)], dtype=[('a', '<i2'), ('b', '>f8')]).dumps()");
        ARRAYS.put("dump-strings.pkl", "np.array(['ab', '\u00fc']).dumps()");
        ARRAYS.put("dump-objects.pkl", "objarr('a', [1, 2], None, {'k': 2**70}).dumps()");
        ARRAYS.put("dump-0d.pkl", "np.array(3.5).dumps()");
        ARRAYS.put("protocol-5.pkl", "pickle.dumps(np.arange(4, dtype='<u2'), protocol=5)");
        ARRAYS.put("protocol-0.pkl", "pickle.dumps(np.arange(3, dtype='<f4'), protocol=0)");
    }

    private static NumpyRuntime numpy;
    private static Path dir;

    @BeforeAll
    static void produce() throws IOException {
        var runtime = NumpyRuntime.shared();
        assumeTrue(runtime.isPresent(), () -> "no numpy to test against: " + NumpyRuntime.unavailableReason());
        numpy = runtime.get();
        dir = NumpyFixtures.outputDir("numpy-load-pickles");
        Map<String, String> raw = new LinkedHashMap<>(ARRAYS);
        raw.put("dict.pkl", "pickle.dumps({'a': 1, 'b': np.arange(2)}, protocol=2)");
        raw.put("scalar.pkl", "pickle.dumps(np.float64(1.5), protocol=2)");
        numpy.produce("pickled", dir, Map.of("raw", raw));
    }

    @Test
    void aPickledArrayLoadsAsNumpyLoadsItWhenObjectsAreAllowed() throws IOException {
        List<Path> files = new ArrayList<>();
        ARRAYS.keySet().forEach(name -> files.add(dir.resolve(name)));
        List<JsonNode> numpySaw = numpy.report("object-elements", files, Map.of());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            assertThat(numpySaw.get(i).has("error")).as("numpy loads %s: %s", file, numpySaw.get(i)).isFalse();
            Loaded loaded = Numpy.load(file, OBJECTS);
            assertThat(loaded).as(file.toString()).isInstanceOf(Loaded.Array.class);
            assertThat(PickledValues.normalizePublic(PickledValues.describe(((Loaded.Array) loaded).array()))
                    .toPrettyString()).as(file.toString())
                    .isEqualTo(PickledValues.normalizePublic(numpySaw.get(i).path("value")).toPrettyString());
            assertThatThrownBy(() -> Numpy.load(file)).as("numpy's allow_pickle=False default")
                    .isInstanceOf(NpyFormatException.class).hasMessageStartingWith(file + ": at byte 0: ")
                    .hasMessageContaining("found the bytes ");
        }
    }

    @Test
    void aPickleOfAnythingButAnArrayIsRefusedNamingWhatItHolds() {
        Path dict = dir.resolve("dict.pkl");
        assertThatThrownBy(() -> Numpy.load(dict, OBJECTS)).isInstanceOf(NpyFormatException.class)
                .hasMessage(dict + ": at byte 0: expected a pickled numpy array, such as ndarray.dump writes"
                        + " (numpy.load would return any other pickled object itself, which is no array), found a"
                        + " pickle of a dict");
        Path scalar = dir.resolve("scalar.pkl");
        assertThatThrownBy(() -> Numpy.load(scalar, OBJECTS)).isInstanceOf(NpyFormatException.class)
                .hasMessageEndingWith("found a pickle of a numpy scalar of dtype <f8");
    }
}
