package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NpyArrayTest {

    @Test
    void unsignedValuesAreNeverSilentlySigned() throws NpyException {
        NpyArray u4 = NpyArray.ofUnsigned(new int[] {-1, 0, 7});
        assertThat(u4.dtype().descr()).isEqualTo("<u4");
        assertThat(u4.asIntArray()).containsExactly(-1, 0, 7);
        assertThat(u4.toLongArray()).containsExactly(4294967295L, 0, 7);
        assertThatThrownBy(u4::toIntArray).isInstanceOf(NpyTypeException.class)
                .hasMessageContaining("<u4").hasMessageContaining("(3,)");
        NpyArray u8 = NpyArray.ofUnsigned(new long[] {-1});
        assertThatThrownBy(u8::toLongArray).isInstanceOf(NpyTypeException.class).hasMessageContaining("<u8");
        assertThat(NpyArray.ofUnsigned(new byte[] {(byte) 200}).toShortArray()).containsExactly((short) 200);
    }

    @Test
    void widensOnlyWhereNoValueIsLost() throws NpyException {
        assertThat(NpyArray.of(new int[] {Integer.MAX_VALUE}).toDoubleArray()).containsExactly(2147483647.0);
        assertThatThrownBy(() -> NpyArray.of(new int[] {1}).toFloatArray()).isInstanceOf(NpyTypeException.class);
        assertThatThrownBy(() -> NpyArray.of(new long[] {1}).toDoubleArray()).isInstanceOf(NpyTypeException.class);
        assertThatThrownBy(() -> NpyArray.of(new double[] {1}).asFloatArray()).isInstanceOf(NpyTypeException.class);
        assertThat(NpyArray.ofFloat16(new float[] {0.1f}).toDoubleArray()).containsExactly(0.0999755859375);
    }

    @Test
    void transposesBetweenCAndFortranOrder() throws NpyException {
        NpyArray c = NpyArray.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, 2, 3, 4);
        NpyArray f = c.toFortranOrder();
        assertThat(f.fortranOrder()).isTrue();
        // Fortran order stores the first index fastest. Element [i][j][k] = 12i + 4j + k.
        int[] stored = new int[24];
        f.data().asIntBuffer().get(stored);
        assertThat(stored).startsWith(0, 12, 4, 16, 8, 20, 1, 13);
        // Accessors speak C order whatever the layout.
        assertThat(f.asIntArray()).containsExactly(c.asIntArray());
        assertThat(f.toCOrder().asIntArray()).containsExactly(c.asIntArray());
        assertThat(f.getInt(1, 2, 3)).isEqualTo(23);
        assertThat(f.getInt(7)).isEqualTo(7);
    }

    @Test
    void byteOrderChangesStorageNotValues() throws NpyException {
        NpyArray le = NpyArray.ofComplex128(new double[] {1.5, -2.25});
        NpyArray be = le.withByteOrder(ByteOrder.BIG_ENDIAN);
        assertThat(be.dtype().descr()).isEqualTo(">c16");
        assertThat(be.data().get(0)).isEqualTo((byte) 0x3F);
        assertThat(be.asDoubleArray()).containsExactly(1.5, -2.25);
        assertThat(NpyArray.ofStrings(new String[] {"ab"}).withByteOrder(ByteOrder.BIG_ENDIAN).asStringArray())
                .containsExactly("ab");
    }

    @Test
    void stringsStripTrailingNulsAndKeepEveryByte() throws NpyException {
        NpyArray s = NpyArray.ofStrings(DType.bytes(4), new String[] {"a\u0000b", "\u00ff\u0080", ""});
        assertThat(s.dtype().descr()).isEqualTo("|S4");
        assertThat(s.asStringArray()).containsExactly("a\u0000b", "\u00ff\u0080", "");
        assertThatThrownBy(() -> NpyArray.ofStrings(DType.bytes(4), new String[] {"\u4e2d"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NpyArray.ofStrings(new String[] {"", ""}).dtype().descr()).isEqualTo("<U1");
    }

    @Test
    void factoriesCheckTheShape() {
        assertThatThrownBy(() -> NpyArray.of(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2, 3)");
        assertThat(NpyArray.of(new float[] {4f}).reshape().shape()).isEmpty();
        assertThat(NpyArray.of(new float[0], 0, 3).elementCount()).isZero();
    }

    @Test
    void parsesEveryDescrFormNumpyAccepts() throws NpyException {
        assertThat(DType.parse("<f4")).isEqualTo(DType.FLOAT32);
        assertThat(DType.parse("f8").descr()).isEqualTo(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "<f8" : ">f8");
        assertThat(DType.parse("float64")).isEqualTo(DType.parse("=f8"));
        assertThat(DType.parse("<i1").descr()).isEqualTo("|i1");
        assertThat(DType.parse("?").descr()).isEqualTo("|b1");
        assertThat(DType.parse(">U7").itemSize()).isEqualTo(28);
        assertThat(DType.parse("<M8[ns]").unit()).isEqualTo("ns");
        assertThat(DType.parse(">m8[10s]").descr()).isEqualTo(">m8[10s]");
        assertThat(DType.parse("<M8").descr()).isEqualTo("<M8");
        assertThat(DType.parse("<f16").isLongDouble()).isTrue();
        assertThat(DType.parse("g")).isEqualTo(DType.parse("<f16"));
        assertThat(DType.parse(">c32").descr()).isEqualTo(">c32");
        assertThat(DType.parse("O").descr()).isEqualTo("|O");
        assertThat(DType.parse("|S0").itemSize()).isZero();
        assertThatThrownBy(() -> DType.parse("<i3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DType.parse("<M8[fortnight]")).isInstanceOf(IllegalArgumentException.class);
        // What numpy 2.4.6 refuses, refused; what it canonicalises, canonicalised.
        assertThatThrownBy(() -> DType.parse("!i4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DType.parse("<float32")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DType.parse("<M8[1s]")).isEqualTo(DType.parse("<M8[s]"));
        assertThat(DType.parse("<d")).isEqualTo(DType.FLOAT64);
    }
}
