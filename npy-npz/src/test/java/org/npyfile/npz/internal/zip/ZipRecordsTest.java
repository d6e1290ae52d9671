package org.npyfile.npz.internal.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.npyfile.npz.NpzFormatException;

/**
 * The records as the writer writes them, at sizes no test archive reaches (entries over 4 GiB,
 * offsets past 2 GiB, more than 65,535 entries), checked field by field and read back by the same
 * records' parsers.
 */
class ZipRecordsTest {

    private static final byte[] NAME = "big.npy".getBytes(StandardCharsets.US_ASCII);
    private static final long FIVE_GIB = 5L << 30;

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static CentralHeader readBack(byte[] h) throws NpzFormatException {
        return CentralHeader.parse(777, Arrays.copyOf(h, CentralHeader.FIXED_LENGTH),
                Arrays.copyOfRange(h, CentralHeader.FIXED_LENGTH, h.length));
    }

    @Test
    void aLocalHeaderCarriesSizesOver4GiBInItsZip64FieldAndReadsBack() throws Exception {
        byte[] h = bytes(LocalHeader.write(NAME, 0, 8, 0x1234_5678L, FIVE_GIB - 7, FIVE_GIB));
        assertThat(ZipFormat.u32(h, 18)).isEqualTo(ZipFormat.MARK_32);
        assertThat(ZipFormat.u32(h, 22)).isEqualTo(ZipFormat.MARK_32);
        byte[] variable = Arrays.copyOfRange(h, LocalHeader.FIXED_LENGTH, h.length);
        assertThat(LocalHeader.variableLength(h)).isEqualTo(variable.length);
        LocalHeader parsed = LocalHeader.parse(1000, h, variable, null);
        assertThat(parsed.name()).isEqualTo("big.npy");
        assertThat(parsed.size()).isEqualTo(FIVE_GIB);
        assertThat(parsed.compressedSize()).isEqualTo(FIVE_GIB - 7);
        assertThat(parsed.crc()).isEqualTo(0x1234_5678L);
        assertThat(parsed.zip64()).isTrue();
        assertThat(parsed.dataOffset()).isEqualTo(1000 + h.length);
    }

    @Test
    void aLocalHeaderWithADataDescriptorDeclaresNothing() throws Exception {
        byte[] h = bytes(LocalHeader.write(NAME, ZipFormat.FLAG_DATA_DESCRIPTOR, 0, 99, 5, 5));
        LocalHeader parsed = LocalHeader.parse(0, h, Arrays.copyOfRange(h, LocalHeader.FIXED_LENGTH, h.length), null);
        assertThat(parsed.sizesDeclared()).isFalse();
        assertThat(new long[] {parsed.crc(), parsed.compressedSize(), parsed.size()}).containsOnly(-1);
    }

    @Test
    void theCentralDirectoryMovesOnlyValuesOverCpythonsLimitToZip64() throws Exception {
        byte[] small = bytes(CentralHeader.write(NAME, 0, 0, 1, 100, 100, 200, false));
        assertThat(ZipFormat.u16(small, 30)).as("no extra field").isZero();
        assertThat(ZipFormat.u32(small, 20)).isEqualTo(100);
        assertThat(readBack(small)).isEqualTo(new CentralHeader(777, 0, 0, 1, 100, 100, 200, "big.npy", small.length));

        long offset = 3L << 30;
        byte[] big = bytes(CentralHeader.write(NAME, 0, 8, 1, FIVE_GIB - 7, FIVE_GIB, offset, false));
        assertThat(ZipFormat.u32(big, 20)).isEqualTo(ZipFormat.MARK_32);
        assertThat(ZipFormat.u32(big, 24)).isEqualTo(ZipFormat.MARK_32);
        assertThat(ZipFormat.u32(big, 42)).isEqualTo(ZipFormat.MARK_32);
        int extra = CentralHeader.FIXED_LENGTH + NAME.length;
        assertThat(ZipFormat.u16(big, extra)).isEqualTo(Zip64Extra.ID);
        assertThat(ZipFormat.u16(big, extra + 2)).isEqualTo(24);
        assertThat(ZipFormat.u64(big, extra + 4)).as("size first").isEqualTo(FIVE_GIB);
        assertThat(ZipFormat.u64(big, extra + 12)).isEqualTo(FIVE_GIB - 7);
        assertThat(ZipFormat.u64(big, extra + 20)).isEqualTo(offset);
        CentralHeader parsed = readBack(big);
        assertThat(parsed.size()).isEqualTo(FIVE_GIB);
        assertThat(parsed.compressedSize()).isEqualTo(FIVE_GIB - 7);
        assertThat(parsed.localHeaderOffset()).isEqualTo(offset);

        byte[] offsetOnly = bytes(CentralHeader.write(NAME, 0, 0, 1, 10, 10, offset, false));
        assertThat(ZipFormat.u32(offsetOnly, 20)).isEqualTo(10);
        assertThat(ZipFormat.u16(offsetOnly, extra + 2)).isEqualTo(8);
        assertThat(readBack(offsetOnly).localHeaderOffset()).isEqualTo(offset);
    }

