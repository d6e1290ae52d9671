package org.npyfile.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.hadoop.HadoopNpy;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.spark.NumpyOptions;

/**
 * One of Spark's file splits, opened: the file's sources (the {@code .npy} itself or the archive's
 * entries of the wanted keys) read with positional reads, each wanted column's place in them, checked
 * against the load's schema, and the whole rows whose bytes the split holds. Rows
 * ({@link FileRows}) and column batches ({@link FileBatches}) are both read from it.
 */
final class Split implements Closeable {

    /** The file, as named in messages. */
    final String file;
    /** The sources of the wanted keys (npz), or the one array (npy, even when no column is wanted). */
    final List<RowSource> sources;
    /** Per wanted column: where it lies in its source's rows; null for the added path and row index columns. */
    final ColumnSpec[] columns;
    /** Per wanted column: the index of its source. */
    final int[] sourceOf;
    /** The wanted columns' slots of the added columns, or -1. */
    final int pathOrdinal;
    final int rowIndexOrdinal;
    /** The split's rows: {@code [first, end)}. */
    final long first;
    final long end;
    private final AutoCloseable container;

    private Split(String file, AutoCloseable container, List<RowSource> sources, StructType required,
            NumpyOptions options, List<ColumnSpec> columns, List<Integer> columnSource, long first, long end) {
        this.file = file;
        this.container = container;
        this.sources = sources;
        this.columns = columns.toArray(new ColumnSpec[0]);
        this.sourceOf = columnSource.stream().mapToInt(Integer::intValue).toArray();
        int path = -1;
        int rowIndex = -1;
        for (int i = 0; i < required.size(); i++) {
            String name = required.fields()[i].name();
            if (name.equals(options.pathColumn())) {
                path = i;
            } else if (name.equals(options.rowIndexColumn())) {
                rowIndex = i;
            }
        }
        this.pathOrdinal = path;
        this.rowIndexOrdinal = rowIndex;
        this.first = first;
        this.end = end;
    }

    /**
     * Opens a split.
     *
     * @param format npy or npz
     * @param conf the Hadoop configuration
     * @param options the parsed options
     * @param dataSchema the table's columns (file columns and the added ones)
     * @param required the columns to produce, in order
     * @param schemaSource the file the schema was inferred from, or null; named in mismatch errors
     * @param hadoopPath the file
     * @param start the split's first byte
     * @param length the split's length
     * @param fileSize the file's length
     * @return the split
     * @throws IOException if the file cannot be read or does not match the schema; the message names the file
     */
    static Split open(Format format, Configuration conf, NumpyOptions options, StructType dataSchema,
            StructType required, String schemaSource, Path hadoopPath, long start, long length, long fileSize)
            throws IOException {
        String path = hadoopPath.toString();
        FileSystem fs = hadoopPath.getFileSystem(conf);
        try {
            return format == Format.NPY
                    ? openNpy(fs, hadoopPath, path, options, dataSchema, required, schemaSource, start, length, fileSize)
                    : openNpz(fs, hadoopPath, path, options, dataSchema, required, schemaSource, start, length, fileSize);
        } catch (IOException e) {
            throw FileErrors.named(path, e);
        }
    }

