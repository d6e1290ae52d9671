package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.npz.Npz;

/**
 * {@code npy show} without numpy at hand: each expected text below is what numpy 2.4 prints for the
 * same array ({@link ShowMatchesNumpyTest} compares with a live numpy).
 */
class ShowTest {

    private static final String N = System.lineSeparator();

    @TempDir
    Path tmp;

    private String show(NpyArray array, String... options) throws IOException {
        Path file = tmp.resolve("a.npy");
        Npy.write(file, array);
        Object[] args = new Object[options.length + 2];
        args[0] = "show";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = file;
        Cli.Result result = Cli.run(args);
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return result.out();
    }

    @Test
    void floatsGetNumpysCommonPaddingAndNonFiniteValues() throws IOException {
        assertThat(show(NpyArray.of(new float[] {0.1f, 2.5f, Float.NaN, Float.NEGATIVE_INFINITY})))
                .isEqualTo("array([ 0.1,  2.5,  nan, -inf], dtype=float32)" + N);
    }

    @Test
    void aWideRangeOfMagnitudesSwitchesToScientificNotation() throws IOException {
        assertThat(show(NpyArray.of(new double[] {1e-5, 1.0, 123456.0})))
                .isEqualTo("array([1.00000e-05, 1.00000e+00, 1.23456e+05])" + N);
    }

    @Test
    void complexNumbersAlignRealAndImaginaryParts() throws IOException {
        assertThat(show(NpyArray.ofComplex128(new double[] {1, 2, 3.5, -1})))
                .isEqualTo("array([1. +2.j, 3.5-1.j])" + N);
    }

    @Test
    void datetimesPrintAsIsoTextEvenWhenTheirYearsOverflow() throws IOException {
        NpyArray days = NpyArray.ofDatetime64(new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE}, "D");
        assertThat(show(days)).isEqualTo("array([             '1970-01-01',              '1970-01-02'," + N
                + "                    '1969-12-31', '25252734927768524-07-27'," + N
                + "                           'NaT'], dtype='datetime64[D]')" + N);
    }

    @Test
    void largeArraysAreSummarisedWithTheirShape() throws IOException {
        assertThat(show(NpyArray.of(LongStream.range(0, 2000).toArray())))
                .isEqualTo("array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))" + N);
    }

    @Test
    void emptyArraysShowShapeAndDtype() throws IOException {
        assertThat(show(NpyArray.of(new short[0], 0, 3).withByteOrder(ByteOrder.BIG_ENDIAN)))
                .isEqualTo("array([], shape=(0, 3), dtype='>i2')" + N);
    }

    @Test
    void zeroDimensionalArraysShowTheirOneValue() throws IOException {
        assertThat(show(NpyArray.of(new double[] {3}).reshape())).isEqualTo("array(3.)" + N);
    }

    @Test
    void printOptionsWorkAsNumpysSetPrintoptions() throws IOException {
        double[] sevenths = new double[12];
        for (int i = 0; i < sevenths.length; i++) {
            sevenths[i] = i / 7.0;
        }
        String[] options = {"--threshold", "5", "--edgeitems", "1", "--linewidth", "20", "--precision", "3"};
        assertThat(show(NpyArray.of(sevenths, 3, 4), options)).isEqualTo("array([[0.   ," + N
                + "        ...," + N
                + "        0.429]," + N
                + "       ...," + N
                + "       [1.143," + N
                + "        ...," + N
                + "        1.571]]," + N
                + "      shape=(3, 4))" + N);
        assertThat(show(NpyArray.of(new double[] {1 / 3.0, 2 / 3.0, 1}), options))
                .isEqualTo("array([0.333," + N + "       0.667," + N + "       1.   ])" + N);
    }

    @Test
    void anArchiveEntryIsNamedWithAColon() throws IOException {
        Path archive = tmp.resolve("pair.npz");
        Npz.write(archive, java.util.Map.of("x", NpyArray.of(new int[] {1, 2})));
        Cli.Result result = Cli.run("show", archive + ":x");
        assertThat(result.out()).isEqualTo("array([1, 2], dtype=int32)" + N);
    }

    @Test
    void badPrintOptionsAreUsageErrors() throws IOException {
        Path file = tmp.resolve("a.npy");
        Npy.write(file, NpyArray.of(new double[] {1}));
        Cli.Result result = Cli.run("show", "--edgeitems", "0", file);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("edge items");
    }
}
