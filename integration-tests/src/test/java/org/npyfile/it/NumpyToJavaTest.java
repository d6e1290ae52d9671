package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimits;
import org.npyfile.fixtures.Fixture;

/** Files numpy wrote, read by npyfile: dtype, shape, order, version and every value as numpy reports them. */
class NumpyToJavaTest {

    @TestFactory
    Stream<DynamicTest> readsEveryFileNumpyWrote() {
        List<Fixture> all = new ArrayList<>();
        for (String suite : List.of("matrix", "versions", "large", "chunks")) {
            all.addAll(NumpyFixtures.suite(suite));
        }
        return all.stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            NpyHeader header = Npy.readHeader(f.file());
            assertThat(header.dtype().descr()).isEqualTo(f.descr());
            assertThat(header.shape()).containsExactly(f.shape());
            assertThat(header.fortranOrder()).isEqualTo(f.fortranOrder());
            assertThat(header.majorVersion()).isEqualTo(f.majorVersion());
            assertThat(header.minorVersion()).isEqualTo(f.minorVersion());

            NpyArray array = Npy.read(f.file());
            assertThat(array.dtype().descr()).isEqualTo(f.descr());
            assertThat(array.shape()).containsExactly(f.shape());
            assertThat(array.fortranOrder()).isEqualTo(f.fortranOrder());
            NumpyValues.assertMatches(array, f.values(), f.name());

            // Straight into a typed array: the exact accessor's values, in file order.
            Class<?> typed = switch (array.dtype().kind()) {
                case BOOL -> boolean[].class;
                case FLOAT -> array.dtype().itemSize() == 8 ? double[].class : float[].class;
                case COMPLEX -> array.dtype().itemSize() == 16 ? double[].class : float[].class;
                case BYTES, UNICODE -> String[].class;
                case DATETIME, TIMEDELTA -> long[].class;
                default -> switch (array.dtype().itemSize()) {
                    case 1 -> byte[].class;
                    case 2 -> short[].class;
                    case 4 -> int[].class;
                    default -> long[].class;
                };
            };
            Object direct = Npy.read(f.file(), typed);
            Object viaArray = switch (typed.getSimpleName()) {
                case "boolean[]" -> array.asBooleanArray();
                case "byte[]" -> array.asByteArray();
                case "short[]" -> array.asShortArray();
                case "int[]" -> array.asIntArray();
                case "long[]" -> array.asLongArray();
                case "float[]" -> array.asFloatArray();
                case "double[]" -> array.asDoubleArray();
                default -> array.asStringArray();
            };
            assertThat(java.util.Objects.deepEquals(direct, viaArray)).as("Npy.read(path, %s)", typed.getSimpleName())
                    .isTrue();

            // The same bytes through a stream, with no size known in advance.
            try (var in = Files.newInputStream(f.file())) {
                assertThat(Npy.read(in, NpyLimits.DEFAULT)).isEqualTo(array);
            }
        }));
    }
}
