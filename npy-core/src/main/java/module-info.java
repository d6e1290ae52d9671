/**
 * Reads and writes NumPy {@code .npy} streams: every dtype numpy writes, both byte orders, C and
 * Fortran order, format versions 1.0, 2.0 and 3.0, and object arrays' pickles decoded without
 * running anything. No runtime dependencies.
 *
 * <p>The public API is the package {@code org.npyfile}, with the inert Python values that object
 * arrays hold in {@code org.npyfile.python}; parsers and codecs live in
 * {@code org.npyfile.internal}, which is not exported. {@code jdk.unsupported} is read, where
 * present, only to unmap memory-mapped files deterministically.
 */
module org.npyfile {
    requires static jdk.unsupported;

    exports org.npyfile;
    exports org.npyfile.python;
    // Shared machinery (atomic file replacement, heap checks, the pickle reader for bare pickles)
    // for npyfile's own archive module only.
    exports org.npyfile.internal to org.npyfile.npz;
    exports org.npyfile.internal.pickle to org.npyfile.npz;
}
