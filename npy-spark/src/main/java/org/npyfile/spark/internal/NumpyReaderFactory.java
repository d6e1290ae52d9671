package org.npyfile.spark.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.spark.sql.catalyst.FileSourceOptions;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.execution.datasources.v2.FilePartitionReaderFactory;
import org.apache.spark.sql.execution.datasources.v2.PartitionReaderWithPartitionValues;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Makes the readers of a scan's splits on the executors, as column batches where the scan decided so
 * on the driver ({@link FileBatches#supported}), else as rows. Spark's {@code FilePartitionReader}
 * around it moves from file to file, applies {@code ignoreCorruptFiles} and {@code ignoreMissingFiles},
 * and names the file in the task's failure.
 */
final class NumpyReaderFactory extends FilePartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final SplitReader splits;
    private final FileSourceOptions sourceOptions;
    private final StructType readDataSchema;
    private final StructType partitionSchema;
    private final boolean columnar;

    NumpyReaderFactory(SplitReader splits, Map<String, String> rawOptions, StructType readDataSchema,
            StructType partitionSchema, boolean columnar) {
        this.splits = splits;
        this.sourceOptions = new FileSourceOptions(Scala.immutableMap(rawOptions));
        this.readDataSchema = readDataSchema;
        this.partitionSchema = partitionSchema;
        this.columnar = columnar;
    }

    @Override
    public FileSourceOptions options() {
        return sourceOptions;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return columnar;
    }

    @Override
    public PartitionReader<InternalRow> buildReader(PartitionedFile file) {
        FileRows rows;
        try {
            rows = splits.open(file);
        } catch (IOException e) {
            throw Scala.sneakyThrow(e);
        }
        PartitionReader<InternalRow> reader = new PartitionReader<>() {
            @Override
            public boolean next() throws IOException {
                return rows.next();
            }

            @Override
            public InternalRow get() {
                return rows.get();
            }

            @Override
            public void close() throws IOException {
                rows.close();
            }
        };
        // The rows are unsafe rows already; only partition values need Spark's projection.
        return partitionSchema.isEmpty() ? reader
                : new PartitionReaderWithPartitionValues(reader, readDataSchema, partitionSchema, file.partitionValues());
    }

    @Override
    public PartitionReader<ColumnarBatch> buildColumnarReader(PartitionedFile file) {
        FileBatches batches;
        try {
            batches = splits.batches(file, partitionSchema);
        } catch (IOException e) {
            throw Scala.sneakyThrow(e);
        }
        return new PartitionReader<>() {
            @Override
            public boolean next() throws IOException {
                return batches.next();
            }

            @Override
            public ColumnarBatch get() {
                return batches.get();
            }

            @Override
            public void close() throws IOException {
                batches.close();
            }
        };
    }
}
