package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyWriter;
import org.npyfile.fixtures.Inspection;
import org.npyfile.fixtures.NpzInspection;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.npz.Npz;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzWriteOptions;
import org.npyfile.npz.NpzWriter;

/**
 * Archives npyfile wrote, loaded by numpy: stored and compressed, to a path, a seekable channel and a
 * plain (unseekable) output stream, whole arrays, several at once and streamed entries, with ZIP64
 * records forced. numpy must list the keys we wrote, in our order, load every entry with our values
 * and intact CRCs, and, for stored archives, write the very same bytes itself.
 */
class NpzJavaToNumpyTest {

    enum Target { PATH, CHANNEL, STREAM }

    enum Mode { WRITE, WRITE_ALL, STREAMED }

    private record Case(Map<String, NpyArray> arrays, String expectedWriter) { }

    static Map<String, NpyArray> arrays() throws IOException {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        double[] d = new double[12];
        for (int i = 0; i < d.length; i++) {
            d[i] = i / 3.0 - 2;
        }
        d[1] = Double.NaN;
        d[2] = Double.NEGATIVE_INFINITY;
        d[3] = -0.0;
        m.put("weights", NpyArray.of(d, 3, 4));
        int[] ints = new int[20];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i * 1_000_003 - 7;
        }
        m.put("a/b", NpyArray.of(ints, 4, 5).toFortranOrder());
        m.put("\u00e9t\u00e9", NpyArray.ofStrings(new String[] {"", "\u00e9", "\u65e5\u672c\u8a9e", "\uD83D\uDE00"}));
        m.put("\u65e5\u672c\u8a9e", NpyArray.of(new boolean[] {true, false, true}));
        m.put("x.npy", NpyArray.ofComplex128(new double[] {1, -2, Double.NaN, 0.5}, 2));
        m.put("when", NpyArray.ofDatetime64(new long[] {Long.MIN_VALUE, 0, 1_700_000_000_000_000_000L}, "ns", 3));
        long[] big = new long[20_000]; // 160 KB: more than 64 KiB
        for (int i = 0; i < big.length; i++) {
            big[i] = (long) i * i - 12_345;
        }
        m.put("big", NpyArray.ofUnsigned(big));
        m.put("scalar", NpyArray.of(new short[] {-32768}).reshape());
        m.put("empty", NpyArray.of(new float[0], 0, 2));
        m.put("", NpyArray.ofFloat16(new float[] {0.5f, -1024f, Float.POSITIVE_INFINITY}));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> numpyLoadsEveryArchiveWeWrite() throws IOException {
        NumpyRuntime numpy = NumpyFixtures.numpy();
        Path dir = NumpyFixtures.outputDir("npz");
        Map<Path, Case> cases = new LinkedHashMap<>();
        for (NpzWriteOptions options : List.of(NpzWriteOptions.STORED, NpzWriteOptions.COMPRESSED)) {
            boolean stored = options.method() == NpzEntry.Method.STORED;
            for (Target target : Target.values()) {
                for (Mode mode : Mode.values()) {
                    Path file = dir.resolve(options.method() + "_" + target + "_" + mode + ".npz");
                    write(file, target, mode, options, arrays());
                    boolean descriptors = target == Target.STREAM && (mode == Mode.STREAMED || (!stored && mode == Mode.WRITE));
                    String writer = (stored ? "savez" : "savez_compressed") + (descriptors ? "-pipe" : "");
                    cases.put(file, new Case(arrays(), writer));
                }
            }
            Path zip64 = dir.resolve(options.method() + "_ZIP64.npz");
            Npz.write(zip64, arrays(), options.withZip64Always(true));
            cases.put(zip64, new Case(arrays(), null));
            Path empty = dir.resolve(options.method() + "_EMPTY.npz");
            Npz.write(empty, Map.of(), options);
            cases.put(empty, new Case(Map.of(), stored ? "savez" : "savez_compressed"));
        }
        List<NpzInspection> reports = numpy.inspectNpz(new ArrayList<>(cases.keySet()));
        return reports.stream().map(r -> DynamicTest.dynamicTest(r.file().getFileName().toString(), () -> {
            Case c = cases.get(r.file());
            assertThat(r.error()).as("numpy.load error").isNull();
            assertThat(r.crcFailure()).as("zipfile.testzip").isNull();
            assertThat(r.keys()).containsExactlyElementsOf(c.arrays().keySet());
            List<NpyArray> expected = new ArrayList<>(c.arrays().values());
            for (int i = 0; i < expected.size(); i++) {
                Inspection e = r.entries().get(i);
                NpyArray ours = expected.get(i);
                String what = r.file().getFileName() + "/" + r.keys().get(i);
                assertThat(e.error()).as(what).isNull();
                assertThat(e.descr()).as(what).isEqualTo(ours.dtype().descr());
                assertThat(e.shape()).as(what).containsExactly(ours.shape());
                assertThat(e.fortranOrder()).as(what).isEqualTo(ours.header().fortranOrder());
                NumpyValues.assertMatches(ours, e.values(), what);
                assertThat(e.identicalToNumpySave()).as(what + ": entry bytes are numpy.save's").isTrue();
            }
            if (c.expectedWriter() != null && c.expectedWriter().startsWith("savez-")
                    || "savez".equals(c.expectedWriter())) {
                // stored archives are byte for byte numpy's; deflated ones depend on both sides' zlib
                assertThat(r.matchingNumpyWriter()).as("the numpy writer making the same bytes")
                        .isEqualTo(c.expectedWriter());
            }
        }));
    }

