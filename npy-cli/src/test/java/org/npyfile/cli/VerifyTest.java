package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.NpyArray;
import org.npyfile.npz.Npz;

/** {@code npy verify}: exit code 0 only for intact files, one line per problem otherwise. */
class VerifyTest {

    private static final String N = System.lineSeparator();

    @TempDir
    Path tmp;

    @Test
    void intactFilesAreOk() {
        Path archive = Cli.EXAMPLES.resolve("digits.npz");
        Path labels = Cli.EXAMPLES.resolve("digits_labels.npy");
        Cli.Result result = Cli.run("verify", archive, labels);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEqualTo(archive + ": ok (npz, 2 entries)" + N
                + labels + ": ok (npy 1.0, int64 (200,))" + N);
    }

    @Test
    void everyCorruptEntryOfAnArchiveIsOneLine() throws IOException {
        Path archive = tmp.resolve("two.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("first", NpyArray.of(new double[64]));
        arrays.put("second", NpyArray.of(new long[64]));
        Npz.write(archive, arrays);
        byte[] bytes = Files.readAllBytes(archive);
        corruptDataOf(bytes, 0);
        corruptDataOf(bytes, 1);
        Files.write(archive, bytes);

        Cli.Result result = Cli.run("verify", archive);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        String[] lines = result.out().split(N);
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith(archive + ": entry 'first.npy': ").contains("CRC-32");
        assertThat(lines[1]).startsWith(archive + ": entry 'second.npy': ").contains("CRC-32");
    }

    @Test
    void aDamagedDeflatedArchiveFails() throws IOException {
        byte[] bytes = Files.readAllBytes(Cli.EXAMPLES.resolve("digits.npz"));
        bytes[1500] ^= 0x10;
        Path archive = Files.write(tmp.resolve("digits.npz"), bytes);
        Cli.Result result = Cli.run("verify", archive);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.out()).startsWith(archive + ": entry 'images.npy': ").doesNotContain(": ok");
    }

    @Test
    void aTruncatedNpyIsOneLineNamingWhatIsMissing() throws IOException {
        byte[] bytes = Files.readAllBytes(Cli.EXAMPLES.resolve("digits_labels.npy"));
        Path file = Files.write(tmp.resolve("labels.npy"), Arrays.copyOf(bytes, 1000));
        Cli.Result result = Cli.run("verify", file);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.out()).isEqualTo(file + ": at byte 128: expected 200 elements (1600 bytes for shape"
                + " (200,) of <i8), found only 109 elements (872 bytes) before the end of the input" + N);
    }

    @Test
    void aTruncatedArchiveFails() throws IOException {
        byte[] bytes = Files.readAllBytes(Cli.EXAMPLES.resolve("digits.npz"));
        Path archive = Files.write(tmp.resolve("cut.npz"), Arrays.copyOf(bytes, bytes.length - 30));
        Cli.Result result = Cli.run("verify", archive);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.out()).startsWith(archive + ": ").hasLineCount(1);
    }

    @Test
    void aFileOfAnotherKindIsAProblem() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.npy"), "hello");
        Cli.Result result = Cli.run("verify", file);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.out()).startsWith(file + ": neither an .npy file");
    }

    @Test
    void aMissingFileIsAnErrorOnStderrAndTheOthersAreStillChecked() {
        Path missing = tmp.resolve("missing.npz");
        Path archive = Cli.EXAMPLES.resolve("digits.npz");
        Cli.Result result = Cli.run("verify", missing, archive);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("npy: " + missing + ": no such file or directory" + N);
        assertThat(result.out()).isEqualTo(archive + ": ok (npz, 2 entries)" + N);
    }

    /** Flips a data byte of the n-th stored entry, found after its npy header. */
    private static void corruptDataOf(byte[] archive, int n) {
        int from = 0;
        for (int i = 0; i <= n; i++) {
            from = indexOf(archive, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, from + 1);
        }
        archive[from + 128 + 8] ^= 0x01;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
