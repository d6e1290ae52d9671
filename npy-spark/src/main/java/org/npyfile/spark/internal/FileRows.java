package org.npyfile.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.npyfile.NpyException;
import org.npyfile.NpyTypeException;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.spark.NumpyOptions;

/**
 * The rows of one of Spark's file splits, one at a time: reads the split's rows in batches of about
 * {@link #BATCH_BYTES} and writes each row straight into an unsafe row. The row path, for scans Spark
 * does not read as column batches ({@link FileBatches}). Every failure names the file.
 */
public final class FileRows implements Closeable {

    /** Rows are read in batches of about this many bytes: large enough for bulk reads, small for memory. */
    static final int BATCH_BYTES = 4 << 20;

    private final Split split;
    private final String file;
    private final List<RowSource> sources;
    private final UnsafeRowWriter writer;
    /** Per output column: the source it reads, its decoder and offset; null for the added columns. */
    private final int[] sourceOf;
    private final ValueDecoder[] decoders;
    private final int[] offsets;
    private final int pathOrdinal;
    private final int rowIndexOrdinal;
    private final UTF8String pathValue;
    private final long batchBytes;
    private long next;
    private final long end;
    private Chunk[] chunks;
    private long batchFirst;
    private int batchCount;

    private FileRows(Split split, StructType required, NumpyOptions options) throws NpyTypeException {
        this.split = split;
        this.file = split.file;
        this.sources = split.sources;
        this.writer = new UnsafeRowWriter(required.size(), 64);
        this.sourceOf = split.sourceOf;
        this.decoders = new ValueDecoder[required.size()];
        this.offsets = new int[required.size()];
        for (int i = 0; i < required.size(); i++) {
            ColumnSpec c = split.columns[i];
            if (c != null) {
                decoders[i] = ValueDecoder.of(c.dtype(), c.dims(), c.strides(), options.allowPrecisionLoss(), writer);
                offsets[i] = c.offset();
            }
        }
        this.pathOrdinal = split.pathOrdinal;
        this.rowIndexOrdinal = split.rowIndexOrdinal;
        this.pathValue = UTF8String.fromString(file);
        this.batchBytes = split.rowBytes();
        this.next = split.first;
        this.end = split.end;
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
        Split split = Split.open(format, conf, options, dataSchema, required, schemaSource, hadoopPath, start, length,
                fileSize);
        try {
            return new FileRows(split, required, options);
        } catch (NpyTypeException e) {
            split.close();
            throw e.withFile(split.file);
        } catch (RuntimeException e) {
            split.close();
            throw e;
        }
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
        split.close();
    }
}
