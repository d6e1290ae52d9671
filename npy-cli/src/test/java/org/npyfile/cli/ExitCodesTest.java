package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error lines: 0 done, 1 a check failed, 2 usage error, 3 I/O or format error. */
class ExitCodesTest {

    private static final String N = System.lineSeparator();

    @TempDir
    Path tmp;

    @Test
    void helpListsEveryCommandAndExitCode() {
        Cli.Result result = Cli.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("info", "show", "stats", "verify", "convert", "extract", "pack")
                .contains("Exit codes:", "  0   done", "  1   a check failed", "  2   usage error", "  3   a file");
        assertThat(Cli.run("verify", "--help").out()).contains("Exit codes:");
        assertThat(Cli.run("--version").out()).startsWith("npy ");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("npy: missing COMMAND").contains("Try 'npy --help'");
    }

    @Test
    void unknownCommandsOptionsAndMissingArgumentsAreUsageErrors() {
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("info", "--frobnicate", "x.npy").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("show").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("show", "--threshold", "many", "x.npy").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result extract = Cli.run("extract", "only-one-argument.npz");
        assertThat(extract.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(extract.err()).contains("Try 'npy extract --help'");
    }

    @Test
    void aMissingFileIsOneLineNamingItWithoutAStackTrace() {
        Path missing = tmp.resolve("nope.npy");
        Cli.Result result = Cli.run("show", missing);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("npy: " + missing + ": no such file or directory" + N);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void debugAddsTheStackTrace() {
        Path missing = tmp.resolve("nope.npy");
        Cli.Result result = Cli.run("show", "--debug", missing);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("npy: " + missing + ": no such file or directory" + N)
                .contains("java.nio.file.NoSuchFileException", "\tat ");
        assertThat(Cli.run("--debug", "show", missing).err()).contains("\tat ");
    }

    @Test
    void aFileOfAnotherKindIsAFormatError() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Cli.Result result = Cli.run("stats", text);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("npy: " + text + ": neither an .npy file (magic \\x93NUMPY) nor an"
                + " .npz archive (ZIP signature PK\\x03\\x04): a file starting with 0x68656c6c6f" + N);
    }

    @Test
    void aMalformedHeaderNamesTheByteAndWhatWasExpected() throws IOException {
        byte[] bytes = Files.readAllBytes(Cli.EXAMPLES.resolve("digits_labels.npy"));
        bytes[6] = 9;
        Path file = Files.write(tmp.resolve("v9.npy"), bytes);
        Cli.Result result = Cli.run("info", file);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("npy: " + file + ": at byte 6: expected").hasLineCount(1);
    }

    @Test
    void anEntryOfAnNpyFileIsAUsageErrorAndAMissingEntryAnError() {
        Path npy = Cli.EXAMPLES.resolve("digits_labels.npy");
        assertThat(Cli.run("show", npy + ":x").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result missing = Cli.run("show", Cli.EXAMPLES.resolve("digits.npz") + ":nope");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("no entry 'nope' in the archive; its keys are [images, labels]");
    }

    @Test
    void statsOfStringsIsAnError() throws IOException {
        Path strings = tmp.resolve("s.npy");
        org.npyfile.Npy.write(strings, org.npyfile.NpyArray.ofStrings(new String[] {"a"}));
        Cli.Result result = Cli.run("stats", strings);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("stats needs a bool, integer or float array; this one holds <U1");
    }
}
