package org.npyfile.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.vectorized.ColumnVectorUtils;
import org.apache.spark.sql.execution.vectorized.ConstantColumnVector;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.spark.NumpyOptions;

/**
 * The rows of one of Spark's file splits as column batches, the vectorized read: each batch reads about
 * {@link #BATCH_BYTES} of rows from every source a wanted column lies in (one positional read per
 * source, into a buffer reused from batch to batch) and fills on-heap column vectors from those bytes
 * with {@link VectorDecoder}s, numbers in bulk. The path column and partition values are constant
 * vectors; a scan that wants no column of the file (a count) reads no data at all, as a file whose
 * header does not account for its size fails when it is opened. Every failure names the file.
 */
public final class FileBatches implements Closeable {

    /**
     * A batch holds the rows of about this many file bytes: enough to make per-batch costs (a read
     * call, a vector reset) vanish, and little enough to stay in the CPU's caches on its way from the
     * read buffer through the vectors to the consumer.
     */
    static final int BATCH_BYTES = 1 << 20;

    /** The most rows a batch holds, whatever their size: bounds the added columns' vectors. */
    static final int MAX_BATCH_ROWS = 1 << 17;

    private final Split split;
    private final ColumnarBatch batch;
    /** Per wanted column: its vector, or null for a constant one (the path column). */
    private final WritableColumnVector[] vectors;
    /** Per wanted column of the file: its decoder, its source and its offset within a row; else null. */
    private final VectorDecoder[] decoders;
    private final int[] offsets;
    /** Per source: whether a wanted column lies in it, and so whether its rows are read. */
    private final boolean[] read;
    private final Chunk[] chunks;
    private final int capacity;
    private long next;

    private FileBatches(Split split, StructType required, StructType partitionSchema, InternalRow partitionValues,
            NumpyOptions options) throws IOException {
        this.split = split;
        int columns = required.size();
        this.vectors = new WritableColumnVector[columns];
        this.decoders = new VectorDecoder[columns];
        this.offsets = new int[columns];
        this.read = new boolean[split.sources.size()];
        this.chunks = new Chunk[split.sources.size()];
        long rowBytes = 0;
        for (int i = 0; i < columns; i++) {
            ColumnSpec c = split.columns[i];
            if (c != null) {
                decoders[i] = VectorDecoder.of(c.dtype(), c.dims(), c.strides(), options.allowPrecisionLoss());
                offsets[i] = c.offset();
                if (!read[split.sourceOf[i]]) {
                    read[split.sourceOf[i]] = true;
                    rowBytes += split.sources.get(split.sourceOf[i]).rowBytes;
                }
            }
        }
        long rows = Math.max(0, split.end - split.first);
        long fit = Math.max(1, BATCH_BYTES / Math.max(1, rowBytes));
        this.capacity = (int) Math.max(1, Math.min(Math.min(fit, MAX_BATCH_ROWS), rows));
        ColumnVector[] all = new ColumnVector[columns + partitionSchema.size()];
        try {
            for (int i = 0; i < columns; i++) {
                StructField f = required.fields()[i];
                if (i == split.pathOrdinal) {
                    ConstantColumnVector path = new ConstantColumnVector(capacity, DataTypes.StringType);
                    path.setUtf8String(UTF8String.fromString(split.file));
                    all[i] = path;
                } else {
                    all[i] = vectors[i] = new OnHeapColumnVector(capacity, f.dataType());
                }
            }
            for (int i = 0; i < partitionSchema.size(); i++) {
                ConstantColumnVector value = new ConstantColumnVector(capacity, partitionSchema.fields()[i].dataType());
                ColumnVectorUtils.populate(value, partitionValues, i);
                all[columns + i] = value;
            }
        } catch (RuntimeException e) {
            for (ColumnVector v : all) {
                if (v != null) {
                    v.close();
                }
            }
            throw e;
        }
        this.batch = new ColumnarBatch(all);
        this.next = split.first;
    }

    /**
     * Opens the batches of a split.
     *
     * @param format npy or npz
     * @param conf the Hadoop configuration
     * @param options the parsed options
     * @param dataSchema the table's columns (file columns and the added ones)
     * @param required the columns to produce, in order, before the partition columns
     * @param partitionSchema the partition columns
     * @param partitionValues the file's partition values
     * @param schemaSource the file the schema was inferred from, or null; named in mismatch errors
     * @param hadoopPath the file
     * @param start the split's first byte
     * @param length the split's length
     * @param fileSize the file's length
     * @return the batches
     * @throws IOException if the file cannot be read or does not match the schema; the message names the file
     */
    public static FileBatches open(Format format, Configuration conf, NumpyOptions options, StructType dataSchema,
            StructType required, StructType partitionSchema, InternalRow partitionValues, String schemaSource,
            Path hadoopPath, long start, long length, long fileSize) throws IOException {
        Split split = Split.open(format, conf, options, dataSchema, required, schemaSource, hadoopPath, start, length,
                fileSize);
        try {
            return new FileBatches(split, required, partitionSchema, partitionValues, options);
        } catch (IOException e) {
            split.close();
            throw FileErrors.named(split.file, e);
        } catch (RuntimeException e) {
            split.close();
            throw e;
        }
    }

    /**
     * Whether a scan of these columns (data, then partition columns) is read as column batches: unless
     * {@value NumpyOptions#VECTORIZED_READER_CONF} is false, wherever Spark would compile the consumer
     * of the batches ({@code spark.sql.codegen.wholeStage}, at most {@code spark.sql.codegen.maxFields}),
     * the rule Spark's Parquet reader follows.
     *
     * @param conf the session's SQL configuration
     * @param schema the scan's output
     * @return true for column batches, false for rows
     */
    public static boolean supported(SQLConf conf, StructType schema) {
        String enabled = conf.getConfString(NumpyOptions.VECTORIZED_READER_CONF, "true").trim().toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException(NumpyOptions.VECTORIZED_READER_CONF + " must be true or false, not '"
                    + enabled + "'");
        }
        return enabled.equals("true") && conf.wholeStageEnabled() && !WholeStageCodegenExec.isTooManyFields(conf, schema);
    }

    /**
     * Reads the next batch.
     *
     * @return false after the split's last row
     * @throws IOException if the file cannot be read or holds invalid data; the message names the file
     */
    public boolean next() throws IOException {
        if (next >= split.end) {
            return false;
        }
        int count = (int) Math.min(capacity, split.end - next);
        try {
            for (int s = 0; s < chunks.length; s++) {
                if (read[s]) {
                    chunks[s] = Chunk.of(split.sources.get(s).read(next, count));
                }
            }
            for (int i = 0; i < vectors.length; i++) {
                WritableColumnVector v = vectors[i];
                if (v == null) {
                    continue;
                }
                v.reset();
                if (i == split.rowIndexOrdinal) {
                    for (int r = 0; r < count; r++) {
                        v.putLong(r, next + r);
                    }
                } else {
                    int source = split.sourceOf[i];
                    decoders[i].fill(chunks[source], offsets[i], (int) split.sources.get(source).rowBytes, count, v, 0);
                }
            }
        } catch (IOException e) {
            throw FileErrors.named(split.file, e);
        }
        batch.setNumRows(count);
        next += count;
        return true;
    }

    /**
     * The current batch; valid until the next call of {@link #next()}.
     *
     * @return the batch, reused between calls
     */
    public ColumnarBatch get() {
        return batch;
    }

    @Override
    public void close() throws IOException {
        try {
            split.close();
        } finally {
            batch.close();
        }
    }
}
