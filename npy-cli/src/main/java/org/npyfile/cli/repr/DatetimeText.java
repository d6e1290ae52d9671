package org.npyfile.cli.repr;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code datetime_as_string} for a {@code datetime64} value in its own unit, ported from
 * {@code convert_datetime_to_datetimestruct} ({@code datetime.c}) and
 * {@code make_iso_8601_datetime} ({@code datetime_strings.c}): ISO 8601 without a time zone,
 * cut at the unit ({@code 2020}, {@code 2020-01}, {@code 2020-01-01T12:30:00.000}), years with at
 * least four digits and a sign when negative ({@code -029-05-01}). Arithmetic wraps on overflow
 * exactly as numpy's 64-bit C arithmetic does, so even absurd tick counts print as numpy prints
 * them.
 */
public final class DatetimeText {

    /** numpy's base units, coarsest first. */
    private static final List<String> UNITS =
            List.of("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as");

    /** numpy's names of the base units in the text of a timedelta, in the order of {@link #UNITS}. */
    private static final List<String> UNIT_NAMES = List.of("years", "months", "weeks", "days", "hours", "minutes",
            "seconds", "milliseconds", "microseconds", "nanoseconds", "picoseconds", "femtoseconds", "attoseconds");

    private static final Pattern UNIT = Pattern.compile("([0-9]*)([A-Za-z]+)");

    private static final int[][] DAYS_PER_MONTH = {
        {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
        {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
    };

    /** The ticks numpy reserves for Not-a-Time. */
    public static final long NAT = Long.MIN_VALUE;

    private final int base;
    private final long multiplier;

    private DatetimeText(int base, long multiplier) {
        this.base = base;
        this.multiplier = multiplier;
    }

    /**
     * The formatter for a dtype unit.
     *
     * @param unit the unit as {@link org.npyfile.DType#unit()} gives it ({@code "ns"},
     *     {@code "10s"}); {@code ""} for a generic datetime, whose values all print as NaT
     * @return the formatter
     * @throws IllegalArgumentException for an unknown unit
     */
    public static DatetimeText forUnit(String unit) {
        if (unit.isEmpty()) {
            return new DatetimeText(-1, 1);
        }
        Matcher m = UNIT.matcher(unit);
        int base = m.matches() ? UNITS.indexOf(m.group(2)) : -1;
        if (base < 0) {
            throw new IllegalArgumentException("not a datetime64 unit: [" + unit + "]");
        }
        return new DatetimeText(base, m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1)));
    }

    /**
     * numpy's {@code str} of a {@code timedelta64} scalar of this unit ({@code timedeltatype_str}):
     * the count of base units and their plural name, whatever the count.
     *
     * @param ticks the value in the unit
     * @return for example {@code 5 seconds}, {@code 1 weeks}, {@code 7 generic time units}; {@code NaT}
     */
    public String duration(long ticks) {
        if (ticks == NAT) {
            return "NaT";
        }
        // numpy multiplies in 64-bit C arithmetic, which wraps as Java's does
        return ticks * multiplier + " " + (base < 0 ? "generic time units" : UNIT_NAMES.get(base));
    }

    /**
     * The ISO text of a value, without quotes.
     *
     * @param ticks the value in the unit
     * @return for example {@code 2020-01-01}; {@code NaT} for NaT and for generic units
     */
    public String format(long ticks) {
        if (ticks == NAT || base < 0) {
            return "NaT";
        }
        Struct s = struct(ticks * multiplier);
        StringBuilder out = new StringBuilder();
        out.append(year(s.year));
        // weeks print with the precision of days
        int printBase = base == 2 ? 3 : base;
        if (printBase == 0) {
            return out.toString();
        }
        out.append('-').append(two(s.month));
        if (printBase == 1) {
            return out.toString();
        }
        out.append('-').append(two(s.day));
        if (printBase == 3) {
            return out.toString();
        }
        out.append('T').append(two(s.hour));
        if (printBase == 4) {
            return out.toString();
        }
        out.append(':').append(two(s.min));
        if (printBase == 5) {
            return out.toString();
        }
        out.append(':').append(two(s.sec));
        if (printBase == 6) {
            return out.toString();
        }
        out.append('.').append(three(s.us / 1000));
        if (printBase == 7) {
            return out.toString();
        }
        out.append(three(s.us));
        if (printBase == 8) {
            return out.toString();
        }
        out.append(three(s.ps / 1000));
        if (printBase == 9) {
            return out.toString();
        }
        out.append(three(s.ps));
        if (printBase == 10) {
            return out.toString();
        }
        out.append(three(s.as / 1000));
        if (printBase == 11) {
            return out.toString();
        }
        return out.append(three(s.as)).toString();
    }

