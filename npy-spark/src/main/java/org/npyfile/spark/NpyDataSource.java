package org.npyfile.spark;

import org.apache.spark.sql.execution.datasources.FileFormat;
import org.npyfile.spark.internal.Format;

/**
 * The Spark data source {@code npy}: {@code spark.read().format("npy").load(paths)} gives each file's
 * rows along axis 0, split by {@code spark.sql.files.maxPartitionBytes}; {@code df.write().format("npy")}
 * writes one {@code .npy} per task. Registered by its short name; see {@link NumpyOptions} for options.
 */
public final class NpyDataSource extends NumpyDataSource {

    /** Creates the source; Spark does this through {@code DataSourceRegister}. */
    public NpyDataSource() {
    }

    @Override
    Format format() {
        return Format.NPY;
    }

    @Override
    public Class<? extends FileFormat> fallbackFileFormat() {
        return NpyFileFormat.class;
    }
}
