/**
 * Writing archives as CPython's {@code zipfile} writes them for numpy:
 * {@link org.npyfile.npz.internal.write.ZipWriter} lays out the entries and the central directory,
 * {@link org.npyfile.npz.internal.write.EntrySink} takes one entry's bytes (counting, CRC-32,
 * DEFLATE), {@link org.npyfile.npz.internal.write.Precompressed} is an entry deflated in memory
 * beforehand, and {@link org.npyfile.npz.internal.write.ArchiveTarget} is where the bytes go (a file
 * replaced atomically, a seekable channel, or a stream).
 */
package org.npyfile.npz.internal.write;
