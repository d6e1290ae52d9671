package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.npz.Npz;

/** {@code npy extract}: every entry to DIR/key.npy, and nothing ever outside DIR. */
class ExtractTest {

    private static final byte[] NPY = Npy.toBytes(NpyArray.of(new int[] {1, 2, 3}));

    @TempDir
    Path tmp;

    @Test
    void extractsEveryEntryWithItsValues() throws IOException {
        Path dir = tmp.resolve("out");
        Cli.Result result = Cli.run("extract", Cli.EXAMPLES.resolve("digits.npz"), dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(dir.resolve("images.npy").toString(),
                dir.resolve("labels.npy").toString());
        assertThat(Npy.read(dir.resolve("images.npy"))).isEqualTo(Npy.read(Cli.EXAMPLES.resolve("digits_images.npy")));
        assertThat(Npy.read(dir.resolve("labels.npy"))).isEqualTo(Npy.read(Cli.EXAMPLES.resolve("digits_labels.npy")));
    }

    @Test
    void keysWithSlashesBecomeSubdirectoriesInside() throws IOException {
        Path archive = tmp.resolve("nested.npz");
        Npz.write(archive, Map.of("layer1/weights", NpyArray.of(new float[] {0.5f})));
        Path dir = tmp.resolve("out");
        assertThat(Cli.run("extract", archive, dir).exitCode()).isZero();
        assertThat(Npy.read(dir.resolve("layer1").resolve("weights.npy"))).isEqualTo(NpyArray.of(new float[] {0.5f}));
    }

    @Test
    void refusesEveryNameThatCouldEscapeBeforeWritingAnything() throws IOException {
        Path archive = zip("evil.npz", "good.npy", "../escape.npy", "/etc/absolute.npy", "C:/windows.npy",
                "a/../../up.npy", "./dot.npy");
        Path dir = tmp.resolve("box").resolve("out");

        Cli.Result result = Cli.run("extract", archive, dir);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.err().lines()).containsExactly(
                "npy: " + archive + ": refusing entry '../escape.npy': the name climbs out of the directory with '..'",
                "npy: " + archive + ": refusing entry '/etc/absolute.npy': the name is an absolute path",
                "npy: " + archive + ": refusing entry 'C:/windows.npy': the name starts with a drive letter",
                "npy: " + archive + ": refusing entry 'a/../../up.npy': the name climbs out of the directory with '..'",
                "npy: " + archive + ": refusing entry './dot.npy': the name has an empty or '.' path component",
                "npy: " + archive + ": nothing extracted");
        assertThat(dir).doesNotExist();
        try (Stream<Path> everything = Files.walk(tmp)) {
            assertThat(everything.filter(p -> p.getFileName().toString().endsWith(".npy") && !p.equals(archive)))
                    .isEmpty();
        }
    }

    @Test
    void refusesBackslashesWhichWindowsReadsAsSeparators() throws IOException {
        Path archive = tmp.resolve("windows.npz");
        Npz.write(archive, Map.of("..\\escape", NpyArray.of(new int[] {1})));
        Cli.Result result = Cli.run("extract", archive, tmp.resolve("out"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.err()).contains("refusing entry '..\\\\escape.npy': the name contains a backslash");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void neverFollowsASymbolicLinkOutOfTheDirectory() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Files.createSymbolicLink(dir.resolve("sub"), outside);
        Path archive = tmp.resolve("linked.npz");
        Npz.write(archive, Map.of("sub/x", NpyArray.of(new int[] {1})));

        Cli.Result result = Cli.run("extract", archive, dir);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.err()).contains("refusing entry 'sub/x.npy'").contains("is a symbolic link");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void neverWritesThroughALinkWhereTheFileWouldGo() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me");
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Files.createSymbolicLink(dir.resolve("x.npy"), victim);
        Path archive = tmp.resolve("linked.npz");
        Npz.write(archive, Map.of("x", NpyArray.of(new int[] {1})));

        Cli.Result result = Cli.run("extract", archive, dir);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(dir.resolve("x.npy"))).isTrue();
    }

    @Test
    void skipsEntriesThatAreNotArrays() throws IOException {
        Path archive = tmp.resolve("mixed.npz");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            write(zip, "x.npy", NPY);
            write(zip, "notes.txt", "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Path dir = tmp.resolve("out");
        Cli.Result result = Cli.run("extract", archive, dir);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(result.err()).contains("skipped entry 'notes.txt': not an npy stream");
        assertThat(Npy.read(dir.resolve("x.npy"))).isEqualTo(NpyArray.of(new int[] {1, 2, 3}));
    }

    @Test
    void anNpyFileIsNotAnArchive() {
        Cli.Result result = Cli.run("extract", Cli.EXAMPLES.resolve("digits_labels.npy"), tmp.resolve("out"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("not an .npz archive");
    }

    /** An archive whose entries all hold the same small npy stream, under any names. */
    private Path zip(String name, String... entries) throws IOException {
        Path archive = tmp.resolve(name);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            for (String entry : List.of(entries)) {
                write(zip, entry, NPY);
            }
        }
        return archive;
    }

    private static void write(ZipArchiveOutputStream zip, String name, byte[] data) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(data.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putArchiveEntry(entry);
        OutputStream out = zip;
        out.write(data);
        zip.closeArchiveEntry();
    }
}
