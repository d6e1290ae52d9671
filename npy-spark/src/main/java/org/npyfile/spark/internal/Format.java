package org.npyfile.spark.internal;

/** The two numpy file formats a data source reads and writes. */
public enum Format {
    /** A {@code .npy} file per part: its rows along axis 0. */
    NPY("npy", ".npy"),
    /** A {@code .npz} archive per part: a column per key. */
    NPZ("npz", ".npz");

    private final String shortName;
    private final String extension;

    Format(String shortName, String extension) {
        this.shortName = shortName;
        this.extension = extension;
    }

    /**
     * The data source's short name.
     *
     * @return {@code npy} or {@code npz}
     */
    public String shortName() {
        return shortName;
    }

    /**
     * The extension of written files.
     *
     * @return {@code .npy} or {@code .npz}
     */
    public String extension() {
        return extension;
    }
}