    private static void write(Path file, Target target, Mode mode, NpzWriteOptions options, Map<String, NpyArray> arrays)
            throws IOException {
        NpzWriter writer = switch (target) {
            case PATH -> NpzWriter.open(file, options);
            case CHANNEL -> NpzWriter.of(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), options);
            case STREAM -> NpzWriter.of(Files.newOutputStream(file), options);
        };
        try (writer) {
            switch (mode) {
                case WRITE -> {
                    for (var e : arrays.entrySet()) {
                        writer.write(e.getKey(), e.getValue());
                    }
                }
                case WRITE_ALL -> writer.writeAll(arrays);
                case STREAMED -> {
                    for (var e : arrays.entrySet()) {
                        try (NpyWriter entry = writer.entry(e.getKey(), e.getValue().header())) {
                            entry.write(e.getValue());
                        }
                    }
                }
                default -> throw new AssertionError(mode);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> aStreamedEntryLargerThanOneBufferLoadsInNumpy() throws IOException {
        NumpyRuntime numpy = NumpyFixtures.numpy();
        Path dir = NumpyFixtures.outputDir("npz-large");
        int n = 600_000; // 4.8 MB of float64: more than the 4 MiB npy writer buffer
        List<Path> files = new ArrayList<>();
        for (NpzWriteOptions options : List.of(NpzWriteOptions.STORED, NpzWriteOptions.COMPRESSED)) {
            Path file = dir.resolve("ramp_" + options.method() + ".npz");
            try (NpzWriter w = NpzWriter.of(Files.newOutputStream(file), options);
                 NpyWriter e = w.entry("ramp", DType.FLOAT64, n)) {
                double[] chunk = new double[100_000];
                for (int done = 0; done < n; done += chunk.length) {
                    for (int i = 0; i < chunk.length; i++) {
                        chunk[i] = (done + i) % 65_536;
                    }
                    e.write(chunk, 0, chunk.length);
                }
            }
            files.add(file);
        }
        return numpy.inspectNpz(files).stream().map(r -> DynamicTest.dynamicTest(r.file().getFileName().toString(), () -> {
            assertThat(r.loaded()).as("%s", r).isTrue();
            List<String> values = r.entries().get(0).values();
            assertThat(values).hasSize(n);
            int wrong = 0;
            for (int i = 0; i < n; i++) {
                wrong += Double.parseDouble(values.get(i)) == i % 65_536 ? 0 : 1;
            }
            assertThat(wrong).as("values numpy reads differently").isZero();
        }));
    }
}
