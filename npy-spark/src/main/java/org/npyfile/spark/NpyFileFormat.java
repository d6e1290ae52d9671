package org.npyfile.spark;

import org.npyfile.spark.internal.Format;

/**
 * The V1 file format behind the {@code npy} source (see {@link NpyDataSource}); Spark finds it as the
 * V2 source's fallback, for catalog tables and for writes.
 */
public final class NpyFileFormat extends NumpyFileFormat {
    private static final long serialVersionUID = 1L;

    /** Creates the format; Spark does this by reflection. */
    public NpyFileFormat() {
    }

    @Override
    Format format() {
        return Format.NPY;
    }
}
