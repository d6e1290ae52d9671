package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyWriter;
import org.npyfile.internal.ArrayToFile;

/**
 * Writes of Java arrays large enough to go from the array straight into the file: on Java 22+
 * with native access enabled (this module's test JVM has it) through {@code pwrite(2)} on the
 * array's memory, elsewhere through the writer's direct buffer. numpy must read exactly the values
 * written, whichever way they went, also when small and large writes alternate in one file, and a
 * failure part-way must leave the old file as it was.
 */
class ArrayWritesTest {

    /** Elements per file: more than the 64 KiB from which a write goes in place, for every type. */
    private static final int COUNT = 100_003;
    /** The writes one file is made of: a small one (buffered), then large and small ones. */
    private static final int[] PIECES = {7, 70_000, 3, COUNT - 70_010};

    @TempDir
    Path dir;

    /** The test value of element i of every file, and minus it for an imaginary part. */
    private static int value(int i) {
        return i % 251 - 125;
    }

    @Test
    void writesFromArraysGoInPlaceOnJava22WithNativeAccessOnLinux() throws IOException {
        Path file = Files.createFile(dir.resolve("probe"));
        boolean expected = NativeAccess.enabled();
        try (ArrayToFile out = ArrayToFile.open(file)) {
            assertThat(out != null).as("in-place writes on Java %s", Runtime.version()).isEqualTo(expected);
        }
    }

    @Test
    void numpyReadsWhatEveryArrayTypeWroteInPiecesOfEverySize() throws IOException {
        Map<Path, String> expected = new LinkedHashMap<>();
        for (String descr : new String[] {"|i1", "<i2", ">i2", "<i4", ">i4", "<i8", "<f4", ">f4", "<c8", "<f8", ">f8",
            "<c16"}) {
            Path file = dir.resolve("pieces" + descr.replace('|', 'n').replace('<', 'l').replace('>', 'b') + ".npy");
            DType dtype = DType.parse(descr);
            try (NpyWriter writer = NpyWriter.open(file, NpyHeader.of(dtype, COUNT))) {
                int from = 0;
                for (int piece : PIECES) {
                    writePiece(writer, dtype, from, piece);
                    from += piece;
                }
            }
            expected.put(file, summary(descr, dtype.kind() == DType.Kind.COMPLEX));
        }
        float[] whole = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            whole[i] = value(i);
        }
        Path oneShot = dir.resolve("oneShot.npy");
        Npy.write(oneShot, NpyArray.of(whole));
        expected.put(oneShot, summary("<f4", false));
        Path existing = dir.resolve("existing.npy");
        Npy.write(existing, NpyArray.of(new int[] {1, 2, 3}));
        Npy.write(existing, NpyArray.of(whole));
        expected.put(existing, summary("<f4", false));

