package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.DType;
import org.npyfile.MappedNpyArray;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyWriter;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.Inspection;
import org.npyfile.fixtures.NumpyRuntime;

/** Memory-mapped reads of numpy's files, and growing writes and appends that numpy reads back. */
class GrowMapTest {

    @TestFactory
    Stream<DynamicTest> mappedReadsOfNumpyFilesEqualFullReads() {
        List<Fixture> all = new ArrayList<>(NumpyFixtures.suite("matrix"));
        all.addAll(NumpyFixtures.suite("chunks"));
        return all.stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            NpyArray read = Npy.read(f.file());
            try (MappedNpyArray mapped = Npy.map(f.file())) {
                assertThat(mapped.header()).isEqualTo(Npy.readHeader(f.file()));
                // Slices are C order whatever the layout.
                assertThat(mapped.slice(0, (int) mapped.elementCount()).data()).isEqualTo(read.toCOrder().data());
            }
        }));
    }

    @Test
    void numpyReadsRowsAppendedToItsOwnFileAndAGrowingWrite() throws IOException {
        NumpyRuntime numpy = NumpyFixtures.numpy();
        Fixture source = NumpyFixtures.suite("chunks").stream()
                .filter(f -> f.descr().equals("<f4") && f.shape().length == 1).findFirst().orElseThrow();
        Path dir = NumpyFixtures.outputDir("grow");
        Path appended = Files.copy(source.file(), dir.resolve("appended.npy"), StandardCopyOption.REPLACE_EXISTING);
        float[] extra = {1.5f, Float.NaN, -0f, 1e-40f};
        Npy.append(appended, NpyArray.of(extra));

        Path grown = dir.resolve("growing.npy");
        try (NpyWriter writer = NpyWriter.growing(grown, DType.parse(">i8"), 2, 2)) {
            for (long row = 0; row < 250; row++) {
                writer.write(new long[] {row, -row, row << 40, Long.MIN_VALUE + row}, 0, 4);
            }
        }

        List<Inspection> reports = numpy.inspect(List.of(appended, grown));
        Inspection a = reports.get(0);
        assertThat(a.error()).isNull();
        assertThat(a.shape()).containsExactly(source.shape()[0] + extra.length);
        List<String> expected = new ArrayList<>(source.values());
        for (float v : extra) {
            expected.add(Float.isNaN(v) ? "nan" : Double.toString(v));
        }
        NumpyValues.assertSameText(DType.FLOAT32, a.values(), expected, "appended");
        assertThat(a.identicalToNumpySave()).isTrue();

        Inspection g = reports.get(1);
        assertThat(g.error()).isNull();
        assertThat(g.descr()).isEqualTo(">i8");
        assertThat(g.shape()).containsExactly(250, 2, 2);
        assertThat(g.values().get(4 * 249 + 2)).isEqualTo(Long.toString(249L << 40));
        assertThat(g.identicalToNumpySave()).isTrue();
    }
}
