package org.npyfile.spark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType$;
import org.apache.spark.sql.types.YearMonthIntervalType;
import org.npyfile.DType;
import org.npyfile.NpyTypeException;

/**
 * The one mapping between numpy dtypes and Spark SQL types, both ways.
 *
 * <table>
 * <caption>numpy to Spark</caption>
 * <tr><th>dtype</th><th>Spark type</th></tr>
 * <tr><td>bool</td><td>boolean</td></tr>
 * <tr><td>int8, int16, int32, int64</td><td>byte, short, int, long</td></tr>
 * <tr><td>uint8, uint16, uint32</td><td>short, int, long (the next wider signed type)</td></tr>
 * <tr><td>uint64</td><td>decimal(20,0)</td></tr>
 * <tr><td>float16, float32</td><td>float</td></tr>
 * <tr><td>float64</td><td>double</td></tr>
 * <tr><td>complex64, complex128</td><td>struct&lt;real, imag&gt; of float, double</td></tr>
 * <tr><td>S (bytes), V (raw void)</td><td>binary</td></tr>
 * <tr><td>U (str)</td><td>string</td></tr>
 * <tr><td>datetime64 of Y, M, W, D, h, m, s, ms, us</td><td>timestamp ({@code spark.sql.timestampType}); NaT is null</td></tr>
 * <tr><td>timedelta64 of W, D, h, m, s, ms, us</td><td>interval day to second; of Y, M: interval year to month</td></tr>
 * <tr><td>datetime64, timedelta64 of ns, ps, fs, as or no unit</td><td>long ticks, the unit in the metadata
 *     (timestamp and interval floored to microseconds with {@code allowPrecisionLoss})</td></tr>
 * <tr><td>structured</td><td>struct of the fields (a column per field at the top of a {@code .npy})</td></tr>
 * <tr><td>a row of shape (a, b, ...)</td><td>array of array of ... of the element type</td></tr>
 * </table>
 *
 * <p>Every column carries the dtype it was read from ({@value #DTYPE_KEY}, little-endian form) and its
 * row shape ({@value #SHAPE_KEY}) in its metadata; writers use them to write the same dtype back.
 */
public final class TypeMapping {

    /** Column metadata key: the numpy descr of the column's elements, in little-endian form. */
    public static final String DTYPE_KEY = "numpy.dtype";
    /** Column metadata key: the column's shape per row, as numpy prints a shape. */
    public static final String SHAPE_KEY = "numpy.shape";
    /** Column metadata key: the datetime64 or timedelta64 unit of a column of long ticks. */
    public static final String UNIT_KEY = "numpy.unit";

    /** Names of the two fields of a complex number's struct. */
    public static final String REAL = "real";
    /** The imaginary part's field name. */
    public static final String IMAG = "imag";

    private TypeMapping() {
    }

    /** How datetime64 and timedelta64 values appear in Spark. */
    public enum TimeForm {
        /** Not a time type. */
        NONE,
        /** Microseconds since the epoch (timestamp) or microseconds (day-time interval). */
        MICROS,
        /** Months (year-month interval) or calendar months/years as timestamps. */
        CALENDAR,
        /** The raw ticks as a long. */
        TICKS
    }

    /**
     * How a time dtype maps: microseconds where its unit is an exact number of microseconds,
     * calendar arithmetic for years and months, ticks otherwise.
     *
     * @param dtype a datetime64 or timedelta64 dtype
     * @param allowPrecisionLoss whether units finer than a microsecond may be floored to microseconds
     * @return the form
     */
    public static TimeForm timeForm(DType dtype, boolean allowPrecisionLoss) {
        if (dtype.kind() != DType.Kind.DATETIME && dtype.kind() != DType.Kind.TIMEDELTA) {
            return TimeForm.NONE;
        }
        TimeUnit unit = TimeUnit.parse(dtype.unit());
        if (unit == null) {
            return TimeForm.TICKS;
        }
        if (unit.calendar()) {
            return TimeForm.CALENDAR;
        }
        return unit.exactMicros() || allowPrecisionLoss ? TimeForm.MICROS : TimeForm.TICKS;
    }

