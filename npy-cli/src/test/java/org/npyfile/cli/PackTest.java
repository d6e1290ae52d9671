package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;

/** {@code npy pack}: .npy files into an archive keyed by file name. */
class PackTest {

    @TempDir
    Path tmp;

    @Test
    void packsFilesUnderTheirNamesWithoutNpy() throws IOException {
        Path images = Cli.EXAMPLES.resolve("digits_images.npy");
        Path labels = Cli.EXAMPLES.resolve("digits_labels.npy");
        Path archive = tmp.resolve("digits.npz");

        Cli.Result result = Cli.run("pack", images, labels, "-o", archive);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith(archive + ": 2 arrays [digits_images, digits_labels], stored, ");
        try (NpzFile npz = NpzFile.open(archive)) {
            assertThat(npz.names()).containsExactly("digits_images", "digits_labels");
            assertThat(npz.entries()).extracting(NpzEntry::method).containsOnly(NpzEntry.Method.STORED);
            assertThat(npz.read("digits_images")).isEqualTo(Npy.read(images));
            assertThat(npz.read("digits_labels")).isEqualTo(Npy.read(labels));
        }
        assertThat(Cli.run("verify", archive).exitCode()).isZero();
    }

    @Test
    void compressedArchivesAreDeflatedAndKeepFortranOrder() throws IOException {
        NpyArray fortran = NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).toFortranOrder();
        Path file = tmp.resolve("m.npy");
        Npy.write(file, fortran);
        Path archive = tmp.resolve("m.npz");

        assertThat(Cli.run("pack", "--compressed", file, "-o", archive).exitCode()).isZero();

        try (NpzFile npz = NpzFile.open(archive)) {
            assertThat(npz.entry("m").method()).isEqualTo(NpzEntry.Method.DEFLATED);
            assertThat(npz.read("m")).isEqualTo(fortran);
        }
    }

    @Test
    void twoFilesOfTheSameNameAreAUsageError() throws IOException {
        Path a = Files.createDirectory(tmp.resolve("a")).resolve("x.npy");
        Path b = Files.createDirectory(tmp.resolve("b")).resolve("x.npy");
        Npy.write(a, NpyArray.of(new int[] {1}));
        Npy.write(b, NpyArray.of(new int[] {2}));
        Cli.Result result = Cli.run("pack", a, b, "-o", tmp.resolve("x.npz"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("two files would have the key 'x'");
        assertThat(tmp.resolve("x.npz")).doesNotExist();
    }

    @Test
    void theOutputIsRequiredAndOnlyNpyFilesArePacked() {
        assertThat(Cli.run("pack", Cli.EXAMPLES.resolve("digits_labels.npy")).exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result archive = Cli.run("pack", Cli.EXAMPLES.resolve("digits.npz"), "-o", tmp.resolve("y.npz"));
        assertThat(archive.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(archive.err()).contains("an .npz archive, not an .npy file");
        assertThat(tmp.resolve("y.npz")).doesNotExist();
    }
}
