package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.npyfile.fixtures.Fixture;

/** Chunked reads and streamed writes against files numpy wrote (10,007 elements of each dtype). */
class StreamingTest {

    private static final int MAX_CHUNK = 2048;
    private static final long[] OFFSETS = {0, 1, 17, 4096, 10_006, 10_007};

    @TestFactory
    Stream<DynamicTest> chunkedReadsOfEverySizeAndOffsetEqualTheWholeRead() {
        return NumpyFixtures.suite("chunks").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            NpyArray whole = Npy.read(f.file());
            // Readers hand out C order whatever the file's layout.
            byte[] expected = bytes(whole.toCOrder().data());
            int itemSize = whole.dtype().itemSize();
            try (NpyReader reader = NpyReader.open(f.file())) {
                for (int chunk = 1; chunk <= MAX_CHUNK; chunk++) {
                    long offset = Math.min(OFFSETS[chunk % OFFSETS.length], whole.elementCount());
                    reader.seek(offset);
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    NpyArray part;
                    while ((part = reader.readChunk(chunk)).elementCount() > 0) {
                        assertThat(part.elementCount()).isLessThanOrEqualTo(chunk);
                        got.write(bytes(part.data()));
                    }
                    byte[] slice = java.util.Arrays.copyOfRange(expected, (int) offset * itemSize, expected.length);
                    assertThat(got.toByteArray()).as("chunk %d from element %d", chunk, offset).isEqualTo(slice);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> streamedWritesAreByteIdenticalToNumpySave() {
        return NumpyFixtures.suite("chunks").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            byte[] numpyFile = Files.readAllBytes(f.file());
            NpyArray whole = Npy.read(f.file());
            for (int chunk : new int[] {1, 333, 4096, 20_000}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                // A byte-exact copy streams the stored order, which the header describes.
                try (NpyReader reader = NpyReader.open(f.file()).storedOrder();
                        NpyWriter writer = NpyWriter.of(out, whole.header())) {
                    NpyArray part;
                    while ((part = reader.readChunk(chunk)).elementCount() > 0) {
                        writer.write(part);
                    }
                }
                assertThat(out.toByteArray()).as("chunks of %d", chunk).isEqualTo(numpyFile);
            }
        }));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return b;
    }
}
