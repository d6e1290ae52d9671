package org.npyfile.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.npyfile.NpyReader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark files made by {@code make_data.py} and their manifest, shared by every case of one
 * benchmark run.
 */
@State(Scope.Benchmark)
public class Inputs {

    /** The folder {@code make_data.py} wrote, with its {@code manifest.properties}. */
    @Param("")
    public String dataDir;

    private Path dir;
    private Path outDir;
    private Properties manifest;

    /**
     * Reads the manifest; fails with a message saying how to make the data if it is missing.
     *
     * @throws IOException if the manifest cannot be read
     */
    @Setup(Level.Trial)
    public void open() throws IOException {
        if (dataDir == null || dataDir.isEmpty()) {
            throw new IllegalStateException("no data folder: pass -p dataDir=DIR (benchmarks/run.sh does)");
        }
        dir = Path.of(dataDir).toAbsolutePath();
        Path manifestFile = dir.resolve("manifest.properties");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalStateException(manifestFile + " is missing: run benchmarks/make_data.py first");
        }
        manifest = new Properties();
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest.load(in);
        }
        if (outDir == null) {
            outDir = dir.resolve("out");
        }
    }

    /** Writes outputs to {@code folder} instead of the data folder's {@code out}: for {@link CheckCases}. */
    void redirectOutputs(Path folder) {
        outDir = folder;
    }

    /** The {@code <f4} C-order matrix. */
    public Path littleEndian() {
        return dir.resolve("le.npy");
    }

    /** The same values as {@code >f4}. */
    public Path bigEndian() {
        return dir.resolve("be.npy");
    }

    /** The same values, {@code <f4}, Fortran order. */
    public Path fortran() {
        return dir.resolve("fortran.npy");
    }

    /** {@code np.savez}: one stored entry {@code a} holding the main matrix. */
    public Path storedNpz() {
        return dir.resolve("stored.npz");
    }

    /** {@code np.savez_compressed}: one DEFLATE entry {@code a}. */
    public Path deflateOneNpz() {
        return dir.resolve("deflate-one.npz");
    }

    /** {@code np.savez_compressed}: entries {@code a0}, {@code a1}, ... */
    public Path deflateManyNpz() {
        return dir.resolve("deflate-many.npz");
    }

    /** The folder write cases write into ({@link Outputs}): the data folder's {@code out}, or the check's. */
    Path outputFolder() {
        return outDir;
    }

    /** Rows and columns of the main matrix. */
    public int[] shape() {
        return ints("shape");
    }

    /** Rows and columns of each entry of {@link #deflateManyNpz()}. */
    public int[] manyShape() {
        return ints("deflateManyShape");
    }

    /** Entry names of {@link #deflateManyNpz()}, without {@code .npy}. */
    public String[] manyNames() {
        int n = Integer.parseInt(property("deflateManyEntries"));
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "a" + i;
        }
        return names;
    }

    /** Element count of the main matrix. */
    public int mainElements() {
        int[] s = shape();
        return Math.multiplyExact(s[0], s[1]);
    }

    /** The checksum {@code make_data.py} recorded under {@code key} (see {@link Checksums}). */
    public long checksum(String key) {
        return Long.parseUnsignedLong(property("checksums." + key));
    }

    /**
     * The first {@code n} values of the main matrix in C order, read with npyfile's streaming reader
     * (setup only: the write cases need the values in memory).
     */
    float[] readPrefix(int n) throws IOException {
        float[] values = new float[n];
        try (NpyReader reader = NpyReader.open(littleEndian())) {
            NpyfileBench.fill(reader, values);
        }
        return values;
    }

    private int[] ints(String key) {
        return Arrays.stream(property(key).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private String property(String key) {
        String value = manifest.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("manifest.properties in " + dir + " has no " + key
                    + ": remake the data with benchmarks/make_data.py");
        }
        return value;
    }
}
