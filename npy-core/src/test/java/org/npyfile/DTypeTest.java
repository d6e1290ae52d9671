package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One descr codec: what {@link DType#descr()} prints, {@link DType#parse(String)} reads back as the same dtype. */
class DTypeTest {

    private static List<DType> everyKind() {
        List<DType> all = new ArrayList<>();
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            all.add(DType.of(DType.Kind.BOOL, 1, order));
            for (int size : new int[] {1, 2, 4, 8}) {
                all.add(DType.of(DType.Kind.INT, size, order));
                all.add(DType.of(DType.Kind.UINT, size, order));
            }
            for (int size : new int[] {2, 4, 8, 16}) {
                all.add(DType.of(DType.Kind.FLOAT, size, order));
            }
            for (int size : new int[] {8, 16, 32}) {
                all.add(DType.of(DType.Kind.COMPLEX, size, order));
            }
            all.add(DType.of(DType.Kind.BYTES, 5, order));
            all.add(DType.of(DType.Kind.BYTES, 0, order));
            all.add(DType.of(DType.Kind.UNICODE, 28, order));
            all.add(DType.of(DType.Kind.VOID, 3, order));
            all.add(DType.of(DType.Kind.OBJECT, 8, order));
            all.add(DType.datetime64("ns").withByteOrder(order));
            all.add(DType.datetime64("").withByteOrder(order));
            all.add(DType.timedelta64("10s").withByteOrder(order));
        }
        DType inner = DType.record().field("re", DType.FLOAT32).padding(4).field("im", DType.FLOAT64.withByteOrder(ByteOrder.BIG_ENDIAN)).build();
        all.add(inner);
        all.add(DType.record().field("x", DType.INT16).field("Title \u00e9", "name", DType.unicode(3))
                .field("sub", inner, 2, 3).padding(3).field("o", DType.of(DType.Kind.OBJECT, 8, ByteOrder.LITTLE_ENDIAN))
                .field("when", DType.datetime64("ms"), 4).build());
        all.add(DType.record().padding(7).build());
        return all;
    }

    @Test
    void parseReadsBackWhatDescrPrintsForEveryDtype() {
        for (DType d : everyKind()) {
            assertThat(DType.parse(d.descr())).as(d.descr()).isEqualTo(d);
        }
    }

    @Test
    void ofRefusesSizesNumpyHasNot() {
        assertThatThrownBy(() -> DType.of(DType.Kind.FLOAT, 12, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOAT of 12 bytes");
        assertThatThrownBy(() -> DType.of(DType.Kind.UNICODE, 6, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DType.of(DType.Kind.RECORD, 4, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DType.record()");
        assertThatThrownBy(() -> DType.parse("[('x', '<f4'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void predicatesSayWhatNumpyKindsSay() {
        assertThat(DType.parse("<u4").isInteger()).isTrue();
        assertThat(DType.parse("<f2").isFloat16()).isTrue();
        assertThat(DType.parse("<f4").isFloat16()).isFalse();
        assertThat(DType.parse("<c32").isLongDouble()).isTrue();
        assertThat(DType.parse("|S3").isString()).isTrue();
        assertThat(DType.parse("[('a', '<i4'), ('b', [('c', '|O')])]").hasObjects()).isTrue();
        assertThat(DType.parse("[('a', '<i4')]").hasObjects()).isFalse();
    }
}