    /**
     * The Spark type of one element of a dtype (no row shape).
     *
     * @param dtype the element dtype
     * @param allowPrecisionLoss see {@link #timeForm}
     * @return the Spark type
     * @throws NpyTypeException for a dtype Spark cannot hold
     */
    public static DataType elementType(DType dtype, boolean allowPrecisionLoss) throws NpyTypeException {
        switch (dtype.kind()) {
            case BOOL:
                return DataTypes.BooleanType;
            case INT:
                return switch (dtype.itemSize()) {
                    case 1 -> DataTypes.ByteType;
                    case 2 -> DataTypes.ShortType;
                    case 4 -> DataTypes.IntegerType;
                    default -> DataTypes.LongType;
                };
            case UINT:
                return switch (dtype.itemSize()) {
                    case 1 -> DataTypes.ShortType;
                    case 2 -> DataTypes.IntegerType;
                    case 4 -> DataTypes.LongType;
                    default -> DataTypes.createDecimalType(20, 0);
                };
            case FLOAT:
                return dtype.itemSize() == 8 ? DataTypes.DoubleType : DataTypes.FloatType;
            case COMPLEX: {
                DataType part = dtype.itemSize() == 16 ? DataTypes.DoubleType : DataTypes.FloatType;
                return new StructType(new StructField[] {
                    new StructField(REAL, part, false, Metadata.empty()),
                    new StructField(IMAG, part, false, Metadata.empty())});
            }
            case BYTES:
            case VOID:
                return DataTypes.BinaryType;
            case UNICODE:
                return DataTypes.StringType;
            case DATETIME:
                return switch (timeForm(dtype, allowPrecisionLoss)) {
                    case MICROS, CALENDAR -> timestampType();
                    default -> DataTypes.LongType;
                };
            case TIMEDELTA:
                return switch (timeForm(dtype, allowPrecisionLoss)) {
                    case MICROS -> DayTimeIntervalType.apply(DayTimeIntervalType.DAY(), DayTimeIntervalType.SECOND());
                    case CALENDAR -> YearMonthIntervalType.apply(YearMonthIntervalType.YEAR(), YearMonthIntervalType.MONTH());
                    default -> DataTypes.LongType;
                };
            case RECORD: {
                List<StructField> fields = new ArrayList<>();
                for (DType.Field f : dtype.fields()) {
                    fields.add(field(f.name(), f.dtype(), f.shape(), allowPrecisionLoss));
                }
                return new StructType(fields.toArray(new StructField[0]));
            }
            default:
                throw new NpyTypeException("dtype " + dtype.descr() + " has no Spark type");
        }
    }

    /**
     * The Spark type of a value of a dtype with a shape: nested arrays around the element type.
     *
     * @param dtype the element dtype
     * @param shape the value's shape; none for a scalar
     * @param allowPrecisionLoss see {@link #timeForm}
     * @return the Spark type
     * @throws NpyTypeException for a dtype Spark cannot hold
     */
    public static DataType valueType(DType dtype, long[] shape, boolean allowPrecisionLoss) throws NpyTypeException {
        DataType type = elementType(dtype, allowPrecisionLoss);
        boolean nullable = elementNullable(dtype);
        for (int i = shape.length - 1; i >= 0; i--) {
            type = DataTypes.createArrayType(type, nullable);
            nullable = false;
        }
        return type;
    }

    /** Whether an element can be null: only NaT, the missing value of datetime64 and timedelta64. */
    static boolean elementNullable(DType dtype) {
        return dtype.kind() == DType.Kind.DATETIME || dtype.kind() == DType.Kind.TIMEDELTA;
    }