    @Test
    void aCentralZip64FieldTooShortForItsMarkedValuesIsRefused() {
        byte[] big = bytes(CentralHeader.write(NAME, 0, 8, 1, FIVE_GIB - 7, FIVE_GIB, 3L << 30, false));
        int extra = CentralHeader.FIXED_LENGTH + NAME.length;
        big[extra + 2] = 16; // room for the sizes, not for the offset
        byte[] cut = Arrays.copyOf(big, big.length - 8);
        cut[30] = 20;
        assertThatThrownBy(() -> readBack(cut)).isInstanceOf(NpzFormatException.class).hasMessageContaining("too short");
        big[extra + 2] = 30; // runs past the extra data
        assertThatThrownBy(() -> readBack(big)).isInstanceOf(NpzFormatException.class)
                .hasMessageContaining("running past the extra data");
    }

    @Test
    void theEndRecordsGoZip64ForManyEntriesOrAFarDirectory() throws Exception {
        byte[] plain = bytes(EndRecord.write(3, 300, 5000, false));
        assertThat(plain).hasSize(EndRecord.LENGTH);
        assertThat(EndRecord.parse(9, plain, 0)).isEqualTo(new EndRecord(9, 3, 300, 5000));

        byte[] many = bytes(EndRecord.write(70_000, 4_000_000, 9_000_000, false));
        assertThat(many).hasSize(Zip64EndRecord.LENGTH + Zip64EndRecord.Locator.LENGTH + EndRecord.LENGTH);
        assertThat(Zip64EndRecord.parse(13_000_000, many))
                .isEqualTo(new Zip64EndRecord(13_000_000, 70_000, 4_000_000, 9_000_000));
        byte[] locator = Arrays.copyOfRange(many, 56, 76);
        assertThat(Zip64EndRecord.Locator.parse(0, locator).recordOffset())
                .as("the ZIP64 record follows the directory").isEqualTo(13_000_000);
        EndRecord end = EndRecord.parse(0, many, 76);
        assertThat(end.count()).as("count capped as CPython writes it").isEqualTo(0xFFFF);
        assertThat(end.directoryOffset()).isEqualTo(9_000_000);
        assertThat(EndRecord.findLast(many)).isEqualTo(76);

        byte[] far = bytes(EndRecord.write(2, 100, 5L << 30, false));
        assertThat(Zip64EndRecord.parse(0, far).directoryOffset()).isEqualTo(5L << 30);
        assertThat(EndRecord.parse(0, far, 76).directoryOffset()).isEqualTo(ZipFormat.MARK_32);
    }

    @Test
    void aDataDescriptorHasEightByteSizesAndIsReadInTheFormThatMatches() throws Exception {
        byte[] d = bytes(DataDescriptor.write(0xCAFE_BABEL, FIVE_GIB - 7, FIVE_GIB));
        assertThat(ZipFormat.u32(d, 0)).isEqualTo(DataDescriptor.SIGNATURE);
        assertThat(DataDescriptor.parse(d, 0, d.length, true, 0xCAFE_BABEL, FIVE_GIB - 7, FIVE_GIB, "e", 0))
                .isEqualTo(new DataDescriptor(0xCAFE_BABEL, FIVE_GIB - 7, FIVE_GIB, 24));
        // java.util.zip's form: no ZIP64 field, signature, 4-byte sizes; followed by the next header
        ByteBuffer small = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(DataDescriptor.SIGNATURE).putInt(7).putInt(10).putInt(20).putInt(LocalHeader.SIGNATURE);
        assertThat(DataDescriptor.parse(small.array(), 0, 20, false, 7, 10, 20, "e", 0).length()).isEqualTo(16);
        assertThatThrownBy(() -> DataDescriptor.parse(d, 0, 10, true, 1, 2, 3, "e", 0))
                .isInstanceOf(NpzFormatException.class).hasMessageContaining("truncated");
    }
}
