/**
 * Reads and writes NumPy {@code .npz} archives: ZIP files whose entries are {@code .npy} streams, as
 * {@code numpy.savez}, {@code numpy.savez_compressed} and {@code numpy.load} make and read them.
 *
 * <p>The public API is the package {@code org.npyfile.npz}; the ZIP records
 * ({@code org.npyfile.npz.internal.zip}), the two readers ({@code ...internal.read}) and the writer
 * ({@code ...internal.write}) are not exported. No dependency beyond npy-core and the JDK: every ZIP
 * record is this module's own code, read with bounded memory and checked as numpy's reader checks it.
 */
module org.npyfile.npz {
    requires transitive org.npyfile;
    exports org.npyfile.npz;
}
