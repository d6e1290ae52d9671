package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.Inspection;
import org.npyfile.fixtures.NumpyRuntime;

/**
 * Structured arrays against numpy in both directions: flat, padded, nested, sub-array, titled,
 * offset, big-endian, latin-1 and non-latin-1 records, in C and Fortran order. numpy's canonical
 * text of a record is the JSON list of its leaf values, depth first.
 */
class RecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One leaf value: its dtype (for how to compare) and its canonical text. */
    private record Leaf(DType dtype, String text) { }

    @TestFactory
    Stream<DynamicTest> readsEveryRecordArrayNumpyWrote() {
        return NumpyFixtures.suite("records").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            NpyArray array = Npy.read(f.file());
            assertThat(array.dtype().descr()).as("descr as numpy prints dtype.descr").isEqualTo(f.descr());
            assertThat(array.shape()).containsExactly(f.shape());
            assertThat(array.fortranOrder()).isEqualTo(f.fortranOrder());
            assertThat(Npy.readHeader(f.file()).majorVersion()).isEqualTo(f.majorVersion());
            List<List<Leaf>> ours = leaves(array.toCOrder());
            assertThat(ours).hasSize(f.values().size());
            for (int i = 0; i < ours.size(); i++) {
                List<String> numpy = JSON.readValue(f.values().get(i), new TypeReference<List<String>>() { });
                List<Leaf> record = ours.get(i);
                assertThat(record).as("%s[%d] leaf count", f.name(), i).hasSameSizeAs(numpy);
                for (int k = 0; k < record.size(); k++) {
                    Leaf leaf = record.get(k);
                    NumpyValues.assertSameText(leaf.dtype(), List.of(numpy.get(k)), List.of(leaf.text()),
                            f.name() + "[" + i + "] leaf " + k);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> recordArraysBuiltFromColumnsAreByteIdenticalToNumpySave() throws Exception {
        NumpyRuntime numpy = NumpyFixtures.numpy();
        Path dir = NumpyFixtures.outputDir("records");
        List<Fixture> fixtures = NumpyFixtures.suite("records");
        Map<Path, Fixture> written = new LinkedHashMap<>();
        for (Fixture f : fixtures) {
            NpyArray read = Npy.read(f.file());
            NpyArray c = read.toCOrder();
            Map<String, NpyArray> columns = new LinkedHashMap<>();
            for (DType.Field field : c.dtype().fields()) {
                columns.put(field.name(), c.field(field.name()));
            }
            NpyArray rebuilt = NpyArray.ofRecords(c.dtype(), c.shape(), columns);
            if (f.fortranOrder()) {
                rebuilt = rebuilt.toFortranOrder();
            }
            Path file = dir.resolve(f.name() + ".npy");
            Npy.write(file, rebuilt);
            written.put(file, f);
        }
        List<Inspection> reports = numpy.inspect(new ArrayList<>(written.keySet()));
        return reports.stream().map(r -> DynamicTest.dynamicTest(r.file().getFileName().toString(), () -> {
            Fixture f = written.get(r.file());
            assertThat(r.error()).isNull();
            assertThat(r.descr()).isEqualTo(f.descr());
            assertThat(r.values()).isEqualTo(f.values());
            assertThat(Files.readAllBytes(r.file())).as("byte-identical to numpy's own file")
                    .isEqualTo(Files.readAllBytes(f.file()));
            assertThat(r.identicalToNumpySave()).isTrue();
        }));
    }

    /** Per record of a C-order record array, its leaf values depth first, sub-arrays in C order. */
    private static List<List<Leaf>> leaves(NpyArray records) throws NpyException {
        int n = (int) records.elementCount();
        List<List<Leaf>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (DType.Field field : records.dtype().fields()) {
            NpyArray column = records.field(field.name());
            int per = (int) field.elementCount();
            if (field.dtype().kind() == DType.Kind.RECORD) {
                List<List<Leaf>> inner = leaves(column.reshape((long) n * per));
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < per; k++) {
                        out.get(i).addAll(inner.get(i * per + k));
                    }
                }
            } else {
                List<String> texts = NumpyValues.canonical(column);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < per; k++) {
                        out.get(i).add(new Leaf(field.dtype(), texts.get(i * per + k)));
                    }
                }
            }
        }
        return out;
    }
}
