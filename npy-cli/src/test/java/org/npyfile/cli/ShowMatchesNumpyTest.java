package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.fixtures.Printout;

/**
 * {@code npy show} prints exactly what numpy's {@code repr} prints, and {@code npy show --str} what
 * its {@code str} prints, for every dtype, byte order,
 * memory order and shape of the fixture suites (written by numpy), their structured arrays, and
 * arrays that exercise numpy's layout rules (written by npyfile). numpy prints all of them in one python process.
 */
class ShowMatchesNumpyTest {

    @TempDir
    static Path tmp;

    private static final Map<String, Path> FILES = new LinkedHashMap<>();
    private static Map<Path, Printout> printed;

    @BeforeAll
    static void printEverythingWithNumpyOnce() throws IOException {
        NumpyRuntime numpy = Numpy.printingRuntime();
        for (String suite : List.of("matrix", "records", "chunks", "versions")) {
            for (Fixture f : Numpy.suite(suite)) {
                FILES.put(suite + "/" + f.name(), f.file());
            }
        }
        CustomArrays.write(tmp).forEach((name, file) -> FILES.put("custom/" + name, file));
        FILES.put("examples/digits_images", Cli.EXAMPLES.resolve("digits_images.npy"));
        FILES.put("examples/digits_labels", Cli.EXAMPLES.resolve("digits_labels.npy"));
        printed = new LinkedHashMap<>();
        for (Printout p : numpy.print(new ArrayList<>(FILES.values()))) {
            printed.put(p.file(), p);
        }
    }

    /** Per file: {@code npy show} against numpy's repr, and {@code npy show --str} against its str. */
    private static Stream<DynamicTest> compare(String group) {
        return FILES.entrySet().stream().filter(e -> e.getKey().startsWith(group + "/"))
                .flatMap(e -> Stream.of(
                        DynamicTest.dynamicTest(e.getKey(), () -> {
                            Printout numpy = printed.get(e.getValue());
                            assertThat(numpy.error()).as("numpy loads %s", e.getValue()).isNull();
                            assertShows(numpy.repr(), "show", e.getValue());
                        }),
                        DynamicTest.dynamicTest(e.getKey() + " --str", () -> {
                            Printout numpy = printed.get(e.getValue());
                            assertThat(numpy.error()).as("numpy loads %s", e.getValue()).isNull();
                            assertShows(numpy.str(), "show", "--str", e.getValue());
                        })));
    }

    private static void assertShows(String expected, Object... args) {
        Cli.Result shown = Cli.run(args);
        assertThat(shown.err()).isEmpty();
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).isEqualTo(expected + System.lineSeparator());
    }

    @TestFactory
    Stream<DynamicTest> everyDtypeByteOrderLayoutAndShapeOfTheMatrixSuite() {
        return compare("matrix");
    }

    @TestFactory
    Stream<DynamicTest> structuredArraysOfTheRecordsSuite() {
        return compare("records");
    }

    @TestFactory
    Stream<DynamicTest> summarisedArraysOfTheChunksSuite() {
        return compare("chunks");
    }

    @TestFactory
    Stream<DynamicTest> formatVersionsOneTwoAndThree() {
        return compare("versions");
    }

    @TestFactory
    Stream<DynamicTest> floatScalesRecordsWrappingAndSummaries() {
        return compare("custom");
    }

    @TestFactory
    Stream<DynamicTest> theBundledExamples() {
        return compare("examples");
    }

    @Test
    void anArchiveEntryPrintsAsTheSameArrayInItsOwnFile() {
        Printout images = printed.get(FILES.get("examples/digits_images"));
        Cli.Result shown = Cli.run("show", Cli.EXAMPLES.resolve("digits.npz") + ":images");
        assertThat(shown.out()).isEqualTo(images.repr() + System.lineSeparator());
    }

    @Test
    void aWholeArchivePrintsEveryEntryAfterItsName() {
        Path archive = Cli.EXAMPLES.resolve("digits.npz");
        Cli.Result shown = Cli.run("show", archive);
        String n = System.lineSeparator();
        assertThat(shown.out()).isEqualTo("# " + archive + ":images" + n
                + printed.get(FILES.get("examples/digits_images")).repr() + n + n
                + "# " + archive + ":labels" + n
                + printed.get(FILES.get("examples/digits_labels")).repr() + n);
    }
}
