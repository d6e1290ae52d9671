package org.npyfile.spark;

import org.apache.spark.sql.execution.datasources.FileFormat;
import org.npyfile.spark.internal.Format;

/**
 * The Spark data source {@code npz}: {@code spark.read().format("npz").load(paths)} gives a column per
 * key of the archives, rows aligned along axis 0; {@code df.write().format("npz")} writes one archive
 * per task with an entry per column. Registered by its short name; see {@link NumpyOptions}.
 */
public final class NpzDataSource extends NumpyDataSource {

    /** Creates the source; Spark does this through {@code DataSourceRegister}. */
    public NpzDataSource() {
    }

    @Override
    Format format() {
        return Format.NPZ;
    }

    @Override
    public Class<? extends FileFormat> fallbackFileFormat() {
        return NpzFileFormat.class;
    }
}
