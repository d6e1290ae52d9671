package org.npyfile.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.npyfile.NpyLimits;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.NpzWriteOptions;

/**
 * Every option of the {@code npy} and {@code npz} data sources, parsed once, with its default.
 * Option names are case-insensitive, as everywhere in Spark.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #KEYS}</td><td>every key of the first archive</td><td>npz: the keys to read, comma-separated</td></tr>
 * <tr><td>{@value #PATH_COLUMN}</td><td>none</td><td>adds a string column of this name with each row's file</td></tr>
 * <tr><td>{@value #ROW_INDEX_COLUMN}</td><td>none</td><td>adds a long column of this name with each row's index in its file</td></tr>
 * <tr><td>{@value #ALLOW_PRECISION_LOSS}</td><td>false</td><td>read datetime64/timedelta64 finer than a microsecond
 *     as timestamps and intervals floored to the microsecond, instead of long ticks</td></tr>
 * <tr><td>{@value #MAX_HEADER_BYTES}</td><td>10000</td><td>the longest npy header read (numpy's {@code max_header_size})</td></tr>
 * <tr><td>{@value #MAX_ARRAY_BYTES}</td><td>2147483639</td><td>the most bytes held in memory at once: a row, or a
 *     whole deflated Fortran-order entry</td></tr>
 * <tr><td>{@value #MAX_ENTRIES}</td><td>100000</td><td>npz: the most entries an archive may have</td></tr>
 * <tr><td>{@value #COMPRESSION}</td><td>{@code none}</td><td>npz writes: {@code none} (numpy.savez) or
 *     {@code deflate} (numpy.savez_compressed)</td></tr>
 * <tr><td>{@value #COMPRESSION_LEVEL}</td><td>6</td><td>npz writes: the DEFLATE level, 0 to 9</td></tr>
 * </table>
 *
 * <p>Spark's own file source options apply as for Parquet: {@code ignoreCorruptFiles},
 * {@code ignoreMissingFiles}, {@code pathGlobFilter}, {@code recursiveFileLookup},
 * {@code modifiedBefore}/{@code modifiedAfter}, {@code maxRecordsPerFile}, and the session's
 * {@code spark.sql.files.maxPartitionBytes} for splitting.
 *
 * <p>Scans are read as column batches (vectorized) wherever Spark compiles their consumer, as for
 * Parquet; the session configuration {@value #VECTORIZED_READER_CONF} {@code = false} reads rows instead.
 */
