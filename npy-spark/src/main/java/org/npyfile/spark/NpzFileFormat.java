package org.npyfile.spark;

import org.npyfile.spark.internal.Format;

/**
 * The V1 file format behind the {@code npz} source (see {@link NpzDataSource}); Spark finds it as the
 * V2 source's fallback, for catalog tables and for writes.
 */
public final class NpzFileFormat extends NumpyFileFormat {
    private static final long serialVersionUID = 1L;

    /** Creates the format; Spark does this by reflection. */
    public NpzFileFormat() {
    }

    @Override
    Format format() {
        return Format.NPZ;
    }
}
