package org.npyfile.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyTypeException;
import org.npyfile.hadoop.HadoopNpy;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.spark.NumpyOptions;

/**
 * The rows of one of Spark's file splits: opens the file with positional reads, maps the split's byte
 * range to whole rows, reads them in batches of about {@link #BATCH_BYTES} and writes each row straight
 * into an unsafe row. Every failure names the file.
 */
public final class FileRows implements Closeable {

    /** Rows are read in batches of about this many bytes: large enough for bulk reads, small for memory. */
    static final int BATCH_BYTES = 4 << 20;

    private final String file;
    private final List<RowSource> sources = new ArrayList<>();
    private final AutoCloseable container;
    private final UnsafeRowWriter writer;
    /** Per output column: the source it reads, its decoder and offset; null for the added columns. */
    private final int[] sourceOf;
    private final ValueDecoder[] decoders;
    private final int[] offsets;
    private final int pathOrdinal;
    private final int rowIndexOrdinal;
    private final UTF8String pathValue;
    private long batchBytes;
    private long next;
    private final long end;
    private Chunk[] chunks;
    private long batchFirst;
    private int batchCount;

    private FileRows(String file, AutoCloseable container, StructType required, long first, long end,
            NumpyOptions options, List<ColumnSpec> columns, List<Integer> columnSource) throws NpyTypeException {
        this.file = file;
        this.container = container;
        this.writer = new UnsafeRowWriter(required.size(), 64);
        this.sourceOf = new int[required.size()];
        this.decoders = new ValueDecoder[required.size()];
        this.offsets = new int[required.size()];
        int path = -1;
        int rowIndex = -1;
        for (int i = 0; i < required.size(); i++) {
            String name = required.fields()[i].name();
            if (name.equals(options.pathColumn())) {
                path = i;
            } else if (name.equals(options.rowIndexColumn())) {
                rowIndex = i;
            } else {
                ColumnSpec c = columns.get(i);
                sourceOf[i] = columnSource.get(i);
                decoders[i] = ValueDecoder.of(c.dtype(), c.dims(), c.strides(), options.allowPrecisionLoss(), writer);
                offsets[i] = c.offset();
            }
        }
        this.pathOrdinal = path;
        this.rowIndexOrdinal = rowIndex;
        this.pathValue = UTF8String.fromString(file);
        this.next = first;
        this.end = end;
    }

    /**
     * Opens the rows of a split.
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
     * @return the rows
     * @throws IOException if the file cannot be read or does not match the schema; the message names the file
     */
    public static FileRows open(Format format, Configuration conf, NumpyOptions options, StructType dataSchema,
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

    private static FileRows openNpy(FileSystem fs, Path hadoopPath, String path, NumpyOptions options,
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
                if (f.name().equals(options.pathColumn()) || f.name().equals(options.rowIndexColumn())) {
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
                if (!f.name().equals(options.pathColumn()) && !f.name().equals(options.rowIndexColumn())
                        && fileColumns.stream().noneMatch(x -> x.name().equals(f.name()))) {
                    throw mismatch(path, schemaSource, "no column '" + f.name() + "'; its columns are "
                            + fileColumns.stream().map(ColumnSpec::name).toList());
                }
            }
            long[] range = RowRanges.byFirstByte(start, start + length, header.dataOffset(), source.rowBytes, source.rows);
            FileRows rows = new FileRows(path, null, required, range[0], range[1], options, columns, columnSource);
            rows.sources.add(source);
            return rows.sized();
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static FileRows openNpz(FileSystem fs, Path hadoopPath, String path, NumpyOptions options,
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
                if (f.name().equals(options.pathColumn()) || f.name().equals(options.rowIndexColumn())) {
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
            FileRows result = new FileRows(path, npz, required, range[0], range[1], options, columns, columnSource);
            result.sources.addAll(opened);
            return result.sized();
        } catch (IOException | RuntimeException e) {
            for (RowSource s : opened) {
                s.close();
            }
            npz.close();
            throw e;
        }
    }

    /** Sums the bytes of a row over the sources once they are attached. */
    private FileRows sized() {
        long bytes = 0;
        for (RowSource s : sources) {
            bytes += s.rowBytes;
        }
        this.batchBytes = bytes;
        return this;
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

    /**
     * Moves to the next row.
     *
     * @return false after the split's last row
     * @throws IOException if the file cannot be read or holds invalid data; the message names the file
     */
    public boolean next() throws IOException {
        if (next >= end) {
            return false;
        }
        try {
            if (chunks == null || next >= batchFirst + batchCount) {
                readBatch();
            }
            writeRow();
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
        next++;
        return true;
    }

    private void readBatch() throws IOException {
        long left = end - next;
        long fit = batchBytes == 0 ? left : Math.max(1, BATCH_BYTES / batchBytes);
        int count = (int) Math.min(Math.min(left, fit), Integer.MAX_VALUE / 2);
        chunks = new Chunk[Math.max(1, sources.size())];
        for (int i = 0; i < sources.size(); i++) {
            ByteBuffer data = sources.get(i).read(next, count);
            chunks[i] = Chunk.of(data);
        }
        if (sources.isEmpty()) {
            chunks[0] = Chunk.empty();
        }
        batchFirst = next;
        batchCount = count;
    }

    private void writeRow() throws NpyException {
        int inBatch = (int) (next - batchFirst);
        writer.reset();
        writer.zeroOutNullBytes();
        for (int i = 0; i < decoders.length; i++) {
            if (i == pathOrdinal) {
                writer.write(i, pathValue);
            } else if (i == rowIndexOrdinal) {
                writer.write(i, next);
            } else {
                RowSource s = sources.get(sourceOf[i]);
                decoders[i].write(chunks[sourceOf[i]], (int) (inBatch * s.rowBytes) + offsets[i], writer, i);
            }
        }
    }

    /**
     * The current row; valid until the next call of {@link #next()}.
     *
     * @return the row, an unsafe row reused between calls
     */
    public InternalRow get() {
        return writer.getRow();
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
