/**
 * Reads and writes NumPy {@code .npz} archives: ZIP files whose entries are {@code .npy} streams, as
 * {@code numpy.savez}, {@code numpy.savez_compressed} and {@code numpy.load} make and read them.
 *
 * <p>The public API is the package {@code org.npyfile.npz}; ZIP records, entry channels and the
 * archive writer live in {@code org.npyfile.npz.internal}, which is not exported. The central
 * directory of a random-access archive is read with Apache Commons Compress; local headers, data
 * descriptors, CRC-32 checks and everything written are this module's own code.
 */
module org.npyfile.npz {
    requires transitive org.npyfile;
    requires org.apache.commons.compress;
    exports org.npyfile.npz;
}
