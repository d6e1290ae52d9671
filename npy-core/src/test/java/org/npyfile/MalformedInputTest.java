package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npyfile.RawNpy.dict;
import static org.npyfile.RawNpy.npy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the format, broken once; each must give its own NpyException with offset and finding. */
class MalformedInputTest {

    private static final byte[] TWELVE_FLOATS = new byte[48];

    @TempDir
    Path dir;

    @Test
    void rejectsBadMagic() {
        byte[] bytes = Npy.toBytes(NpyArray.of(new float[] {1f}));
        bytes[0] = (byte) 0x92;
        assertThatThrownBy(() -> Npy.read(bytes))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte 0")
                .hasMessageContaining("magic")
                .hasMessageContaining("\\x92NUMPY");
    }

    @Test
    void rejectsShortAndEmptyInput() {
        assertThatThrownBy(() -> Npy.read(new byte[0]))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("empty input");
        assertThatThrownBy(() -> Npy.read(new byte[] {(byte) 0x93, 'N', 'U', 'M'}))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("after 4 bytes");
    }

    @Test
    void rejectsUnknownVersions() {
        for (int[] v : new int[][] {{1, 1}, {0, 0}, {4, 0}, {255, 255}, {2, 2}}) {
            byte[] bytes = Npy.toBytes(NpyArray.of(new float[] {1f}));
            bytes[6] = (byte) v[0];
            bytes[7] = (byte) v[1];
            assertThatThrownBy(() -> Npy.read(bytes))
                    .isInstanceOf(NpyFormatException.class)
                    .hasMessageContaining("at byte 6")
                    .hasMessageContaining("format version 1.0, 2.0 or 3.0, found " + v[0] + "." + v[1]);
        }
    }

    @Test
    void rejectsAHeaderLengthPastTheEndOfAFile() throws IOException {
        byte[] bytes = Arrays.copyOf(Npy.toBytes(NpyArray.of(new float[] {1f})), 60);
        Path file = dir.resolve("short-header.npy");
        Files.write(file, bytes);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte 10")
                .hasMessageContaining("118 bytes of header text")
                .hasMessageContaining("only 50");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("118 bytes of the header text");
    }

    @Test
    void rejectsHeadersOverTheLimitBeforeReadingThem() {
        String text = dict("'<f4'", "False", "(1,)") + " ".repeat(20_000);
        byte[] bytes = npy(text, new byte[4]);
        assertThatThrownBy(() -> Npy.read(bytes))
                .isInstanceOf(NpyLimitException.class)
                .hasMessageContaining("10000");
        assertThat(catchRead(bytes, NpyLimits.DEFAULT.withMaxHeaderBytes(30_000))).isNull();
    }

