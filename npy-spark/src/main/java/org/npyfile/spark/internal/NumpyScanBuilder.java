package org.npyfile.spark.internal;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.PartitioningAwareFileIndex;
import org.apache.spark.sql.execution.datasources.v2.FileScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** Spark's file scan builder: column pruning and partition filters are Spark's; no data filters are pushed. */
public final class NumpyScanBuilder extends FileScanBuilder {

    private final SparkSession session;
    private final PartitioningAwareFileIndex index;
    private final StructType dataSchema;
    private final CaseInsensitiveStringMap options;
    private final Format format;
    private final String schemaSource;

    NumpyScanBuilder(SparkSession session, PartitioningAwareFileIndex index, StructType dataSchema,
            CaseInsensitiveStringMap options, Format format, String schemaSource) {
        super(session, index, dataSchema);
        this.session = session;
        this.index = index;
        this.dataSchema = dataSchema;
        this.options = options;
        this.format = format;
        this.schemaSource = schemaSource;
    }

    @Override
    public NumpyScan build() {
        return new NumpyScan(session, index, dataSchema, readDataSchema(), readPartitionSchema(), options,
                partitionFilters(), dataFilters(), format, schemaSource);
    }
}
