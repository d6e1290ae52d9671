package org.npyfile.spark.internal;

import java.io.IOException;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.npyfile.spark.NumpyOptions;

/**
 * Everything a task needs to read its splits, shipped once with the scan: the V2 reader factory and
 * the V1 read function both open their splits through it, as rows or as column batches.
 */
public final class SplitReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Format format;
    private final Broadcast<SerializableConfiguration> conf;
    private final NumpyOptions options;
    private final StructType dataSchema;
    private final StructType required;
    private final String schemaSource;

    /**
     * Describes the reads of a scan.
     *
     * @param format npy or npz
     * @param conf the broadcast Hadoop configuration
     * @param options the parsed options
     * @param dataSchema the table's columns
     * @param required the columns to produce
     * @param schemaSource the file the schema was inferred from, or null
     */
    public SplitReader(Format format, Broadcast<SerializableConfiguration> conf, NumpyOptions options,
            StructType dataSchema, StructType required, String schemaSource) {
        this.format = format;
        this.conf = conf;
        this.options = options;
        this.dataSchema = dataSchema;
        this.required = required;
        this.schemaSource = schemaSource;
    }

    /**
     * Opens the rows of one split.
     *
     * @param file the split
     * @return its rows
     * @throws IOException if the file cannot be read or does not match the schema; the message names it
     */
    public FileRows open(PartitionedFile file) throws IOException {
        return FileRows.open(format, conf.value().value(), options, dataSchema, required, schemaSource,
                file.filePath().toPath(), file.start(), file.length(), file.fileSize());
    }

    /**
     * Opens one split as column batches: the required columns, then the partition columns.
     *
     * @param file the split
     * @param partitionSchema the partition columns, whose values the split carries
     * @return its batches
     * @throws IOException if the file cannot be read or does not match the schema; the message names it
     */
    public FileBatches batches(PartitionedFile file, StructType partitionSchema) throws IOException {
        return FileBatches.open(format, conf.value().value(), options, dataSchema, required, partitionSchema,
                file.partitionValues(), schemaSource, file.filePath().toPath(), file.start(), file.length(),
                file.fileSize());
    }
}