    /** C's {@code %04lld}: at least four characters, the sign counted among them. */
    private static String year(long year) {
        // unsigned, so that even Long.MIN_VALUE (a wrapped year) prints its digits
        String digits = Long.toUnsignedString(year < 0 ? -year : year);
        if (year < 0) {
            return "-" + "0".repeat(Math.max(0, 3 - digits.length())) + digits;
        }
        return "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }

    private static String two(int v) {
        return (char) ('0' + v / 10 % 10) + "" + (char) ('0' + v % 10);
    }

    private static String three(int v) {
        return "" + (char) ('0' + v / 100 % 10) + (char) ('0' + v / 10 % 10) + (char) ('0' + v % 10);
    }

    /** numpy's {@code npy_datetimestruct}. */
    private static final class Struct {
        long year = 1970;
        int month = 1;
        int day = 1;
        int hour;
        int min;
        int sec;
        int us;
        int ps;
        int as;
    }

    /** Python's {@code divmod}: returns the quotient, leaves the non-negative remainder in {@code rem[0]}. */
    private static long extract(long[] rem, long unit) {
        long div = rem[0] / unit;
        long mod = rem[0] % unit;
        if (mod < 0) {
            mod += unit;
            div -= 1;
        }
        rem[0] = mod;
        return div;
    }

    private Struct struct(long dt) {
        Struct out = new Struct();
        long[] d = {dt};
        final long k = 1000L;
        switch (base) {
            case 0 -> out.year = 1970 + dt;
            case 1 -> {
                out.year = 1970 + extract(d, 12);
                out.month = (int) (d[0] + 1);
            }
            case 2 -> setDays(dt * 7, out);
            case 3 -> setDays(dt, out);
            case 4 -> {
                setDays(extract(d, 24L), out);
                out.hour = (int) d[0];
            }
            case 5 -> {
                setDays(extract(d, 60L * 24), out);
                out.hour = (int) extract(d, 60L);
                out.min = (int) d[0];
            }
            case 6 -> {
                setDays(extract(d, 60L * 60 * 24), out);
                out.hour = (int) extract(d, 60L * 60);
                out.min = (int) extract(d, 60L);
                out.sec = (int) d[0];
            }
            case 7 -> {
                setDays(extract(d, k * 60 * 60 * 24), out);
                out.hour = (int) extract(d, k * 60 * 60);
                out.min = (int) extract(d, k * 60);
                out.sec = (int) extract(d, k);
                out.us = (int) (d[0] * 1000);
            }
            case 8 -> {
                setDays(extract(d, k * k * 60 * 60 * 24), out);
                out.hour = (int) extract(d, k * k * 60 * 60);
                out.min = (int) extract(d, k * k * 60);
                out.sec = (int) extract(d, k * k);
                out.us = (int) d[0];
            }
            case 9 -> {
                setDays(extract(d, k * k * k * 60 * 60 * 24), out);
                out.hour = (int) extract(d, k * k * k * 60 * 60);
                out.min = (int) extract(d, k * k * k * 60);
                out.sec = (int) extract(d, k * k * k);
                out.us = (int) extract(d, k);
                out.ps = (int) (d[0] * 1000);
            }
            case 10 -> {
                setDays(extract(d, k * k * k * k * 60 * 60 * 24), out);
                out.hour = (int) extract(d, k * k * k * k * 60 * 60);
                out.min = (int) extract(d, k * k * k * k * 60);
                out.sec = (int) extract(d, k * k * k * k);
                out.us = (int) extract(d, k * k);
                out.ps = (int) d[0];
            }
            case 11 -> {
                // the whole range is only +- 2.6 hours
                out.hour = (int) extract(d, k * k * k * k * k * 60 * 60);
                if (out.hour < 0) {
                    out.year = 1969;
                    out.month = 12;
                    out.day = 31;
                    out.hour += 24;
                }
                out.min = (int) extract(d, k * k * k * k * k * 60);
                out.sec = (int) extract(d, k * k * k * k * k);
                out.us = (int) extract(d, k * k * k);
                out.ps = (int) extract(d, k);
                out.as = (int) (d[0] * 1000);
            }
            default -> {
                // the whole range is only +- 9.2 seconds
                out.sec = (int) extract(d, k * k * k * k * k * k);
                if (out.sec < 0) {
                    out.year = 1969;
                    out.month = 12;
                    out.day = 31;
                    out.hour = 23;
                    out.min = 59;
                    out.sec += 60;
                }
                out.us = (int) extract(d, k * k * k * k);
                out.ps = (int) extract(d, k * k);
                out.as = (int) d[0];
            }
        }
        return out;
    }

    private static boolean isLeapYear(long year) {
        return (year & 0x3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** numpy's {@code days_to_yearsdays}: the year, leaving the day of the year in {@code days[0]}. */
    private static long yearOfDays(long[] days) {
        final long daysPer400Years = 400 * 365 + 100 - 4 + 1;
        // relative to the year 2000, which starts a 400-year cycle
        long[] d = {days[0] - (365 * 30 + 7)};
        long year = 400 * extract(d, daysPer400Years);
        long rest = d[0];
        if (rest >= 366) {
            year += 100 * ((rest - 1) / (100 * 365 + 25 - 1));
            rest = (rest - 1) % (100 * 365 + 25 - 1);
            if (rest >= 365) {
                year += 4 * ((rest + 1) / (4 * 365 + 1));
                rest = (rest + 1) % (4 * 365 + 1);
                if (rest >= 366) {
                    year += (rest - 1) / 365;
                    rest = (rest - 1) % 365;
                }
            }
        }
        days[0] = rest;
        return year + 2000;
    }

    private static void setDays(long days, Struct out) {
        long[] d = {days};
        out.year = yearOfDays(d);
        int[] lengths = DAYS_PER_MONTH[isLeapYear(out.year) ? 1 : 0];
        long rest = d[0];
        for (int i = 0; i < 12; i++) {
            if (rest < lengths[i]) {
                out.month = i + 1;
                out.day = (int) rest + 1;
                return;
            }
            rest -= lengths[i];
        }
    }
}
