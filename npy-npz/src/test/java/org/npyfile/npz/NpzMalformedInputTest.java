package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.npz.Archives.Mode;

/**
 * Defective archives: each is refused, in random access and in a stream, with the specific exception
 * naming the entry; never an unchecked exception, never wrong data.
 */
class NpzMalformedInputTest {

    @TempDir
    Path dir;

    private static final NpyArray WEIGHTS = NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    private static final NpyArray LABELS = NpyArray.of(new int[] {7, 8, 9});

    private static Map<String, NpyArray> arrays() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("weights", WEIGHTS);
        m.put("labels", LABELS);
        return m;
    }

    private Path file(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "bad", ".npz");
        Files.write(f, bytes);
        return f;
    }

    /** The test arrays as {@link NpzWriter} writes them to a stream. */
    private static byte[] written(NpzWriteOptions options, Mode mode) throws IOException {
        return Archives.written(arrays(), options, mode);
    }

    /** Whole arrays and streamed entries, stored and deflated: every layout the writer makes for a stream. */
    private static byte[][] everyWayWritten() throws IOException {
        return new byte[][] {written(NpzWriteOptions.STORED, Mode.WRITE_ALL), written(NpzWriteOptions.COMPRESSED,
            Mode.WRITE_ALL), written(NpzWriteOptions.STORED, Mode.STREAMED_ENTRIES),
            written(NpzWriteOptions.COMPRESSED, Mode.STREAMED_ENTRIES)};
    }

    private static NpzFormatException npzFailure(ThrowingCallable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                call.call();
            } catch (Throwable t) {
                caught[0] = t;
                throw t;
            }
        }).isInstanceOf(NpzFormatException.class);
        return (NpzFormatException) caught[0];
    }

    // ---------------------------------------------------------------- CRC

    @Test
    void corruptDataInAStoredEntryFailsItsCrcInBothModes() throws IOException {
        for (byte[] good : new byte[][] {written(NpzWriteOptions.STORED, Mode.WRITE_ALL),
            written(NpzWriteOptions.STORED, Mode.STREAMED_ENTRIES)}) {
            byte[] bad = good.clone();
            int at = Archives.indexOf(bad, RawZip.npy(WEIGHTS)) + RawZip.npy(WEIGHTS).length - 1;
            bad[at] ^= 0x01; // the last byte of weights' data: the values would be wrong, silently
            Path f = file(bad);
            try (NpzFile npz = NpzFile.open(f)) {
                NpzFormatException e = npzFailure(() -> npz.read("weights"));
                assertThat(e.entryName()).isEqualTo("weights.npy");
                assertThat(e).hasMessageContaining("CRC-32");
                assertThat(npzFailure(() -> npz.verify("weights"))).hasMessageContaining("CRC-32");
                assertThat(npz.read("labels")).isEqualTo(LABELS);
                npz.verify("labels");
            }
            NpzFormatException s = npzFailure(() -> Archives.readStreaming(bad));
            assertThat(s.entryName()).isEqualTo("weights.npy");
            assertThat(s).hasMessageContaining("CRC-32");
        }
    }

    @Test
    void deflatedEntryWithAWrongCrcFailsInBothModes() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        byte[] z = RawZip.deflate(npy);
        long wrong = RawZip.crc(npy) ^ 0x10;
        byte[] bytes = new RawZip().entry("w.npy", 0, 8, wrong, z.length, npy.length, z).finish();
        try (NpzFile npz = NpzFile.open(file(bytes))) {
            assertThat(npz.header("w")).isEqualTo(WEIGHTS.header()); // reading only the header checks nothing
            NpzFormatException e = npzFailure(() -> npz.read("w"));
            assertThat(e.entryName()).isEqualTo("w.npy");
            assertThat(e).hasMessageContaining("CRC-32");
        }
        assertThat(npzFailure(() -> Archives.readStreaming(bytes))).hasMessageContaining("CRC-32").hasMessageContaining("'w.npy'");
    }

    @Test
    void deflatedDataDescriptorWithAWrongCrcFailsInAStream() throws IOException {
        byte[] good = written(NpzWriteOptions.COMPRESSED, Mode.STREAMED_ENTRIES);
        int descriptor = Archives.indexOf(good, new byte[] {'P', 'K', 7, 8});
        byte[] bad = good.clone();
        bad[descriptor + 4] ^= 0x01;
        NpzFormatException e = npzFailure(() -> Archives.readStreaming(bad));
        assertThat(e.entryName()).isEqualTo("weights.npy");
        assertThat(e).hasMessageContaining("data descriptor");
    }

    // ---------------------------------------------------------------- truncation

    @Test
    void truncatedArchivesAreRefusedAtEveryLength() throws IOException {
        byte[][] goods = everyWayWritten();
        for (byte[] good : goods) {
            for (int length = 0; length < good.length; length++) {
                byte[] cut = Arrays.copyOf(good, length);
                npzFailure(() -> Archives.readRandomAccess(cut));
                npzFailure(() -> Archives.readStreaming(cut));
            }
        }
    }

    @Test
    void aTruncatedStreamNamesTheEntryItEndsIn() throws IOException {
        byte[] good = written(NpzWriteOptions.STORED, Mode.WRITE_ALL);
        byte[] cut = Arrays.copyOf(good, Archives.indexOf(good, RawZip.npy(WEIGHTS)) + 150);
        NpzFormatException e = npzFailure(() -> Archives.readStreaming(cut));
        assertThat(e.entryName()).isEqualTo("weights.npy");
        assertThat(e).hasMessageContaining("truncated");
    }

    // ---------------------------------------------------------------- not npy

    @Test
    void anEntryThatIsNotNpyIsListedButNotReadAsAnArray() throws IOException {
        byte[] text = "hello, numpy".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new RawZip().stored("w.npy", RawZip.npy(WEIGHTS)).stored("notes.txt", text).finish();
        try (NpzFile npz = NpzFile.open(file(bytes))) {
            assertThat(npz.names()).containsExactly("w", "notes.txt");
            assertThat(npz.isNpy("w")).isTrue();
            assertThat(npz.isNpy("notes.txt")).isFalse();
            NpzFormatException e = npzFailure(() -> npz.read("notes.txt"));
            assertThat(e.entryName()).isEqualTo("notes.txt");
            assertThat(e).hasMessageContaining("npy stream").hasMessageContaining("raw bytes");
            assertThat(npz.read("w")).isEqualTo(WEIGHTS);
        }
        assertThat(npzFailure(() -> Npz.read(file(bytes))).entryName()).isEqualTo("notes.txt");
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes))) {
            assertThat(in.nextEntry().key()).isEqualTo("w");
            assertThat(in.nextEntry().name()).isEqualTo("notes.txt");
            assertThat(in.isNpy()).isFalse();
            assertThat(npzFailure(in::reader).entryName()).isEqualTo("notes.txt");
            assertThat(in.nextEntry()).isNull(); // skipped: its size is in its local header
        }
        byte[] deflated = new RawZip().deflated("notes.txt", text).finish();
        try (NpzFile npz = NpzFile.open(file(deflated))) {
            assertThat(npz.isNpy("notes.txt")).isFalse();
            assertThat(npzFailure(() -> npz.header("notes.txt")).entryName()).isEqualTo("notes.txt");
        }
    }

    @Test
    void aStoredNonNpyEntryWithADataDescriptorCannotBeSkippedInAStream() throws IOException {
        byte[] text = "no npy header tells where I end".getBytes(StandardCharsets.US_ASCII);
        RawZip zip = new RawZip();
        long offset = zip.local("notes.txt", 8, 0, 0, 0, 0, text);
        ByteBuffer descriptor = RawZip.le(16).putInt(0x08074b50).putInt((int) RawZip.crc(text))
                .putInt(text.length).putInt(text.length);
        zip.raw(descriptor.array());
        zip.central("notes.txt", 8, 0, RawZip.crc(text), text.length, text.length, offset);
        byte[] bytes = zip.finish();
        try (NpzFile npz = NpzFile.open(file(bytes))) {
            assertThat(npz.isNpy("notes.txt")).isFalse(); // random access finds it through the central directory
        }
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes))) {
            assertThat(in.nextEntry().compressedSize()).isEqualTo(-1);
            assertThat(in.isNpy()).isFalse();
            NpzFormatException e = npzFailure(in::nextEntry);
            assertThat(e.entryName()).isEqualTo("notes.txt");
            assertThat(e).hasMessageContaining("data descriptor");
        }
    }

    // ---------------------------------------------------------------- bombs

    @Test
    void aDeflatedEntryThatInflatesBeyondItsDeclaredSizeStopsThere() throws IOException {
        byte[] npy = RawZip.npy(NpyArray.ofUnsigned(new byte[1000]));
        byte[] inflated = Arrays.copyOf(npy, npy.length + 50_000_000); // 50 MB of zeros after the array
        byte[] z = RawZip.deflate(inflated);
        long crc = RawZip.crc(npy);
        byte[] bytes = new RawZip().entry("bomb.npy", 0, 8, crc, z.length, npy.length, z).finish();
        assertThat(bytes.length).isLessThan(100_000);
        try (NpzFile npz = NpzFile.open(file(bytes))) {
            assertThat(npzFailure(() -> npz.verify("bomb"))).hasMessageContaining("inflation stopped there");
            NpzFormatException e = npzFailure(() -> npz.read("bomb"));
            assertThat(e.entryName()).isEqualTo("bomb.npy");
            assertThat(e).hasMessageContaining("inflation stopped there");
        }
        assertThat(npzFailure(() -> Archives.readStreaming(bytes))).hasMessageContaining("inflation stopped there")
                .hasMessageContaining("'bomb.npy'");
    }

    @Test
    void aDeclaredSizeDeflateCannotProduceIsRefusedBeforeInflating() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        byte[] z = RawZip.deflate(npy);
        long declared = 0xF000_0000L; // 3.75 GiB from a hundred bytes
        byte[] bytes = new RawZip().entry("w.npy", 0, 8, RawZip.crc(npy), z.length, declared, z).finish();
        NpzFormatException e = npzFailure(() -> NpzFile.open(file(bytes)));
        assertThat(e.entryName()).isEqualTo("w.npy");
        assertThat(e).hasMessageContaining("zip bomb");
        assertThat(npzFailure(() -> Archives.readStreaming(bytes))).hasMessageContaining("zip bomb");
    }

    @Test
    void theNpyHeaderMustImplyTheDeclaredSize() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        byte[] padded = Arrays.copyOf(npy, npy.length + 8); // numpy ignores trailing bytes; we do not
        for (byte[] bytes : new byte[][] {new RawZip().stored("w.npy", padded).finish(),
            new RawZip().deflated("w.npy", padded).finish()}) {
            try (NpzFile npz = NpzFile.open(file(bytes))) {
                NpzFormatException e = npzFailure(() -> npz.header("w"));
                assertThat(e.entryName()).isEqualTo("w.npy");
                assertThat(e).hasMessageContaining("implies " + npy.length);
            }
            assertThat(npzFailure(() -> Archives.readStreaming(bytes)).entryName()).isEqualTo("w.npy");
        }
    }

    // ---------------------------------------------------------------- structure

    @Test
    void overlappingEntriesAreRefused() throws IOException {
        byte[] inner = RawZip.npy(LABELS);
        RawZip innerZip = new RawZip();
        innerZip.local("b.npy", 0, 0, RawZip.crc(inner), inner.length, inner.length, inner);
        byte[] innerBytes = Arrays.copyOf(innerZip.finish(), 30 + 5 + inner.length); // local header + data only
        RawZip zip = new RawZip();
        long a = zip.local("a.npy", 0, 0, RawZip.crc(innerBytes), innerBytes.length, innerBytes.length, innerBytes);
        zip.central("a.npy", 0, 0, RawZip.crc(innerBytes), innerBytes.length, innerBytes.length, a);
        zip.central("b.npy", 0, 0, RawZip.crc(inner), inner.length, inner.length, a + 30 + 5);
        byte[] bytes = zip.finish();
        NpzFormatException e = npzFailure(() -> NpzFile.open(file(bytes)));
        assertThat(e.entryName()).isEqualTo("b.npy");
        assertThat(e).hasMessageContaining("inside entry 'a.npy'");
        NpzFormatException s = npzFailure(() -> {
            try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(bytes))) {
                while (in.nextEntry() != null) {
                    assertThat(in.isNpy()).isFalse();
                }
            }
        });
        assertThat(s.entryName()).isEqualTo("b.npy");
    }

    @Test
    void aCentralDirectoryLongerThanItsEndRecordDeclaresIsRefusedAtTheFirstExtraHeader() throws IOException {
        // Read until the headers stopped, 1,000,000 such headers (46 MB) took 445 MB of heap: the end
        // record's count, bounded by NpzLimits.maxEntries, now bounds what is read.
        byte[] npy = RawZip.npy(WEIGHTS);
        RawZip zip = new RawZip();
        long offset = zip.local("w.npy", 0, 0, RawZip.crc(npy), npy.length, npy.length, npy);
        for (int i = 0; i < 1000; i++) {
            zip.central(i == 0 ? "w.npy" : "x" + i, 0, 0, RawZip.crc(npy), npy.length, npy.length, offset);
        }
        byte[] bytes = zip.finish(1);
        NpzFormatException e = npzFailure(() -> NpzFile.open(file(bytes)));
        assertThat(e.entryName()).isEqualTo("x1");
        assertThat(e).hasMessageContaining("1 central directory headers, as the end record says, found more");
        assertThat(npzFailure(() -> Archives.readStreaming(bytes))).hasMessageContaining("one per entry in the stream, found more");
    }

    @Test
    void localAndCentralNamesMustAgree() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        RawZip zip = new RawZip();
        long offset = zip.local("a.npy", 0, 0, RawZip.crc(npy), npy.length, npy.length, npy);
        zip.central("b.npy", 0, 0, RawZip.crc(npy), npy.length, npy.length, offset);
        byte[] bytes = zip.finish();
        NpzFormatException e = npzFailure(() -> NpzFile.open(file(bytes)));
        assertThat(e.entryName()).isEqualTo("b.npy");
        assertThat(e).hasMessageContaining("'a.npy'");
        NpzFormatException s = npzFailure(() -> Archives.readStreaming(bytes));
        assertThat(s.entryName()).isEqualTo("a.npy");
        assertThat(s).hasMessageContaining("'b.npy'");
    }

    @Test
    void localAndCentralSizesMustAgree() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        RawZip zip = new RawZip();
        long offset = zip.local("w.npy", 0, 0, RawZip.crc(npy), npy.length, npy.length, npy);
        zip.central("w.npy", 0, 0, RawZip.crc(npy), npy.length - 8, npy.length - 8, offset);
        byte[] bytes = zip.finish();
        assertThat(npzFailure(() -> NpzFile.open(file(bytes))).entryName()).isEqualTo("w.npy");
        assertThat(npzFailure(() -> Archives.readStreaming(bytes)).entryName()).isEqualTo("w.npy");
    }

    @Test
    void duplicateNamesAndDuplicateKeysAreRefused() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        for (String second : new String[] {"w.npy", "w"}) {
            byte[] bytes = new RawZip().stored("w.npy", npy).stored(second, npy).finish();
            NpzFormatException e = npzFailure(() -> NpzFile.open(file(bytes)));
            assertThat(e.entryName()).isEqualTo(second);
            NpzFormatException s = npzFailure(() -> Archives.readStreaming(bytes));
            assertThat(s.entryName()).isEqualTo(second);
        }
    }

    @Test
    void unsupportedMethodsAndEncryptionAreRefused() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        byte[] bz = new RawZip().entry("w.npy", 0, 12, RawZip.crc(npy), npy.length, npy.length, npy).finish();
        assertThat(npzFailure(() -> NpzFile.open(file(bz)))).hasMessageContaining("12 (bzip2)");
        assertThat(npzFailure(() -> Archives.readStreaming(bz))).hasMessageContaining("12 (bzip2)");
        byte[] enc = new RawZip().entry("w.npy", 1, 0, RawZip.crc(npy), npy.length, npy.length, npy).finish();
        assertThat(npzFailure(() -> NpzFile.open(file(enc)))).hasMessageContaining("encrypted");
        assertThat(npzFailure(() -> Archives.readStreaming(enc))).hasMessageContaining("encrypted");
    }

    @Test
    void aMalformedNpyHeaderInsideAnEntryNamesTheEntry() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        byte[] bad = npy.clone();
        bad[6] = 9; // format version 9.0
        byte[] bytes = new RawZip().deflated("w.npy", bad).finish();
        try (NpzFile npz = NpzFile.open(file(bytes))) {
            NpzFormatException e = npzFailure(() -> npz.read("w"));
            assertThat(e.entryName()).isEqualTo("w.npy");
            assertThat(e.getCause()).isInstanceOf(NpyFormatException.class);
            assertThat(e).hasMessageContaining("format version");
        }
        assertThat(npzFailure(() -> Archives.readStreaming(bytes)).entryName()).isEqualTo("w.npy");
    }

    @Test
    void garbageAndEmptyInputAreNotArchives() throws IOException {
        byte[] garbage = new byte[1000];
        new Random(1).nextBytes(garbage);
        for (byte[] bytes : new byte[][] {garbage, new byte[0], RawZip.npy(WEIGHTS)}) {
            assertThat(npzFailure(() -> NpzFile.open(file(bytes))).entryName()).isNull();
            assertThat(npzFailure(() -> Archives.readStreaming(bytes)).entryName()).isNull();
        }
    }

    @Test
    void sizesAndOffsetsBeyondTheArchiveAreRefusedWithoutAllocating() throws IOException {
        byte[] npy = RawZip.npy(WEIGHTS);
        long crc = RawZip.crc(npy);
        // ZIP64 central directory entries declaring 6 GiB of stored data, and a header at 5 GiB
        RawZip big = new RawZip();
        long offset = big.local("w.npy", 0, 0, crc, npy.length, npy.length, npy);
        big.centralZip64("w.npy", 0, crc, 6L << 30, 6L << 30, offset);
        NpzFormatException size = npzFailure(() -> NpzFile.open(file(big.finish())));
        assertThat(size.entryName()).isEqualTo("w.npy");
        RawZip far = new RawZip();
        far.local("w.npy", 0, 0, crc, npy.length, npy.length, npy);
        far.centralZip64("w.npy", 0, crc, npy.length, npy.length, 5L << 30);
        npzFailure(() -> NpzFile.open(file(far.finish())));
        // and a consistent ZIP64 entry reads
        RawZip fine = new RawZip();
        offset = fine.local("w.npy", 0, 0, crc, npy.length, npy.length, npy);
        fine.centralZip64("w.npy", 0, crc, npy.length, npy.length, offset);
        byte[] good = fine.finish();
        assertThat(Npz.read(file(good))).containsEntry("w", WEIGHTS);
        assertThat(Archives.readStreaming(good)).containsEntry("w", WEIGHTS);
    }

    // ---------------------------------------------------------------- limits

    @Test
    void limitsBoundEntriesTotalBytesAndHeaders() throws IOException {
        byte[] bytes = written(NpzWriteOptions.COMPRESSED, Mode.WRITE_ALL);
        Path f = file(bytes);
        NpzLimits oneEntry = NpzLimits.DEFAULT.withMaxEntries(1);
        assertThatThrownBy(() -> NpzFile.open(f, oneEntry)).isInstanceOf(NpyLimitException.class)
                .hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(bytes), oneEntry))
                .isInstanceOf(NpyLimitException.class).hasMessageContaining("maxEntries");
        NpzLimits fewBytes = NpzLimits.DEFAULT.withMaxTotalBytes(300);
        assertThatThrownBy(() -> NpzFile.open(f, fewBytes)).isInstanceOf(NpyLimitException.class)
                .hasMessageContaining("maxTotalBytes");
        assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(bytes), fewBytes))
                .isInstanceOf(NpyLimitException.class).hasMessageContaining("maxTotalBytes");
        NpyLimits tinyHeaders = NpyLimits.DEFAULT.withMaxHeaderBytes(50);
        try (NpzFile npz = NpzFile.open(f, NpzLimits.of(tinyHeaders))) {
            assertThatThrownBy(() -> npz.read("labels")).isInstanceOf(NpyLimitException.class)
                    .hasMessageStartingWith(f + ": entry 'labels.npy': ");
        }
        NpyLimits smallArrays = NpyLimits.DEFAULT.withMaxArrayBytes(40);
        try (NpzFile npz = NpzFile.open(f, NpzLimits.of(smallArrays))) {
            assertThat(npz.read("labels")).isEqualTo(LABELS);
            assertThatThrownBy(() -> npz.read("weights")).isInstanceOf(NpyLimitException.class)
                    .hasMessageStartingWith(f + ": entry 'weights.npy': ");
            try (NpyReader r = npz.reader("weights")) { // streaming stays possible
                double[] chunk = new double[6];
                assertThat(r.read(chunk, 0, 6)).isEqualTo(6);
            }
        }
    }

    // ---------------------------------------------------------------- robustness

    @Test
    void randomDamageGivesAnNpyExceptionOrTheRightDataNeverAnythingElse() throws IOException {
        Random random = new Random(20_260_501);
        byte[][] goods = everyWayWritten();
        Map<String, NpyArray> expected = arrays();
        for (int round = 0; round < 1000; round++) {
            byte[] bytes = goods[round % goods.length].clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
            for (boolean streaming : new boolean[] {false, true}) {
                try {
                    Map<String, NpyArray> loaded = streaming ? Archives.readStreaming(bytes) : Archives.readRandomAccess(bytes);
                    // damage in a field nobody checks (a time stamp, a version) is harmless
                    assertThat(loaded).as("round %d, streaming %s: %s", round, streaming, loaded).isEqualTo(expected);
                } catch (NpyException e) {
                    // refused: fine
                }
            }
        }
    }
}
