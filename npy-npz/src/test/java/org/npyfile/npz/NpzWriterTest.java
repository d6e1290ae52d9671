package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyWriter;

/** What {@link NpzWriter} guarantees when things go wrong: atomic files, poisoned writers, early refusals. */
class NpzWriterTest {

    @TempDir
    Path dir;

    private static final NpyArray A = NpyArray.of(new double[] {1, 2, 3});
    private static final NpyArray B = NpyArray.of(new int[] {4, 5, 6, 7}, 2, 2);

    private Path previous() throws IOException {
        Path file = dir.resolve("model.npz");
        Npz.write(file, Map.of("old", A));
        return file;
    }

    /** The file is byte for byte what it was, and no temporary file is left beside it. */
    private void assertPreviousFileKept(Path file, byte[] before) throws IOException {
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void aFailureInsideAStreamedEntryLeavesThePreviousFileByteIdenticalAndNoTemporaryFile() throws IOException {
        for (NpzWriteOptions options : List.of(NpzWriteOptions.STORED, NpzWriteOptions.COMPRESSED)) {
            Path file = previous();
            byte[] before = Files.readAllBytes(file);
            IllegalStateException injected = new IllegalStateException("injected: the data source failed");
            assertThatThrownBy(() -> {
                try (NpzWriter w = NpzWriter.open(file, options)) {
                    w.write("a", A);
                    try (NpyWriter e = w.entry("b", DType.FLOAT32, 1000)) {
                        e.write(new float[400], 0, 400);
                        throw injected; // part-way through entry b
                    }
                }
            }).isSameAs(injected).satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
            assertPreviousFileKept(file, before);
        }
    }

    @Test
    void closingWithAnEntryStillOpenAbandonsTheArchive() throws IOException {
        Path file = previous();
        byte[] before = Files.readAllBytes(file);
        NpzWriter w = NpzWriter.open(file);
        w.write("a", A);
        w.entry("b", DType.INT8, 10).write(new byte[3], 0, 3);
        assertThatThrownBy(w::close).isInstanceOf(NpyException.class).hasMessageContaining("'b.npy' was still open");
        assertPreviousFileKept(file, before);
    }

    @Test
    void abortLeavesThePreviousFileAndWritesNothing() throws IOException {
        Path file = previous();
        byte[] before = Files.readAllBytes(file);
        try (NpzWriter w = NpzWriter.open(file, NpzWriteOptions.COMPRESSED)) {
            w.write("a", A);
            w.abort();
        }
        assertPreviousFileKept(file, before);
    }

    @Test
    void aFailingSaveLeavesThePreviousFile() throws IOException {
        Path file = previous();
        byte[] before = Files.readAllBytes(file);
        Map<String, NpyArray> bad = new LinkedHashMap<>();
        bad.put("a", A);
        bad.put("nul\0", B);
        assertThatThrownBy(() -> Npz.writeCompressed(file, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertPreviousFileKept(file, before);
    }

    @Test
    void aStreamThatFailsPoisonsTheWriter() throws IOException {
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw new IOException("injected: disk full");
                }
            }
        };
        NpzWriter w = NpzWriter.of(failing);
        assertThatThrownBy(() -> w.write("big", NpyArray.of(new long[50_000]))).hasMessageContaining("disk full");
        assertThatThrownBy(() -> w.write("more", A)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed earlier");
        assertThatThrownBy(w::close).isInstanceOf(NpyException.class).hasMessageContaining("not completed")
                .hasRootCauseMessage("injected: disk full");
    }

    @Test
    void badAndDuplicateKeysAreRefusedBeforeAnythingIsWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpzWriter w = NpzWriter.of(out)) {
            w.write("a", A);
            int size = out.size();
            assertThatThrownBy(() -> w.write("a", B)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already has an entry 'a.npy'");
            assertThatThrownBy(() -> w.write("bad\uD800", B)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("surrogate");
            assertThatThrownBy(() -> w.writeAll(Map.of("b", B, "a", A))).isInstanceOf(IllegalArgumentException.class);
            assertThat(out.size()).isEqualTo(size);
            w.write("b", B); // the writer is still usable
        }
        assertThat(Npz.read(new ByteArrayInputStream(out.toByteArray()))).containsOnlyKeys("a", "b");
    }

    @Test
    void oneEntryAtATime() throws IOException {
        try (NpzWriter w = NpzWriter.of(new ByteArrayOutputStream())) {
            NpyWriter first = w.entry("a", A.header());
            assertThatThrownBy(() -> w.write("b", B)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'a.npy' is still open");
            first.write(A);
            first.close();
            w.write("b", B);
        }
    }

    @Test
    void streamTargetsStayOpenForTheOneShotsAndCloseForTheWriter() throws IOException {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking kept = new Tracking();
        Npz.write(kept, Map.of("a", A));
        assertThat(kept.closed).isFalse();
        Tracking owned = new Tracking();
        try (NpzWriter w = NpzWriter.of(owned)) {
            w.write("a", A);
        }
        assertThat(owned.closed).isTrue();
        assertThat(owned.toByteArray()).isEqualTo(kept.toByteArray());
    }
}