    @Test
    void rejectsHugeV2HeaderLengthsFromAStreamWithoutAllocating() {
        byte[] bytes = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f};
        assertThatThrownBy(() -> Npy.read(bytes)).isInstanceOf(NpyLimitException.class)
                .hasMessageContaining("2147483647");
    }

    @Test
    void neverEvaluatesTheHeader() {
        byte[] bytes = npy("{'descr': __import__('os').system('echo pwned'), 'fortran_order': False, 'shape': (1,)}\n",
                new byte[4]);
        assertThatThrownBy(() -> Npy.read(bytes))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte 20")
                .hasMessageContaining("never evaluated");
    }

    @Test
    void rejectsMissingAndExtraKeys() {
        byte[] missing = npy("{'descr': '<f4', 'shape': (1,)}\n", new byte[4]);
        assertThatThrownBy(() -> Npy.read(missing)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("exactly the keys").hasMessageContaining("['descr', 'shape']");
        byte[] extra = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}\n", new byte[4]);
        assertThatThrownBy(() -> Npy.read(extra)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("'x'");
    }

    @Test
    void rejectsInvalidDescrShapeAndOrder() {
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f3'", "False", "(1,)"), new byte[4])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("valid dtype descr");
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f4'", "0", "(1,)"), new byte[4])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("fortran_order True or False");
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f4'", "False", "[1]"), new byte[4])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("tuple of ints");
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f4'", "False", "(1.0,)"), new byte[4])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("tuple of ints");
    }

    @Test
    void refusesObjectArraysByDefaultAsNumpyDoesButReadsTheirHeaders() throws IOException {
        byte[] objects = npy(dict("'|O'", "False", "(1,)"), new byte[8]);
        assertThatThrownBy(() -> Npy.read(objects))
                .isInstanceOf(NpyLimitException.class).hasMessageContaining("|O").hasMessageContaining("pickle")
                .hasMessageContaining("withObjectArrays(true)");
        byte[] record = npy(dict("[('x', '<f4'), ('obj', '|O')]", "False", "(1,)"), new byte[12]);
        assertThatThrownBy(() -> Npy.read(record))
                .isInstanceOf(NpyLimitException.class).hasMessageContaining("('obj', '|O')");
        try (NpyReader reader = NpyReader.of(new java.io.ByteArrayInputStream(record))) {
            assertThat(reader.header().dtype().hasObjects()).isTrue();
            assertThat(reader.header().dataBytes()).isEqualTo(-1);
        }
    }

    @Test
    void rejectsNegativeDimensions() {
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f4'", "False", "(-2, -3)"), new byte[24])))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("non-negative dimensions")
                .hasMessageContaining("(-2, -3)");
    }

    @Test
    void rejectsShapesWhoseByteSizeOverflows() {
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f8'", "False", "(4294967296, 4294967296)"), new byte[8])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("64-bit byte count");
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f8'", "False", "(1152921504606846976,)"), new byte[8])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("64-bit byte count");
        assertThatThrownBy(() -> Npy.read(npy(dict("'<f8'", "False", "(99999999999999999999,)"), new byte[8])))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("fit in a signed 64-bit integer");
    }

    @Test
    void refusesAFileTooSmallForItsShapeBeforeAllocating() throws IOException {
        Path file = dir.resolve("terabyte.npy");
        Files.write(file, npy(dict("'<f8'", "False", "(137438953472,)"), new byte[100]));
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("137438953472 elements (1099511627776 bytes")
                .hasMessageContaining("only 12 elements (100 bytes)");
    }

    @Test
    void reportsTruncatedDataWithExpectedAndFoundElementCounts() {
        byte[] bytes = npy(dict("'<f4'", "False", "(3, 4)"), Arrays.copyOf(TWELVE_FLOATS, 47));
        int dataOffset = bytes.length - 47;
        // Where the length is known the check comes first, at the data's start ...
        assertThatThrownBy(() -> Npy.read(bytes))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte " + dataOffset)
                .hasMessageContaining("expected 12 elements")
                .hasMessageContaining("only 11 elements (47 bytes)");
        // ... and in a stream at the point where the data ends.
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte " + (dataOffset + 47))
                .hasMessageContaining("expected 12 elements")
                .hasMessageContaining("only 11 elements (47 bytes)");
    }

    @Test
    void aLyingStreamCostsMemoryOnlyForTheBytesItDelivers() {
        // Claims 1.9 GB, delivers 100 bytes: fails with a format error, not an OutOfMemoryError.
        byte[] bytes = npy(dict("'|u1'", "False", "(2000000000,)"), new byte[100]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("only 100 elements");
    }

    @Test
    void rejectsInvalidUtf8InVersion3Headers() {
        byte[] bytes = npy(3, dict("'<f4'", "False", "(1,)"), new byte[4]);
        bytes[14] = (byte) 0xC3;
        assertThatThrownBy(() -> Npy.read(bytes))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte 14")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesArraysOverTheInMemoryLimit() {
        byte[] bytes = Npy.toBytes(NpyArray.of(new double[100]));
        assertThatThrownBy(() -> Npy.read(bytes, NpyLimits.DEFAULT.withMaxArrayBytes(799)))
                .isInstanceOf(NpyLimitException.class)
                .hasMessageContaining("800 bytes");
    }

    @Test
    void acceptsWhatNumpyAcceptsBeyondWhatItWrites() throws IOException {
        // Any key order, py2 long suffixes, duplicate keys (last wins), lenient descr, trailing bytes.
        byte[] data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-2).array();
        String header = "{'shape': (2L,), 'fortran_order': True, 'descr': 'float64', 'fortran_order': False}\n";
        byte[] bytes = npy(header, data);
        byte[] withTrailing = Arrays.copyOf(bytes, bytes.length + 7);
        NpyArray array = Npy.read(withTrailing);
        assertThat(array.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(array.fortranOrder()).isFalse();
        assertThat(array.asDoubleArray()).containsExactly(1.5, -2.0);
    }

    @Test
    void leavesAStreamRightAfterTheArray() throws IOException {
        byte[] first = Npy.toBytes(NpyArray.of(new int[] {1, 2, 3}));
        byte[] second = Npy.toBytes(NpyArray.of(new double[] {4.5}));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        InputStream in = new ByteArrayInputStream(both);
        assertThat(Npy.read(in).asIntArray()).containsExactly(1, 2, 3);
        assertThat(Npy.read(in).asDoubleArray()).containsExactly(4.5);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void ignoresTrailingBytesLikeNumpyUnlessToldNotTo() throws IOException {
        byte[] one = Npy.toBytes(NpyArray.of(new short[] {1, 2}));
        byte[] padded = Arrays.copyOf(one, one.length + 3);
        NpyLimits strict = NpyLimits.DEFAULT.withMaxTrailingBytes(0);
        assertThat(Npy.read(padded).asShortArray()).containsExactly((short) 1, (short) 2);
        assertThat(Npy.read(one, strict).asShortArray()).containsExactly((short) 1, (short) 2);
        assertThatThrownBy(() -> Npy.read(padded, strict))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("at byte " + one.length)
                .hasMessageContaining("at most 0 bytes after the array's data")
                .hasMessageContaining("found 3 bytes");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(padded), strict))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("found more than 0 bytes");
        Path file = dir.resolve("padded.npy");
        Files.write(file, padded);
        assertThatThrownBy(() -> Npy.read(file, strict)).isInstanceOf(NpyFormatException.class);
        assertThat(Npy.read(file, NpyLimits.DEFAULT.withMaxTrailingBytes(3)).elementCount()).isEqualTo(2);
    }

    private static Throwable catchRead(byte[] bytes, NpyLimits limits) {
        try {
            Npy.read(bytes, limits);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