        // Npy.write(path, values, shape...): one call per Java array type, no NpyArray in between
        byte[] bytes = new byte[COUNT];
        short[] shorts = new short[COUNT];
        int[] ints = new int[COUNT];
        long[] longs = new long[COUNT];
        double[] doubles = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            bytes[i] = (byte) value(i);
            shorts[i] = (short) value(i);
            ints[i] = value(i);
            longs[i] = value(i);
            doubles[i] = value(i);
        }
        Map<String, Path> direct = new LinkedHashMap<>();
        direct.put("|i1", dir.resolve("direct-i1.npy"));
        direct.put("<i2", dir.resolve("direct-i2.npy"));
        direct.put("<i4", dir.resolve("direct-i4.npy"));
        direct.put("<i8", dir.resolve("direct-i8.npy"));
        direct.put("<f4", dir.resolve("direct-f4.npy"));
        direct.put("<f8", dir.resolve("direct-f8.npy"));
        Npy.write(direct.get("|i1"), bytes);
        Npy.write(direct.get("<i2"), shorts);
        Npy.write(direct.get("<i4"), ints, COUNT);
        Npy.write(direct.get("<i8"), longs);
        Npy.write(direct.get("<f4"), whole);
        Npy.write(direct.get("<f8"), doubles, COUNT);
        direct.forEach((descr, file) -> expected.put(file, summary(descr, false)));
        // a shape, and a file that existed
        Path matrix = dir.resolve("direct-matrix.npy");
        Npy.write(matrix, new int[] {9});
        Npy.write(matrix, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, 4);
        expected.put(matrix, "[\"<f4\",[3,4]," + weightedOneToTwelve() + ",0]");
        boolean[] flags = new boolean[COUNT];
        for (int i = 0; i < COUNT; i++) {
            flags[i] = value(i) > 0;
        }
        Path bools = dir.resolve("direct-b1.npy");
        Npy.write(bools, flags);
        long weightedFlags = 0;
        for (int i = 0; i < COUNT; i++) {
            weightedFlags += flags[i] ? i + 1 : 0;
        }
        expected.put(bools, "[\"|b1\",[" + COUNT + "]," + weightedFlags + ",0]");

        List<Path> files = new ArrayList<>(expected.keySet());
        List<JsonNode> seen = NumpyFixtures.numpy().report("eval", files, Map.of("expr",
                "[a.dtype.str, list(a.shape), int((a.real.astype('i8').ravel() * np.arange(1, a.size + 1)).sum()),"
                        + " int((a.imag.astype('i8').ravel() * np.arange(1, a.size + 1)).sum())]"));
        for (int i = 0; i < files.size(); i++) {
            assertThat(seen.get(i).path("value").toString()).as(files.get(i).getFileName().toString())
                    .isEqualTo(expected.get(files.get(i)));
        }
    }

    /** The weighted sum numpy's expression makes of the values 1 to 12: sum of i * i. */
    private static long weightedOneToTwelve() {
        long sum = 0;
        for (int i = 1; i <= 12; i++) {
            sum += (long) i * i;
        }
        return sum;
    }

    /** What numpy's expression above must print for a file of test values. */
    private static String summary(String descr, boolean complex) {
        long weighted = 0;
        for (int i = 0; i < COUNT; i++) {
            weighted += (long) value(i) * (i + 1);
        }
        return "[\"" + descr + "\",[" + COUNT + "]," + weighted + "," + (complex ? -weighted : 0) + "]";
    }

    /** Writes elements {@code from} to {@code from + n} of the test values with the array type of the dtype. */
    private static void writePiece(NpyWriter writer, DType dtype, int from, int n) throws IOException {
        boolean complex = dtype.kind() == DType.Kind.COMPLEX;
        int scalar = complex ? dtype.itemSize() / 2 : dtype.itemSize();
        int values = complex ? 2 * n : n;
        // Offsets into a larger array: in-place writes must start at the offset, not at index 0.
        int pad = 5;
        switch (dtype.kind()) {
            case FLOAT, COMPLEX -> {
                if (scalar == 4) {
                    float[] v = new float[pad + values];
                    for (int k = 0; k < values; k++) {
                        v[pad + k] = scalarValue(from, k, complex);
                    }
                    writer.write(v, pad, values);
                } else {
                    double[] v = new double[pad + values];
                    for (int k = 0; k < values; k++) {
                        v[pad + k] = scalarValue(from, k, complex);
                    }
                    writer.write(v, pad, values);
                }
            }
            default -> {
                long[] v = new long[values];
                for (int k = 0; k < values; k++) {
                    v[k] = scalarValue(from, k, false);
                }
                switch (scalar) {
                    case 1 -> {
                        byte[] b = new byte[pad + values];
                        for (int k = 0; k < values; k++) {
                            b[pad + k] = (byte) v[k];
                        }
                        writer.write(b, pad, values);
                    }
                    case 2 -> {
                        short[] s = new short[pad + values];
                        for (int k = 0; k < values; k++) {
                            s[pad + k] = (short) v[k];
                        }
                        writer.write(s, pad, values);
                    }
                    case 4 -> {
                        int[] s = new int[pad + values];
                        for (int k = 0; k < values; k++) {
                            s[pad + k] = (int) v[k];
                        }
                        writer.write(s, pad, values);
                    }
                    default -> {
                        long[] s = new long[pad + values];
                        System.arraycopy(v, 0, s, pad, values);
                        writer.write(s, pad, values);
                    }
                }
            }
        }
    }

    /** Value k of a piece starting at element {@code from}: interleaved real and imaginary parts if complex. */
    private static int scalarValue(int from, int k, boolean complex) {
        if (!complex) {
            return value(from + k);
        }
        int v = value(from + k / 2);
        return k % 2 == 0 ? v : -v;
    }

    /**
     * A real failure part-way through an in-place write: a child JVM (native access enabled, like
     * this one) whose file size limit is 64 KiB writes 4 MB over an existing file; the write fails
     * with the system's message, the old file stays byte-identical and no temporary file is left.
     */
    @Test
    void aWriteThatFailsPartWayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs /bin/bash to set a file size limit for a child process");
        Path file = dir.resolve("kept.npy");
        Npy.write(file, NpyArray.of(new int[] {1, 2, 3}));
        byte[] before = Files.readAllBytes(file);
        for (String mode : new String[] {"oneShot", "streamed"}) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = "ulimit -f 64; exec '" + java + "' --enable-native-access=ALL-UNNAMED -XX:-UsePerfData -cp '"
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

    /** Child JVM: writes 4 MB over the given file from one array, one-shot or streamed, and reports the outcome. */
    public static final class WriteBig {
        public static void main(String[] args) {
            Path target = Path.of(args[1]);
            double[] values = new double[1 << 19];
            try {
                if (args[0].equals("oneShot")) {
                    Npy.write(target, NpyArray.of(values));
                } else {
                    try (NpyWriter writer = NpyWriter.open(target,
                            NpyHeader.of(DType.FLOAT64.withByteOrder(ByteOrder.nativeOrder()), values.length))) {
                        writer.write(values, 0, values.length);
                    }
                }
                System.out.println("wrote");
            } catch (IOException e) {
                System.out.println("failed: " + e);
            }
        }
    }
}
