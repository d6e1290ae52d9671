package org.npyfile.spark.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.spark.sql.catalyst.FileSourceOptions;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.execution.datasources.v2.FilePartitionReaderFactory;
import org.apache.spark.sql.execution.datasources.v2.PartitionReaderWithPartitionValues;
import org.apache.spark.sql.types.StructType;

/**
 * Makes the readers of a scan's splits on the executors. Spark's {@code FilePartitionReader} around it
 * moves from file to file, applies {@code ignoreCorruptFiles} and {@code ignoreMissingFiles}, and
 * names the file in the task's failure.
 */
final class NumpyReaderFactory extends FilePartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final SplitReader splits;
    private final FileSourceOptions sourceOptions;
    private final StructType readDataSchema;
    private final StructType partitionSchema;

    NumpyReaderFactory(SplitReader splits, Map<String, String> rawOptions, StructType readDataSchema,
            StructType partitionSchema) {
        this.splits = splits;
        this.sourceOptions = new FileSourceOptions(Scala.immutableMap(rawOptions));
        this.readDataSchema = readDataSchema;
        this.partitionSchema = partitionSchema;
    }

    @Override
    public FileSourceOptions options() {
        return sourceOptions;
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
}
