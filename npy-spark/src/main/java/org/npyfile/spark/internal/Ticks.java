package org.npyfile.spark.internal;

import java.math.BigInteger;
import java.time.LocalDate;
import org.npyfile.DType;
import org.npyfile.NpyException;
import org.npyfile.spark.internal.TypeMapping.TimeForm;
import org.npyfile.spark.internal.TypeMapping.TimeUnit;

/**
 * How the ticks of a datetime64 or timedelta64 column become Spark values, as {@link TypeMapping}
 * documents: microseconds (timestamps, day-time intervals), months (year-month intervals), or the ticks
 * themselves. NaT ({@link #NAT}) is Spark's null; callers test for it before {@link #convert}. One
 * conversion for the row and the column path.
 */
final class Ticks {

    /** numpy's NaT: the smallest int64. */
    static final long NAT = Long.MIN_VALUE;

    private final DType dtype;
    private final TimeForm form;
    private final TimeUnit unit;
    private final boolean datetime;
    /** Whether the values are Spark ints (a year-month interval) rather than longs. */
    final boolean months;
    private final long monthsPerTick;

    private Ticks(DType dtype, boolean allowPrecisionLoss) {
        this.dtype = dtype;
        this.form = TypeMapping.timeForm(dtype, allowPrecisionLoss);
        this.unit = TimeUnit.parse(dtype.unit());
        this.datetime = dtype.kind() == DType.Kind.DATETIME;
        this.months = form == TimeForm.CALENDAR && !datetime;
        this.monthsPerTick = form == TimeForm.CALENDAR
                ? Math.multiplyExact(unit.multiplier(), unit.base().equals("Y") ? 12 : 1) : 0;
    }

    /** The conversion of a datetime64 or timedelta64 dtype. */
    static Ticks of(DType dtype, boolean allowPrecisionLoss) {
        return new Ticks(dtype, allowPrecisionLoss);
    }

    /**
     * The Spark value of ticks other than NaT: an int's value for {@link #months}, else a long.
     *
     * @throws NpyException if the value does not fit Spark's type
     */
    long convert(long ticks) throws NpyException {
        try {
            if (months) {
                return Math.toIntExact(Math.multiplyExact(ticks, monthsPerTick));
            }
            return switch (form) {
                case TICKS -> ticks;
                case CALENDAR -> calendarMicros(ticks);
                default -> micros(ticks, unit);
            };
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new NpyException("the " + dtype.descr() + " value of " + ticks + " ticks does not fit "
                    + (months ? "an interval of months" : datetime ? "a Spark timestamp" : "an interval of microseconds"));
        }
    }

    /** Microseconds of a tick count: exact for coarser units, floored for finer ones. */
    static long micros(long ticks, TimeUnit unit) {
        long base = unit.baseMicros();
        if (base > 0) {
            return Math.multiplyExact(ticks, Math.multiplyExact(base, unit.multiplier()));
        }
        BigInteger[] qr = BigInteger.valueOf(ticks).multiply(BigInteger.valueOf(unit.multiplier()))
                .divideAndRemainder(BigInteger.valueOf(unit.basePerMicro()));
        BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return floor.longValueExact();
    }

    /** Microseconds since the epoch of the first instant of a month or year counted from 1970. */
    private long calendarMicros(long ticks) {
        long day = LocalDate.of(1970, 1, 1).plusMonths(Math.multiplyExact(ticks, monthsPerTick)).toEpochDay();
        return Math.multiplyExact(day, 86_400_000_000L);
    }
}
