/**
 * Reads and writes NumPy {@code .npy} streams: every dtype numpy stores without pickle, both byte
 * orders, C and Fortran order, format versions 1.0, 2.0 and 3.0. No runtime dependencies.
 *
 * <p>The public API is the package {@code org.npyfile}; parsers and codecs live in
 * {@code org.npyfile.internal}, which is not exported. {@code jdk.unsupported} is read, where
 * present, only to unmap memory-mapped files deterministically.
 */
module org.npyfile {
    requires static jdk.unsupported;

    exports org.npyfile;
    // Shared machinery (atomic file replacement) for npyfile's own archive module only.
    exports org.npyfile.internal to org.npyfile.npz;
}
