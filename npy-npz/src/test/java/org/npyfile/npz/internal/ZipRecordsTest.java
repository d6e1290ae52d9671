package org.npyfile.npz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The ZIP64 decisions of the writer at sizes no test archive reaches: entries over 4 GiB, offsets past
 * 2 GiB, more than 65,535 entries. Values are checked field by field, and local headers read back.
 */
class ZipRecordsTest {

    private static final byte[] NAME = "big.npy".getBytes(StandardCharsets.US_ASCII);
    private static final long FIVE_GIB = 5L << 30;

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void aLocalHeaderCarriesSizesOver4GiBInItsZip64FieldAndReadsBack() throws Exception {
        byte[] h = bytes(ZipRecords.localHeader(NAME, 0, 8, 0x1234_5678L, FIVE_GIB - 7, FIVE_GIB));
        assertThat(ZipFormat.u32(h, 18)).isEqualTo(ZipFormat.MARK_32);
        assertThat(ZipFormat.u32(h, 22)).isEqualTo(ZipFormat.MARK_32);
        byte[] variable = java.util.Arrays.copyOfRange(h, 30, h.length);
        LocalHeader parsed = LocalHeader.parse(1000, h, variable, null);
        assertThat(parsed.uncompressedSize()).isEqualTo(FIVE_GIB);
        assertThat(parsed.compressedSize()).isEqualTo(FIVE_GIB - 7);
        assertThat(parsed.crc()).isEqualTo(0x1234_5678L);
        assertThat(parsed.zip64()).isTrue();
        assertThat(parsed.dataOffset()).isEqualTo(1000 + h.length);
    }

    @Test
    void theCentralDirectoryMovesOnlyValuesOverCpythonsLimitToZip64() {
        byte[] small = bytes(ZipRecords.centralHeader(new ZipRecords.Central(NAME, 0, 0, 1, 100, 100, 200), false));
        assertThat(ZipFormat.u16(small, 30)).as("no extra field").isZero();
        assertThat(ZipFormat.u32(small, 20)).isEqualTo(100);

        long offset = 3L << 30;
        byte[] big = bytes(ZipRecords.centralHeader(new ZipRecords.Central(NAME, 0, 8, 1, FIVE_GIB - 7, FIVE_GIB,
                offset), false));
        assertThat(ZipFormat.u32(big, 20)).isEqualTo(ZipFormat.MARK_32);
        assertThat(ZipFormat.u32(big, 24)).isEqualTo(ZipFormat.MARK_32);
        assertThat(ZipFormat.u32(big, 42)).isEqualTo(ZipFormat.MARK_32);
        int extra = 46 + NAME.length;
        assertThat(ZipFormat.u16(big, extra)).isEqualTo(ZipFormat.ZIP64_EXTRA);
        assertThat(ZipFormat.u16(big, extra + 2)).isEqualTo(24);
        assertThat(ZipFormat.u64(big, extra + 4)).as("size first").isEqualTo(FIVE_GIB);
        assertThat(ZipFormat.u64(big, extra + 12)).isEqualTo(FIVE_GIB - 7);
        assertThat(ZipFormat.u64(big, extra + 20)).isEqualTo(offset);

        byte[] offsetOnly = bytes(ZipRecords.centralHeader(new ZipRecords.Central(NAME, 0, 0, 1, 10, 10, offset),
                false));
        assertThat(ZipFormat.u32(offsetOnly, 20)).isEqualTo(10);
        assertThat(ZipFormat.u16(offsetOnly, 46 + NAME.length + 2)).isEqualTo(8);
    }

    @Test
    void theEndRecordsGoZip64ForManyEntriesOrAFarDirectory() {
        byte[] plain = bytes(ZipRecords.endRecords(3, 300, 5000, false));
        assertThat(plain).hasSize(22);

        byte[] many = bytes(ZipRecords.endRecords(70_000, 4_000_000, 9_000_000, false));
        assertThat(many).hasSize(56 + 20 + 22);
        assertThat(ZipFormat.u32(many, 0)).isEqualTo(ZipFormat.ZIP64_END_RECORD);
        assertThat(ZipFormat.u64(many, 32)).isEqualTo(70_000);
        assertThat(ZipFormat.u32(many, 56)).isEqualTo(ZipFormat.ZIP64_LOCATOR);
        assertThat(ZipFormat.u64(many, 56 + 8)).as("the ZIP64 record follows the directory").isEqualTo(13_000_000);
        assertThat(ZipFormat.u16(many, 76 + 10)).as("count capped as CPython writes it").isEqualTo(0xFFFF);
        assertThat(ZipFormat.u32(many, 76 + 16)).isEqualTo(9_000_000);

        byte[] far = bytes(ZipRecords.endRecords(2, 100, 5L << 30, false));
        assertThat(ZipFormat.u64(far, 48)).isEqualTo(5L << 30);
        assertThat(ZipFormat.u32(far, 76 + 16)).isEqualTo(ZipFormat.MARK_32);
    }

    @Test
    void aDataDescriptorHasEightByteSizes() {
        byte[] d = bytes(ZipRecords.dataDescriptor(0xCAFE_BABEL, FIVE_GIB - 7, FIVE_GIB));
        assertThat(ZipFormat.u32(d, 0)).isEqualTo(ZipFormat.DATA_DESCRIPTOR);
        assertThat(ZipFormat.u32(d, 4)).isEqualTo(0xCAFE_BABEL);
        assertThat(ZipFormat.u64(d, 8)).isEqualTo(FIVE_GIB - 7);
        assertThat(ZipFormat.u64(d, 16)).isEqualTo(FIVE_GIB);
    }
}