    private static Split openNpy(FileSystem fs, Path hadoopPath, String path, NumpyOptions options,
            StructType dataSchema, StructType required, String schemaSource, long start, long length, long fileSize)
            throws IOException {
        NpyReader reader = NpyReader.of(HadoopNpy.channel(fs, hadoopPath, fileSize), options.npyLimits());
        RowSource source = new RowSource(reader, true, options.maxArrayBytes());
        try {
            NpyHeader header = source.header;
            List<ColumnSpec> fileColumns = ColumnSpec.ofNpy(header, options.allowPrecisionLoss());
            List<ColumnSpec> columns = new ArrayList<>();
            List<Integer> columnSource = new ArrayList<>();
            for (StructField f : required.fields()) {
                if (isAdded(f, options)) {
                    columns.add(null);
                } else {
                    ColumnSpec c = fileColumns.stream().filter(x -> x.name().equals(f.name())).findFirst()
                            .orElseThrow(() -> mismatch(path, schemaSource, "no column '" + f.name() + "'; its columns are "
                                    + fileColumns.stream().map(ColumnSpec::name).toList()));
                    check(path, schemaSource, c, field(dataSchema, f.name()));
                    columns.add(c);
                }
                columnSource.add(0);
            }
            for (StructField f : dataSchema.fields()) {
                if (!isAdded(f, options) && fileColumns.stream().noneMatch(x -> x.name().equals(f.name()))) {
                    throw mismatch(path, schemaSource, "no column '" + f.name() + "'; its columns are "
                            + fileColumns.stream().map(ColumnSpec::name).toList());
                }
            }
            long[] range = RowRanges.byFirstByte(start, start + length, header.dataOffset(), source.rowBytes, source.rows);
            return new Split(path, null, List.of(source), required, options, columns, columnSource, range[0], range[1]);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static Split openNpz(FileSystem fs, Path hadoopPath, String path, NumpyOptions options,
            StructType dataSchema, StructType required, String schemaSource, long start, long length, long fileSize)
            throws IOException {
        NpzFile npz = NpzFile.open(HadoopNpy.channel(fs, hadoopPath, fileSize), options.npzLimits()).named(path);
        List<RowSource> opened = new ArrayList<>();
        try {
            List<ColumnSpec> columns = new ArrayList<>();
            List<Integer> columnSource = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            long rows = -1;
            String rowsKey = null;
            boolean forwardOnly = false;
            for (StructField f : dataSchema.fields()) {
                if (isAdded(f, options)) {
                    continue;
                }
                if (!npz.contains(f.name())) {
                    throw mismatch(path, schemaSource, "no key '" + f.name() + "'; its keys are " + npz.names());
                }
                NpyHeader header = npz.header(f.name());
                ColumnSpec c = ColumnSpec.ofEntry(f.name(), header, options.allowPrecisionLoss());
                check(path, schemaSource, c, f);
                long n = ColumnSpec.rows(header);
                if (rows >= 0 && n != rows) {
                    throw new NpyFormatException(-1, "keys of the same length along axis 0", "'"
                            + rowsKey + "' has " + rows + " rows, '" + f.name() + "' has " + n);
                }
                rows = n;
                rowsKey = f.name();
                if (required.getFieldIndex(f.name()).isDefined()) {
                    keys.add(f.name());
                    forwardOnly |= npz.entry(f.name()).method() != NpzEntry.Method.STORED;
                }
            }
            for (String key : keys) {
                NpyReader reader = npz.reader(key);
                opened.add(new RowSource(reader, npz.entry(key).method() == NpzEntry.Method.STORED, options.maxArrayBytes()));
            }
            for (StructField f : required.fields()) {
                int k = keys.indexOf(f.name());
                columns.add(k < 0 ? null : ColumnSpec.ofEntry(f.name(), opened.get(k).header, options.allowPrecisionLoss()));
                columnSource.add(Math.max(k, 0));
            }
            rows = Math.max(rows, 0);
            // A deflated entry can only be read from its start: the split at byte 0 reads the whole archive.
            long[] range = forwardOnly ? (start == 0 ? new long[] {0, rows} : new long[] {0, 0})
                    : RowRanges.proportional(start, start + length, fileSize, rows);
            return new Split(path, npz, opened, required, options, columns, columnSource, range[0], range[1]);
        } catch (IOException | RuntimeException e) {
            for (RowSource s : opened) {
                s.close();
            }
            npz.close();
            throw e;
        }
    }

    private static boolean isAdded(StructField f, NumpyOptions options) {
        return f.name().equals(options.pathColumn()) || f.name().equals(options.rowIndexColumn());
    }

    private static StructField field(StructType schema, String name) {
        return schema.fields()[schema.fieldIndex(name)];
    }

    private static void check(String path, String schemaSource, ColumnSpec found, StructField expected)
            throws NpyException {
        boolean same = expected.metadata().contains(TypeMapping.DTYPE_KEY)
                ? found.signature().equals(ColumnSpec.signature(expected))
                : found.field().dataType().catalogString().equals(expected.dataType().catalogString());
        if (!same) {
            throw mismatch(path, schemaSource, "column '" + expected.name() + "' of " + found.signature()
                    + " where the schema has " + ColumnSpec.signature(expected));
        }
    }

    /** A file unlike the others of a load: bad input, so a checked exception, and named once. */
    private static NpyException mismatch(String path, String schemaSource, String what) {
        String origin = schemaSource == null ? "the table's schema" : "the schema inferred from " + schemaSource;
        return new NpyException("it does not match " + origin + ": it has " + what).withFile(path);
    }

    /** The bytes of one row summed over the sources. */
    long rowBytes() {
        long bytes = 0;
        for (RowSource s : sources) {
            bytes += s.rowBytes;
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RowSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (container != null) {
            try {
                container.close();
            } catch (IOException e) {
                failure = e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