    /**
     * A column for values of a dtype and shape, with the dtype, shape and unit in its metadata.
     *
     * @param name the column's name
     * @param dtype the element dtype
     * @param shape the shape per row
     * @param allowPrecisionLoss see {@link #timeForm}
     * @return the field (nullable, as Spark makes file columns)
     * @throws NpyTypeException for a dtype Spark cannot hold
     */
    public static StructField field(String name, DType dtype, long[] shape, boolean allowPrecisionLoss)
            throws NpyTypeException {
        MetadataBuilder metadata = new MetadataBuilder()
                .putString(DTYPE_KEY, littleEndianDescr(dtype))
                .putString(SHAPE_KEY, shapeText(shape));
        if ((dtype.kind() == DType.Kind.DATETIME || dtype.kind() == DType.Kind.TIMEDELTA)) {
            metadata.putString(UNIT_KEY, dtype.unit());
        }
        return new StructField(name, valueType(dtype, shape, allowPrecisionLoss), true, metadata.build());
    }

    /** The descr with every byte order made little-endian, so that {@code >f8} and {@code <f8} compare equal. */
    public static String littleEndianDescr(DType dtype) {
        return dtype.withByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN).descr();
    }

    /** A shape as numpy prints it: {@code ()}, {@code (3,)}, {@code (8, 8)}. */
    public static String shapeText(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** The shape in a column's metadata, or null if it has none. */
    public static long[] shapeOf(StructField field) {
        if (!field.metadata().contains(SHAPE_KEY)) {
            return null;
        }
        String text = field.metadata().getString(SHAPE_KEY).replaceAll("[()\\s]", "");
        return text.isEmpty() ? new long[0] : Arrays.stream(text.split(",")).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
    }

    /** The dtype in a column's metadata, or null if it has none or it does not parse. */
    public static DType dtypeOf(StructField field) {
        if (!field.metadata().contains(DTYPE_KEY)) {
            return null;
        }
        String descr = field.metadata().getString(DTYPE_KEY);
        try {
            return descr.startsWith("[") ? null : DType.parse(descr);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The timestamp type Spark infers for data sources: {@code spark.sql.timestampType}. */
    static DataType timestampType() {
        return SQLConf.get().timestampType() == TimestampNTZType$.MODULE$ ? DataTypes.TimestampNTZType
                : DataTypes.TimestampType;
    }

    /**
     * A datetime64/timedelta64 unit: numpy's base unit and its multiplier.
     *
     * @param base the unit's name
     * @param multiplier the number of base units per tick
     */
    public record TimeUnit(String base, long multiplier) {

        /** Parses {@code "ns"}, {@code "10s"}, {@code "M"}; null for the generic (empty) unit. */
        static TimeUnit parse(String unit) {
            if (unit.isEmpty()) {
                return null;
            }
            int i = 0;
            while (i < unit.length() && Character.isDigit(unit.charAt(i))) {
                i++;
            }
            long multiplier = i == 0 ? 1 : Long.parseLong(unit.substring(0, i));
            return new TimeUnit(unit.substring(i), multiplier);
        }

        /** Years and months: not a fixed number of microseconds. */
        boolean calendar() {
            return base.equals("Y") || base.equals("M");
        }

        /** Microseconds per base unit, or 0 for units finer than a microsecond and calendar units. */
        long baseMicros() {
            return switch (base) {
                case "W" -> 7L * 86_400_000_000L;
                case "D" -> 86_400_000_000L;
                case "h" -> 3_600_000_000L;
                case "m" -> 60_000_000L;
                case "s" -> 1_000_000L;
                case "ms" -> 1_000L;
                case "us" -> 1L;
                default -> 0L;
            };
        }

        /** Ticks per microsecond for units finer than a microsecond, before the multiplier. */
        long basePerMicro() {
            return switch (base) {
                case "ns" -> 1_000L;
                case "ps" -> 1_000_000L;
                case "fs" -> 1_000_000_000L;
                case "as" -> 1_000_000_000_000L;
                default -> 0L;
            };
        }

        boolean exactMicros() {
            return baseMicros() > 0;
        }

        @Override
        public String toString() {
            return (multiplier == 1 ? "" : Long.toString(multiplier)) + base.toLowerCase(Locale.ROOT);
        }
    }
}
