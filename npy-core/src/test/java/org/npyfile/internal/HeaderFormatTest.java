package org.npyfile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.npyfile.DType;

class HeaderFormatTest {

    @Test
    void writesTheSevenFloatHeaderNumpyWrites() {
        // np.save(BytesIO, np.zeros(7, "<f4")) with numpy 2.4.6: 18 growth spaces + 42 alignment spaces.
        byte[] preamble = HeaderFormat.encode(DType.FLOAT32, false, new long[] {7}).bytes();

        assertThat(HexFormat.of().formatHex(preamble, 0, 10)).isEqualTo("934e554d505901007600");
        String text = new String(preamble, 10, preamble.length - 10, StandardCharsets.ISO_8859_1);
        assertThat(text).isEqualTo("{'descr': '<f4', 'fortran_order': False, 'shape': (7,), }"
                + " ".repeat(60) + "\n");
        assertThat(preamble).hasSize(0x80);
    }

    @Test
    void alignsEveryHeaderTo64BytesWithAtLeastOneSpaceBeforeTheNewline() throws Exception {
        long[][] shapes = {{}, {0}, {3, 4, 5}, {Long.MAX_VALUE / 8}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
        for (long[] shape : shapes) {
            for (boolean fortran : new boolean[] {false, true}) {
                byte[] preamble = HeaderFormat.encode(DType.parse("<U7"), fortran, shape).bytes();
                assertThat(preamble.length % HeaderFormat.ARRAY_ALIGN).isZero();
                assertThat(preamble[preamble.length - 1]).isEqualTo((byte) '\n');
                assertThat(preamble[preamble.length - 2]).isEqualTo((byte) ' ');
            }
        }
    }

    @Test
    void padsTheGrowthAxisTo21DigitsAndNothingFor0d() {
        assertThat(HeaderFormat.dictText(DType.FLOAT64, false, new long[] {3, 4}))
                .isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }" + " ".repeat(20));
        assertThat(HeaderFormat.dictText(DType.FLOAT64, true, new long[] {3, 1234}))
                .isEqualTo("{'descr': '<f8', 'fortran_order': True, 'shape': (3, 1234), }" + " ".repeat(17));
        assertThat(HeaderFormat.dictText(DType.FLOAT64, false, new long[0]))
                .isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (), }");
    }

    @Test
    void printsShapesAsPythonTuples() {
        assertThat(Shape.repr(new long[0])).isEqualTo("()");
        assertThat(Shape.repr(new long[] {7})).isEqualTo("(7,)");
        assertThat(Shape.repr(new long[] {3, 4, 5})).isEqualTo("(3, 4, 5)");
    }

    @Test
    void choosesVersion1UnlessTheHeaderOutgrowsTwoLengthBytes() {
        assertThat(HeaderFormat.encode(DType.INT8, false, new long[] {1}).majorVersion()).isEqualTo(1);
        long[] manyDims = new long[30_000];
        java.util.Arrays.fill(manyDims, 1);
        HeaderFormat.Encoded big = HeaderFormat.encode(DType.INT8, false, manyDims);
        assertThat(big.majorVersion()).isEqualTo(2);
        assertThat(big.bytes().length % 64).isZero();
    }

    @Test
    void reprQuotesLikePython() {
        assertThat(PythonRepr.str("<f4")).isEqualTo("'<f4'");
        assertThat(PythonRepr.str("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.str("a'b\"c")).isEqualTo("'a\\'b\"c'");
        assertThat(PythonRepr.str("tab\there\\")).isEqualTo("'tab\\there\\\\'");
        assertThat(PythonRepr.str("\u00e9t\u00e9 \u4e2d")).isEqualTo("'\u00e9t\u00e9 \u4e2d'");
        assertThat(PythonRepr.str("\u0000\u0085")).isEqualTo("'\\x00\\x85'");
    }
}
