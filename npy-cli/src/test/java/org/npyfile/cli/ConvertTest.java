package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.fixtures.Fixture;

/** {@code npy convert}: CSV both ways, any byte order and layout to little-endian C order, entries to files. */
class ConvertTest {

    @TempDir
    Path tmp;

    /** What converting an array to a plain .npy must give: the same values, little-endian, in C order. */
    private static NpyArray plain(NpyArray array) {
        return array.toCOrder().withByteOrder(ByteOrder.LITTLE_ENDIAN);
    }

    @TestFactory
    Stream<DynamicTest> everyBigEndianOrFortranFixtureBecomesLittleEndianCOrder() {
        List<Fixture> fixtures = new java.util.ArrayList<>(Numpy.suite("matrix"));
        fixtures.addAll(Numpy.suite("records"));
        return fixtures.stream().filter(f -> f.name().contains("_be_") || f.name().contains("_F_"))
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    Path out = tmp.resolve(f.name() + ".npy");
                    Cli.Result result = Cli.run("convert", f.file(), out);
                    assertThat(result.exitCode()).as(result.err()).isZero();
                    NpyArray converted = Npy.read(out);
                    assertThat(converted.fortranOrder()).isFalse();
                    assertThat(converted.dtype().byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
                    assertThat(converted).isEqualTo(plain(Npy.read(f.file())));
                }));
    }

    @TestFactory
    Stream<DynamicTest> numericFixturesRoundTripThroughCsv() {
        List<Fixture> fixtures = new java.util.ArrayList<>(Numpy.suite("matrix"));
        fixtures.addAll(Numpy.suite("chunks"));
        return fixtures.stream().filter(f -> "biuf".indexOf(f.descr().charAt(1)) >= 0 && f.shape().length <= 2)
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    Path csv = tmp.resolve(f.name() + ".csv");
                    Path back = tmp.resolve(f.name() + ".npy");
                    Cli.Result there = Cli.run("convert", f.file(), csv);
                    assertThat(there.exitCode()).as(there.err()).isZero();
                    Cli.Result again = Cli.run("convert", csv, back);
                    assertThat(again.exitCode()).as(again.err()).isZero();
                    assertThat(Npy.read(back)).isEqualTo(plain(Npy.read(f.file())));
                }));
    }

    @Test
    void csvHoldsOneRowPerLineAndTheShortestFloatText() throws IOException {
        Path file = tmp.resolve("m.npy");
        Npy.write(file, NpyArray.of(new float[] {0.1f, -0f, Float.NaN, Float.NEGATIVE_INFINITY, 1e-5f, 3e38f}, 2, 3));
        Path csv = tmp.resolve("m.csv");
        assertThat(Cli.run("convert", file, csv).exitCode()).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly("# npy: shape=(2, 3), dtype=<f4",
                "0.1,-0.0,nan", "-inf,1e-05,3e+38");
        assertThat(Cli.run("convert", "--no-header", file, csv).exitCode()).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly("0.1,-0.0,nan", "-inf,1e-05,3e+38");
    }

    @Test
    void csvGetsTheUmasksPermissionsAndAReplacedFileKeepsItsOwn() throws IOException {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions are needed; this file system has none");
        Path labels = Cli.EXAMPLES.resolve("digits_labels.npy");
        Path fresh = Files.createFile(tmp.resolve("umask-made"));
        Path csv = tmp.resolve("labels.csv");
        assertThat(Cli.run("convert", labels, csv).exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(Files.getPosixFilePermissions(fresh));

        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(csv, groupReadable);
        assertThat(Cli.run("convert", "--no-header", labels, csv).exitCode()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).doesNotStartWith("#");
        assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(groupReadable);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("umask-made", "labels.csv");
        }
    }

    @Test
    void csvWithoutHeaderGetsItsShapeAndTheNarrowestDtype() throws IOException {
        assertThat(fromCsv("1,2\n3,-4\n")).isEqualTo(NpyArray.of(new long[] {1, 2, 3, -4}, 2, 2));
        assertThat(fromCsv("1.5\n2\n\n# a comment\n")).isEqualTo(NpyArray.of(new double[] {1.5, 2}));
        assertThat(fromCsv("True, False\n")).isEqualTo(NpyArray.of(new boolean[] {true, false}, 1, 2));
        assertThat(fromCsv("nan,-inf,1e300\n")).isEqualTo(NpyArray.of(new double[] {Double.NaN,
            Double.NEGATIVE_INFINITY, 1e300}, 1, 3));
    }

    @Test
    void csvTakesTheDtypeItIsGiven() throws IOException {
        Path csv = Files.writeString(tmp.resolve("in.csv"), "1,2\n3,4\n");
        Path out = tmp.resolve("out.npy");
        assertThat(Cli.run("convert", "--dtype", "float32", csv, out).exitCode()).isZero();
        assertThat(Npy.read(out)).isEqualTo(NpyArray.of(new float[] {1, 2, 3, 4}, 2, 2));
        Files.writeString(csv, "1,300\n");
        Cli.Result tooBig = Cli.run("convert", "--dtype", "int8", csv, out);
        assertThat(tooBig.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(tooBig.err()).contains("line 1: 300 is out of range for int8");
        assertThat(Cli.run("convert", "--dtype", "nonsense", csv, out).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badCsvNamesTheLine() throws IOException {
        Path ragged = Files.writeString(tmp.resolve("ragged.csv"), "1,2\n3\n");
        Cli.Result result = Cli.run("convert", ragged, tmp.resolve("x.npy"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("line 2: expected 2 values like the lines before, found 1");
        Path words = Files.writeString(tmp.resolve("words.csv"), "1,two\n");
        assertThat(Cli.run("convert", words, tmp.resolve("x.npy")).err()).contains("line 1: 'two' is not a number");
        assertThat(tmp.resolve("x.npy")).doesNotExist();
    }

    @Test
    void anArchiveEntryBecomesAnNpyFile() throws IOException {
        Path out = tmp.resolve("labels.npy");
        Cli.Result result = Cli.run("convert", Cli.EXAMPLES.resolve("digits.npz") + ":labels", out);
        assertThat(result.exitCode()).isZero();
        assertThat(Npy.read(out)).isEqualTo(Npy.read(Cli.EXAMPLES.resolve("digits_labels.npy")));
        Cli.Result ambiguous = Cli.run("convert", Cli.EXAMPLES.resolve("digits.npz"), out);
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("holds 2 arrays [images, labels]");
    }

    @Test
    void whatCsvCannotHoldIsRefused() throws IOException {
        Path strings = tmp.resolve("s.npy");
        Npy.write(strings, NpyArray.ofStrings(new String[] {"a"}));
        assertThat(Cli.run("convert", strings, tmp.resolve("s.csv")).err())
                .contains("CSV holds bool, integer and float arrays; this one holds <U1");
        assertThat(Cli.run("convert", Cli.EXAMPLES.resolve("digits_images.npy"), tmp.resolve("i.csv")).err())
                .contains("CSV holds 0-, 1- and 2-d arrays; this one has shape (200, 8, 8)");
        assertThat(Cli.run("convert", strings, tmp.resolve("s.txt")).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private NpyArray fromCsv(String text) throws IOException {
        Path csv = Files.writeString(tmp.resolve("in.csv"), text);
        Path out = tmp.resolve("in.npy");
        Cli.Result result = Cli.run("convert", csv, out);
        assertThat(result.exitCode()).as(result.err()).isZero();
        NpyArray array = Npy.read(out);
        assertThat(array.dtype().byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        return array;
    }
}