public final class NumpyOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** npz: the keys to read, comma-separated. */
    public static final String KEYS = "keys";
    /** The name of an added column holding each row's file path. */
    public static final String PATH_COLUMN = "pathColumn";
    /** The name of an added column holding each row's index within its file. */
    public static final String ROW_INDEX_COLUMN = "rowIndexColumn";
    /** Whether sub-microsecond datetimes become timestamps floored to the microsecond. */
    public static final String ALLOW_PRECISION_LOSS = "allowPrecisionLoss";
    /** The longest npy header read. */
    public static final String MAX_HEADER_BYTES = "maxHeaderBytes";
    /** The most bytes held in memory at once. */
    public static final String MAX_ARRAY_BYTES = "maxArrayBytes";
    /** npz: the most entries per archive. */
    public static final String MAX_ENTRIES = "maxEntries";
    /** npz writes: {@code none} or {@code deflate}. */
    public static final String COMPRESSION = "compression";
    /** npz writes: the DEFLATE level. */
    public static final String COMPRESSION_LEVEL = "compressionLevel";

    /**
     * Session configuration (not a read option, since Spark decides on column batches for catalog
     * tables without the options): whether scans of the numpy sources are read as column batches
     * ({@code true}, the default) or row by row ({@code false}).
     */
    public static final String VECTORIZED_READER_CONF = "spark.npyfile.enableVectorizedReader";

    private static final List<String> KNOWN = List.of(KEYS, PATH_COLUMN, ROW_INDEX_COLUMN, ALLOW_PRECISION_LOSS,
            MAX_HEADER_BYTES, MAX_ARRAY_BYTES, MAX_ENTRIES, COMPRESSION, COMPRESSION_LEVEL);

    /** The npz keys to read; empty for all. */
    private final String[] keys;
    /** The added path column, or null. */
    private final String pathColumn;
    /** The added row index column, or null. */
    private final String rowIndexColumn;
    /** Whether sub-microsecond datetimes become floored timestamps. */
    private final boolean allowPrecisionLoss;
    /** The longest npy header read. */
    private final int maxHeaderBytes;
    /** The most bytes held in memory at once. */
    private final long maxArrayBytes;
    /** The most entries per archive. */
    private final int maxEntries;
    /** Whether archives are written with DEFLATE. */
    private final boolean deflate;
    /** The DEFLATE level. */
    private final int compressionLevel;

    /**
     * Parses options.
     *
     * @param options the data source options (case-insensitive names)
     * @throws IllegalArgumentException for a value that does not parse
     */
    public NumpyOptions(Map<String, String> options) {
        Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        o.putAll(options);
        String keyList = o.get(KEYS);
        this.keys = keyList == null ? new String[0]
                : Arrays.stream(keyList.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toArray(String[]::new);
        this.pathColumn = emptyToNull(o.get(PATH_COLUMN));
        this.rowIndexColumn = emptyToNull(o.get(ROW_INDEX_COLUMN));
        this.allowPrecisionLoss = bool(o, ALLOW_PRECISION_LOSS, false);
        this.maxHeaderBytes = (int) number(o, MAX_HEADER_BYTES, NpyLimits.NUMPY_MAX_HEADER_SIZE, 1, Integer.MAX_VALUE);
        this.maxArrayBytes = number(o, MAX_ARRAY_BYTES, NpyLimits.MAX_IN_MEMORY_BYTES, 1, NpyLimits.MAX_IN_MEMORY_BYTES);
        this.maxEntries = (int) number(o, MAX_ENTRIES, NpzLimits.DEFAULT_MAX_ENTRIES, 1, Integer.MAX_VALUE);
        String compression = o.getOrDefault(COMPRESSION, "none").toLowerCase(Locale.ROOT);
        if (!compression.equals("none") && !compression.equals("deflate") && !compression.equals("uncompressed")) {
            throw new IllegalArgumentException("option " + COMPRESSION + " must be 'none' or 'deflate', not '"
                    + o.get(COMPRESSION) + "'");
        }
        this.deflate = compression.equals("deflate");
        this.compressionLevel = (int) number(o, COMPRESSION_LEVEL, NpzWriteOptions.DEFAULT_LEVEL, 0, 9);
        if (pathColumn != null && pathColumn.equalsIgnoreCase(rowIndexColumn)) {
            throw new IllegalArgumentException("options " + PATH_COLUMN + " and " + ROW_INDEX_COLUMN
                    + " name the same column '" + pathColumn + "'");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean bool(Map<String, String> o, String key, boolean fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("option " + key + " must be true or false, not '" + v + "'");
    }

    private static long number(Map<String, String> o, String key, long fallback, long min, long max) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException("option " + key + " must be between " + min + " and " + max
                        + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a number, not '" + v + "'", e);
        }
    }

    /**
     * The npyfile option names, for telling them from Spark's own.
     *
     * @return the names
     */
    public static List<String> names() {
        return KNOWN;
    }

    /**
     * npz: the keys to read.
     *
     * @return the keys, or an empty list for all
     */
    public List<String> keys() {
        return List.of(keys);
    }

    /**
     * The added path column.
     *
     * @return its name, or null for none
     */
    public String pathColumn() {
        return pathColumn;
    }

    /**
     * The added row index column.
     *
     * @return its name, or null for none
     */
    public String rowIndexColumn() {
        return rowIndexColumn;
    }

    /**
     * Whether sub-microsecond datetimes become timestamps floored to the microsecond.
     *
     * @return the flag
     */
    public boolean allowPrecisionLoss() {
        return allowPrecisionLoss;
    }

    /**
     * The limits for reading npy streams.
     *
     * @return the limits
     */
    public NpyLimits npyLimits() {
        return NpyLimits.DEFAULT.withMaxHeaderBytes(maxHeaderBytes).withMaxArrayBytes(maxArrayBytes);
    }

    /**
     * The limits for reading archives.
     *
     * @return the limits
     */
    public NpzLimits npzLimits() {
        return NpzLimits.of(npyLimits()).withMaxEntries(maxEntries);
    }

    /**
     * The most bytes held in memory at once.
     *
     * @return the bound
     */
    public long maxArrayBytes() {
        return maxArrayBytes;
    }

    /**
     * How archives are written.
     *
     * @return stored, or DEFLATE at the chosen level
     */
    public NpzWriteOptions npzWriteOptions() {
        return deflate ? NpzWriteOptions.compressed(compressionLevel) : NpzWriteOptions.STORED;
    }
}
