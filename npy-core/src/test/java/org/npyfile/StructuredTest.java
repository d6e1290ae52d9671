package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npyfile.RawNpy.dict;
import static org.npyfile.RawNpy.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Structured dtypes; the descr strings are the ones numpy 2.4.6 writes for these dtypes. */
class StructuredTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "[('x', '<f4'), ('y', '>i8'), ('name', '<U3')]",
        "[('a', '|u1'), ('', '|V7'), ('b', '<f8'), ('c', '<i2'), ('', '|V6')]",
        "[('pos', [('x', '<f4'), ('y', '<f4')]), ('id', '<u2')]",
        "[('m', '<f8', (2, 3)), ('v', '>i4', (4,))]",
        "[(('X axis', 'x'), '<f4'), ('y', '<i2')]",
        "[('', '|V4'), ('a', '<i4'), ('', '|V4'), ('b', '<i2'), ('', '|V2')]",
        "[('\u00e9t\u00e9', '<f4')]",
    })
    void readsAndPrintsBackTheDescrNumpyWrites(String descr) throws NpyException {
        byte[] file = npy(dict(descr, "False", "(2,)"), new byte[2 * 64]);
        NpyArray array = Npy.read(java.util.Arrays.copyOf(file, file.length));
        assertThat(array.dtype().kind()).isEqualTo(DType.Kind.RECORD);
        assertThat(array.dtype().descr()).isEqualTo(descr);
    }

    @Test
    void countsPaddingInTheItemSizeButNotAsAField() throws NpyException {
        byte[] file = npy(dict("[('a', '|u1'), ('', '|V7'), ('b', '<f8'), ('c', '<i2'), ('', '|V6')]", "False", "(1,)"),
                new byte[24]);
        DType t = Npy.read(file).dtype();
        assertThat(t.itemSize()).isEqualTo(24);
        assertThat(t.fields()).extracting(DType.Field::name).containsExactly("a", "b", "c");
        assertThat(t.fields()).extracting(DType.Field::offset).containsExactly(0, 8, 16);
    }

    @Test
    void readsFieldsByNameInEitherByteOrder() throws NpyException {
        ByteBuffer data = ByteBuffer.allocate(2 * 12);
        data.order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 1.5f).putFloat(12, -2f);
        data.order(ByteOrder.BIG_ENDIAN).putLong(4, 7).putLong(16, Long.MIN_VALUE);
        NpyArray array = Npy.read(npy(dict("[('x', '<f4'), ('y', '>i8')]", "False", "(2,)"), data.array()));
        assertThat(array.field("x").asFloatArray()).containsExactly(1.5f, -2f);
        assertThat(array.field("y").dtype().descr()).isEqualTo(">i8");
        assertThat(array.field("y").asLongArray()).containsExactly(7L, Long.MIN_VALUE);
        assertThatThrownBy(() -> array.field("z")).isInstanceOf(NpyTypeException.class)
                .hasMessageContaining("no field 'z'").hasMessageContaining("(2,)");
        assertThatThrownBy(array::asFloatArray).isInstanceOf(NpyTypeException.class)
                .hasMessageContaining("[('x', '<f4'), ('y', '>i8')]");
    }

    @Test
    void subArrayFieldsAppendTheirShapeAndNestedRecordsNest() throws NpyException {
        DType inner = DType.record().field("x", DType.FLOAT32).field("y", DType.FLOAT32).build();
        DType outer = DType.record().field("pos", inner).field("m", DType.INT16, 2, 3).build();
        assertThat(outer.descr()).isEqualTo("[('pos', [('x', '<f4'), ('y', '<f4')]), ('m', '<i2', (2, 3))]");
        Map<String, NpyArray> columns = new LinkedHashMap<>();
        Map<String, NpyArray> pos = new LinkedHashMap<>();
        pos.put("x", NpyArray.of(new float[] {1, 2}));
        pos.put("y", NpyArray.of(new float[] {3, 4}));
        columns.put("pos", NpyArray.ofRecords(pos));
        columns.put("m", NpyArray.of(new short[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 2, 3));
        NpyArray records = NpyArray.ofRecords(outer, new long[] {2}, columns);
        NpyArray back = Npy.read(Npy.toBytes(records));
        assertThat(back.field("pos").field("y").asFloatArray()).containsExactly(3, 4);
        assertThat(back.field("m").shape()).containsExactly(2, 2, 3);
        assertThat(back.field("m").asShortArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void changesTheByteOrderOfEveryFieldAndKeepsValues() throws NpyException {
        Map<String, NpyArray> columns = new LinkedHashMap<>();
        columns.put("a", NpyArray.of(new double[] {0.5, -1}));
        columns.put("b", NpyArray.ofStrings(new String[] {"\u00e9", "xy"}));
        columns.put("c", NpyArray.of(new byte[] {5, 6}));
        NpyArray le = NpyArray.ofRecords(columns);
        NpyArray be = le.withByteOrder(ByteOrder.BIG_ENDIAN);
        assertThat(be.dtype().descr()).isEqualTo("[('a', '>f8'), ('b', '>U2'), ('c', '|i1')]");
        assertThat(be.field("a").asDoubleArray()).containsExactly(0.5, -1);
        assertThat(be.field("b").asStringArray()).containsExactly("\u00e9", "xy");
        assertThat(be.withByteOrder(ByteOrder.LITTLE_ENDIAN)).isEqualTo(le);
    }

    @Test
    void latin1NamesStayInVersion1AndOthersNeedVersion3() {
        DType latin = DType.record().field("\u00e9t\u00e9", DType.FLOAT32).build();
        DType cjk = DType.record().field("\u4e2d\u6587", DType.FLOAT32).build();
        assertThat(NpyHeader.of(latin, 2).majorVersion()).isEqualTo(1);
        assertThat(NpyHeader.of(cjk, 2).majorVersion()).isEqualTo(3);
    }

    @Test
    void recordsOfZeroSizeFieldsHaveElementsButNoBytes() throws NpyException {
        // np.save(f, np.zeros(3, dtype=[('x', '<f4', (0,))])) writes this header and no data.
        byte[] file = npy(dict("[('x', '<f4', (0,))]", "False", "(3,)"), new byte[0]);
        NpyArray array = Npy.read(file);
        assertThat(array.elementCount()).isEqualTo(3);
        assertThat(array.dtype().itemSize()).isZero();
        assertThat(array.field("x").shape()).containsExactly(3, 0);
        assertThat(Npy.read(Npy.toBytes(array))).isEqualTo(array);
    }

    @Test
    void aHugeStringDtypeWithNoElementsAllocatesNothing() throws IOException {
        // Found by fuzzing: a 2 GB item size on an empty array must not size any buffer.
        byte[] file = npy(dict("[('a', '|u2'), ('c', '<U524886661')]", "False", "(0,)"), new byte[0]);
        NpyArray array = Npy.read(file);
        assertThat(array.field("c").asStringArray()).isEmpty();
        assertThat(Npy.read(Npy.toBytes(array)).dtype()).isEqualTo(array.dtype());
    }

    @Test
    void keepsEmptyFieldNamesAsNumpyDoes() throws NpyException {
        // numpy's descr_to_dtype keeps '' as a name; only ('', '|V<n>') is padding.
        byte[] file = npy(dict("[('', '<f4'), ('f0', '<i4')]", "False", "(1,)"), new byte[8]);
        DType t = Npy.read(file).dtype();
        assertThat(t.fields()).extracting(DType.Field::name).containsExactly("", "f0");
        assertThat(t.descr()).isEqualTo("[('', '<f4'), ('f0', '<i4')]");
        byte[] titled = npy(dict("[(('t', ''), '|V4'), ('b', '<i4')]", "False", "(1,)"), new byte[8]);
        assertThat(Npy.read(titled).dtype().fields()).extracting(DType.Field::title).containsExactly("t", null);
    }
}
