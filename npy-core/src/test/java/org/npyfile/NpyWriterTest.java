package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    @TempDir
    Path dir;

    @Test
    void streamedWritesEqualOneShotWrites() throws IOException {
        double[] values = new double[10_007];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i) * 1e6;
        }
        NpyArray array = NpyArray.of(values, 10_007);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpyWriter writer = NpyWriter.of(out, NpyHeader.of(DType.FLOAT64, 10_007))) {
            for (int at = 0; at < values.length; at += 999) {
                writer.write(values, at, Math.min(999, values.length - at));
            }
        }
        assertThat(out.toByteArray()).isEqualTo(Npy.toBytes(array));
    }

    @Test
    void closeRefusesAnIncompleteArrayAndLeavesTheOldFileUntouched() throws IOException {
        Path file = dir.resolve("kept.npy");
        Npy.write(file, NpyArray.of(new int[] {7, 8, 9}));
        byte[] before = Files.readAllBytes(file);

        NpyWriter writer = NpyWriter.open(file, NpyHeader.of(DType.INT32, 4));
        writer.write(new int[] {1, 2, 3}, 0, 3);
        assertThatThrownBy(writer::close)
                .isInstanceOf(NpyShapeException.class)
                .hasMessageContaining("holds 4 elements; only 3 were written");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aFailureInTheCallersCodeLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("kept.npy");
        Npy.write(file, NpyArray.of(new float[] {1f}));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> {
            try (NpyWriter writer = NpyWriter.open(file, NpyHeader.of(DType.FLOAT32, 1000))) {
                writer.write(new float[500], 0, 500);
                throw new IllegalStateException("producer failed");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("producer failed");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void writingAJavaArrayGivesTheSameBytesAsWritingItsNpyArray() throws IOException {
        float[] values = new float[70_007];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 7;
        }
        Path direct = dir.resolve("direct.npy");
        Path wrapped = dir.resolve("wrapped.npy");
        Npy.write(direct, values, 7, 10_001);
        Npy.write(wrapped, NpyArray.of(values, 7, 10_001));
        assertThat(Files.readAllBytes(direct)).isEqualTo(Files.readAllBytes(wrapped));
        assertThat(Npy.read(direct).shape()).containsExactly(7, 10_001);
    }

    @Test
    void writingAJavaArrayRefusesAShapeThatDoesNotHoldItAndLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("kept.npy");
        Npy.write(file, new long[] {1, 2, 3});
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Npy.write(file, new double[5], 2, 3))
                .isInstanceOf(NpyShapeException.class)
                .hasMessageContaining("(2, 3) holds 6 elements, the data has 5");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void refusesMoreElementsThanTheShapeHolds() throws IOException {
        try (NpyWriter writer = NpyWriter.of(new ByteArrayOutputStream(), NpyHeader.of(DType.INT8, 2))) {
            writer.write(new byte[] {1, 2}, 0, 2);
            assertThatThrownBy(() -> writer.write(new byte[] {3}, 0, 1))
                    .isInstanceOf(NpyShapeException.class)
                    .hasMessageContaining("holds 2 elements");
        }
    }

    @Test
    void refusesAJavaTypeThatDoesNotMatchTheDtype() throws IOException {
        NpyWriter writer = NpyWriter.of(new ByteArrayOutputStream(), NpyHeader.of(DType.FLOAT64, 2));
        assertThatThrownBy(() -> writer.write(new float[] {1, 2}, 0, 2))
                .isInstanceOf(NpyTypeException.class).hasMessageContaining("<f8");
        writer.write(new double[] {1, 2}, 0, 2);
        writer.close();
    }

    @Test
    void writesFortranOrderOnlyWhereNumpyWould() {
        assertThat(NpyHeader.of(DType.FLOAT32, true, 5).fortranOrder()).isFalse();
        assertThat(NpyHeader.of(DType.FLOAT32, true, 5, 1).fortranOrder()).isFalse();
        assertThat(NpyHeader.of(DType.FLOAT32, true, 0, 3).fortranOrder()).isFalse();
        assertThat(NpyHeader.of(DType.FLOAT32, true, 2, 3).fortranOrder()).isTrue();
    }

    /**
     * A real full-disk failure part-way: a child JVM whose file size limit ({@code ulimit -f}) is
     * 64 KiB writes a 4 MB array over an existing file; the write fails with the operating
     * system's error, and the old file must be byte-identical with no temporary file left.
     */
    @Test
    void aDiskThatFillsUpPartWayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")),
                "needs /bin/bash to set a file size limit for a child process");
        Path file = dir.resolve("kept.npy");
        Npy.write(file, NpyArray.of(new int[] {1, 2, 3}));
        byte[] before = Files.readAllBytes(file);
        for (String mode : new String[] {"oneShot", "streamed"}) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = "ulimit -f 64; exec '" + java + "' -XX:-UsePerfData -cp '"
                    + System.getProperty("java.class.path") + "' '" + WriteBig.class.getName() + "' " + mode + " '" + file + "'";
            Process process = new ProcessBuilder("/bin/bash", "-c", command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            assertThat(output).as(mode).contains("failed: java.io.IOException").contains("File too large");
            assertThat(Files.readAllBytes(file)).as(mode).isEqualTo(before);
            try (var listing = Files.list(dir)) {
                assertThat(listing).as(mode).containsExactly(file);
            }
        }
    }

    /** Child JVM: writes 4 MB over the given file, one-shot or streamed, and reports the outcome. */
    public static final class WriteBig {
        public static void main(String[] args) {
            Path target = Path.of(args[1]);
            try {
                if (args[0].equals("oneShot")) {
                    Npy.write(target, NpyArray.of(new double[1 << 19]));
                } else {
                    try (NpyWriter writer = NpyWriter.open(target, NpyHeader.of(DType.FLOAT64, 1 << 19))) {
                        double[] chunk = new double[1000];
                        for (long left = 1 << 19; left > 0; left -= chunk.length) {
                            writer.write(chunk, 0, (int) Math.min(chunk.length, left));
                        }
                    }
                }
                System.out.println("wrote");
            } catch (IOException e) {
                System.out.println("failed: " + e);
            }
        }
    }

    @Test
    void aRefusedStringWriteLeavesNoBytesBehind() throws IOException {
        // Found in review: the bad string's first bytes stayed in the buffer and corrupted the file.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpyWriter writer = NpyWriter.of(out, NpyHeader.of(DType.bytes(2), 2))) {
            assertThatThrownBy(() -> writer.write(new String[] {"ok", "\u00e9\u20ac"}, 0, 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+00FF");
            writer.write(new String[] {"ok", "ab"}, 0, 2);
        }
        assertThat(out.toByteArray()).isEqualTo(Npy.toBytes(NpyArray.ofStrings(DType.bytes(2), new String[] {"ok", "ab"})));
    }

    @Test
    void newFilesGetTheUmasksPermissionsAndReplacedFilesKeepTheirs() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class),
                "needs POSIX file permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = dir.resolve("new.npy");
        Npy.write(file, NpyArray.of(new int[] {1}));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));

        var custom = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, custom);
        Npy.write(file, NpyArray.of(new int[] {2}));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(custom);

        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), file);
        Npy.write(link, NpyArray.of(new int[] {3}));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Npy.read(file).asIntArray()).containsExactly(3);
    }
}
