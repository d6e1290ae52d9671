package org.npyfile.spark.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.FileSourceOptions;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.execution.datasources.v2.FilePartitionReaderFactory;
import org.apache.spark.sql.execution.datasources.v2.PartitionReaderWithPartitionValues;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.npyfile.spark.NumpyOptions;

/**
 * Makes the readers of a scan's splits on the executors. Spark's {@code FilePartitionReader} around it
 * moves from file to file, applies {@code ignoreCorruptFiles} and {@code ignoreMissingFiles}, and
 * names the file in the task's failure.
 */
final class NumpyReaderFactory extends FilePartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final Broadcast<SerializableConfiguration> conf;
    private final Format format;
    private final NumpyOptions options;
    private final FileSourceOptions sourceOptions;
    private final StructType dataSchema;
    private final StructType readDataSchema;
    private final StructType partitionSchema;
    private final String schemaSource;

    NumpyReaderFactory(Broadcast<SerializableConfiguration> conf, Format format, NumpyOptions options,
            Map<String, String> rawOptions, StructType dataSchema, StructType readDataSchema,
            StructType partitionSchema, String schemaSource) {
        this.conf = conf;
        this.format = format;
        this.options = options;
        this.sourceOptions = new FileSourceOptions(Scala.immutableMap(rawOptions));
        this.dataSchema = dataSchema;
        this.readDataSchema = readDataSchema;
        this.partitionSchema = partitionSchema;
        this.schemaSource = schemaSource;
    }

    @Override
    public FileSourceOptions options() {
        return sourceOptions;
    }

    @Override
    public PartitionReader<InternalRow> buildReader(PartitionedFile file) {
        FileRows rows;
        try {
            rows = FileRows.open(format, conf.value().value(), options, dataSchema, readDataSchema, schemaSource,
                    file.filePath().toPath(), file.start(), file.length(), file.fileSize());
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
