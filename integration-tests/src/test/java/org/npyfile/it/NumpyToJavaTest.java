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

            // The same bytes through a stream, with no size known in advance.
            try (var in = Files.newInputStream(f.file())) {
                assertThat(Npy.read(in, NpyLimits.DEFAULT)).isEqualTo(array);
            }
        }));
    }
}
