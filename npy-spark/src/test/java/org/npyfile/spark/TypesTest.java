package org.npyfile.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npyfile.spark.SharedSpark.spark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.YearMonthIntervalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.fixtures.NumpyRuntime;

/** The documented type mapping, dtype by dtype, on files numpy wrote (both byte orders). */
@ExtendWith(SharedSpark.class)
class TypesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        NumpyRuntime.shared().get().produce("eval", dir, Map.ofEntries(Map.entry("arrays", Map.ofEntries(
                Map.entry("b1.npy", "np.array([True, False, True])"),
                Map.entry("i1.npy", "np.array([-128, 0, 127], dtype='i1')"),
                Map.entry("i2.npy", "np.array([-32768, 1, 32767], dtype='>i2')"),
                Map.entry("i4.npy", "np.array([-2**31, 2**31 - 1], dtype='<i4')"),
                Map.entry("i8.npy", "np.array([-2**63, 2**63 - 1], dtype='>i8')"),
                Map.entry("u1.npy", "np.array([0, 255], dtype='u1')"),
                Map.entry("u2.npy", "np.array([0, 65535], dtype='>u2')"),
                Map.entry("u4.npy", "np.array([0, 2**32 - 1], dtype='<u4')"),
                Map.entry("u8.npy", "np.array([0, 2**64 - 1], dtype='>u8')"),
                Map.entry("f2.npy", "np.array([1.5, -0.0, np.inf, 65504, 2**-24], dtype='<f2')"),
                Map.entry("f4.npy", "np.array([0.1, np.nan], dtype='>f4')"),
                Map.entry("f8.npy", "np.array([0.1, -np.inf], dtype='<f8')"),
                Map.entry("c8.npy", "np.array([1+2j, -3.5j], dtype='<c8')"),
                Map.entry("c16.npy", "np.array([1e300-1j], dtype='>c16')"),
                Map.entry("S.npy", "np.array([b'ab', b'', b'hello'], dtype='S5')"),
                Map.entry("U.npy", "np.array(['h\\u00e9llo', '', '\\U0001F600x'], dtype='>U7')"),
                Map.entry("V.npy", "np.array([b'\\x00\\x01\\x02'], dtype='V3')"),
                Map.entry("day.npy", "np.array(['2020-01-02', 'NaT', '1969-12-31'], dtype='<M8[D]')"),
                Map.entry("month.npy", "np.array(['2020-03', '1969-12'], dtype='M8[M]')"),
                Map.entry("ns.npy", "np.array(['2020-01-02T03:04:05.123456789'], dtype='M8[ns]')"),
                Map.entry("td_s.npy", "np.array([1, -5, 'NaT'], dtype='m8[s]')"),
                Map.entry("td_y.npy", "np.array([2, -1], dtype='>m8[Y]')"),
                Map.entry("record.npy", "np.array([(1.5, [1, 2], (7, 'ab')), (-2.0, [3, 4], (255, 'xyz'))], "
                        + "dtype=[('x', '<f4'), ('y', '>i8', (2,)), ('z', [('a', 'u1'), ('b', '<U3')])])"),
                Map.entry("grid.npy", "np.array([[(1, 2.0), (3, 4.0)]], dtype=[('n', '<i2'), ('v', '<f8')])")))));
    }

    private static Dataset<Row> read(String file) {
        return spark().read().format("npy").load(dir.resolve(file).toString());
    }

    private static DataType type(String file) {
        return read(file).schema().apply("data").dataType();
    }

    private static List<Object> values(String file) {
        return read(file).collectAsList().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void signedIntegersAndBoolMapToSparksTypes() {
        assertThat(type("b1.npy")).isEqualTo(DataTypes.BooleanType);
        assertThat(values("b1.npy")).containsExactly(true, false, true);
        assertThat(type("i1.npy")).isEqualTo(DataTypes.ByteType);
        assertThat(values("i1.npy")).containsExactly((byte) -128, (byte) 0, (byte) 127);
        assertThat(type("i2.npy")).isEqualTo(DataTypes.ShortType);
        assertThat(values("i2.npy")).containsExactly((short) -32768, (short) 1, (short) 32767);
        assertThat(values("i4.npy")).containsExactly(Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertThat(values("i8.npy")).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void unsignedIntegersWidenToTheNextSignedTypeAndUint64ToDecimal() {
        assertThat(type("u1.npy")).isEqualTo(DataTypes.ShortType);
        assertThat(values("u1.npy")).containsExactly((short) 0, (short) 255);
        assertThat(type("u2.npy")).isEqualTo(DataTypes.IntegerType);
        assertThat(values("u2.npy")).containsExactly(0, 65535);
        assertThat(type("u4.npy")).isEqualTo(DataTypes.LongType);
        assertThat(values("u4.npy")).containsExactly(0L, 4294967295L);
        assertThat(type("u8.npy")).isEqualTo(DataTypes.createDecimalType(20, 0));
        assertThat(values("u8.npy")).containsExactly(new BigDecimal("0"), new BigDecimal("18446744073709551615"));
    }

    @Test
    void floatsIncludingHalfPrecisionAndComplexNumbers() {
        assertThat(type("f2.npy")).isEqualTo(DataTypes.FloatType);
        assertThat(values("f2.npy")).containsExactly(1.5f, -0.0f, Float.POSITIVE_INFINITY, 65504f, 0x1p-24f);
        assertThat(values("f4.npy")).containsExactly(0.1f, Float.NaN);
        assertThat(type("f8.npy")).isEqualTo(DataTypes.DoubleType);
        assertThat(values("f8.npy")).containsExactly(0.1, Double.NEGATIVE_INFINITY);
        assertThat(type("c8.npy").catalogString()).isEqualTo("struct<real:float,imag:float>");
        assertThat(values("c8.npy")).extracting(v -> ((Row) v).getFloat(0) + "," + ((Row) v).getFloat(1))
                .containsExactly("1.0,2.0", "-0.0,-3.5");
        Row c16 = (Row) values("c16.npy").get(0);
        assertThat(c16.getDouble(0)).isEqualTo(1e300);
        assertThat(c16.getDouble(1)).isEqualTo(-1.0);
    }

    @Test
    void byteStringsAreBinaryAndUnicodeStringsAreStrings() {
        assertThat(type("S.npy")).isEqualTo(DataTypes.BinaryType);
        assertThat(values("S.npy")).extracting(v -> new String((byte[]) v, StandardCharsets.ISO_8859_1))
                .containsExactly("ab", "", "hello");
        assertThat(type("U.npy")).isEqualTo(DataTypes.StringType);
        assertThat(values("U.npy")).containsExactly("h\u00e9llo", "", "\uD83D\uDE00x");
        assertThat(values("V.npy")).extracting(v -> ((byte[]) v).length).containsExactly(3);
    }

    @Test
    void datetimesOfMicrosecondUnitsAreTimestampsAndNaTIsNull() {
        assertThat(type("day.npy")).isEqualTo(DataTypes.TimestampType);
        List<Row> days = read("day.npy").selectExpr("unix_micros(data)").collectAsList();
        assertThat(days.get(0).getLong(0)).isEqualTo(18263L * 86_400_000_000L);
        assertThat(days.get(1).isNullAt(0)).isTrue();
        assertThat(days.get(2).getLong(0)).isEqualTo(-86_400_000_000L);
        List<Row> months = read("month.npy").selectExpr("unix_micros(data)").collectAsList();
        assertThat(months.get(0).getLong(0)).isEqualTo(18322L * 86_400_000_000L);
        assertThat(months.get(1).getLong(0)).isEqualTo(-31L * 86_400_000_000L);
    }

    @Test
    void nanosecondsStayLongTicksUnlessPrecisionLossIsAllowed() {
        Dataset<Row> ticks = read("ns.npy");
        assertThat(ticks.schema().apply("data").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(ticks.schema().apply("data").metadata().getString("numpy.unit")).isEqualTo("ns");
        assertThat(ticks.first().getLong(0)).isEqualTo(1577934245123456789L);
        Dataset<Row> floored = spark().read().format("npy").option("allowPrecisionLoss", "true")
                .load(dir.resolve("ns.npy").toString());
        assertThat(floored.schema().apply("data").dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(floored.selectExpr("unix_micros(data)").first().getLong(0)).isEqualTo(1577934245123456L);
    }

    @Test
    void timedeltasAreIntervals() {
        assertThat(type("td_s.npy")).isEqualTo(DayTimeIntervalType.apply(DayTimeIntervalType.DAY(), DayTimeIntervalType.SECOND()));
        assertThat(values("td_s.npy")).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(-5), null);
        assertThat(type("td_y.npy")).isEqualTo(YearMonthIntervalType.apply(YearMonthIntervalType.YEAR(), YearMonthIntervalType.MONTH()));
        assertThat(values("td_y.npy")).containsExactly(Period.ofMonths(24).normalized(), Period.ofMonths(-12).normalized());
    }

    @Test
    void aStructuredDtypeGivesAColumnPerFieldWithNestedRecordsAsStructs() {
        Dataset<Row> df = read("record.npy");
        assertThat(df.schema().fieldNames()).containsExactly("x", "y", "z");
        assertThat(df.schema().apply("y").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.LongType, true));
        assertThat(df.schema().apply("z").dataType().catalogString()).isEqualTo("struct<a:smallint,b:string>");
        List<Row> rows = df.selectExpr("x", "y[1]", "z.a", "z.b").collectAsList();
        assertThat(rows.get(0).toString()).isEqualTo("[1.5,2,7,ab]");
        assertThat(rows.get(1).toString()).isEqualTo("[-2.0,4,255,xyz]");
        Dataset<Row> grid = read("grid.npy");
        assertThat(grid.schema().apply("n").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.ShortType, true));
        assertThat(grid.selectExpr("n[1]", "v[0]").first().toString()).isEqualTo("[3,2.0]");
    }

    /**
     * Every file above read row by row (vectorized reads off) gives exactly the rows that the column
     * batches give, which the tests above check against numpy's values; the batches really are used.
     */
    @Test
    void rowReadsAndColumnBatchesAgreeOnEveryDtype() throws IOException {
        List<Path> files;
        try (var listing = java.nio.file.Files.list(dir)) {
            files = listing.filter(f -> f.toString().endsWith(".npy")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            Dataset<Row> batches = read(file.getFileName().toString());
            assertThat(batches.queryExecution().executedPlan().toString()).as(file.toString())
                    .contains("ColumnarToRow");
            List<Row> expected = batches.collectAsList();
            spark().conf().set(NumpyOptions.VECTORIZED_READER_CONF, "false");
            try {
                Dataset<Row> rows = read(file.getFileName().toString());
                assertThat(rows.queryExecution().executedPlan().toString()).doesNotContain("ColumnarToRow");
                assertThat(rows.collectAsList()).as(file.toString()).isEqualTo(expected);
            } finally {
                spark().conf().unset(NumpyOptions.VECTORIZED_READER_CONF);
            }
        }
    }
}
