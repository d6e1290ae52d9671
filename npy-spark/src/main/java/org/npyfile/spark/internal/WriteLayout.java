package org.npyfile.spark.internal;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.YearMonthIntervalType;

/**
 * Which Spark types a numpy file can hold, checked on the driver before any task runs, so that a map
 * or an interval of calendar days fails the job with the column's name rather than a task.
 */
final class WriteLayout {

    private WriteLayout() {
    }

    /**
     * Checks every column of a write.
     *
     * @throws IllegalArgumentException naming the first column numpy cannot hold
     */
    static void check(Format format, StructType schema) {
        if (schema.isEmpty()) {
            throw new IllegalArgumentException("a " + format.shortName() + " file needs at least one column");
        }
        for (StructField f : schema.fields()) {
            check(f.name(), f.dataType());
        }
    }

    private static void check(String column, DataType type) {
        if (type instanceof ArrayType a) {
            check(column, a.elementType());
        } else if (type instanceof StructType s) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("column '" + column + "' is an empty struct, which numpy cannot store");
            }
            for (StructField f : s.fields()) {
                check(column + "." + f.name(), f.dataType());
            }
        } else if (!scalar(type)) {
            throw new IllegalArgumentException("column '" + column + "' has type " + type.catalogString()
                    + ", which has no numpy dtype; cast it to a number, string, binary, timestamp, date or interval");
        }
    }

    /** The scalar Spark types with a numpy dtype. */
    static boolean scalar(DataType type) {
        if (type instanceof DecimalType d) {
            return d.scale() == 0 && (d.precision() <= 18 || d.precision() == 20);
        }
        return type instanceof BooleanType || type instanceof ByteType || type instanceof ShortType
                || type instanceof IntegerType || type instanceof LongType || type instanceof FloatType
                || type instanceof DoubleType || type instanceof StringType || type instanceof BinaryType
                || type instanceof TimestampType || type instanceof TimestampNTZType || type instanceof DateType
                || type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType;
    }
}
