/**
 * NumPy {@code .npz} archives: random access ({@link org.npyfile.npz.NpzFile}), sequential reading from
 * any stream ({@link org.npyfile.npz.NpzInputStream}), writing ({@link org.npyfile.npz.NpzWriter}) and
 * one-shots ({@link org.npyfile.npz.Npz}).
 *
 * <p>An archive holds ZIP entries named {@code key + ".npy"}; numpy shows them by key, the entry name
 * without its {@code .npy} suffix, in archive order. Entry names are only ever keys: nothing here
 * touches the file system with them. Every entry read to its end has its CRC-32 checked, its size
 * checked against both the ZIP metadata and its npy header, and inflation never goes past the declared
 * size. Defects are reported as {@link org.npyfile.npz.NpzFormatException}, naming the entry.
 */
package org.npyfile.npz;
