/**
 * NumPy {@code .npz} archives: random access ({@link org.npyfile.npz.NpzFile}), sequential reading from
 * any stream ({@link org.npyfile.npz.NpzInputStream}), writing ({@link org.npyfile.npz.NpzWriter}),
 * one-shots ({@link org.npyfile.npz.Npz}), and {@link org.npyfile.npz.Numpy#load} for a file that may be
 * either an {@code .npy} or an {@code .npz}.
 *
 * <p>An archive holds ZIP entries named {@code key + ".npy"}; numpy shows them by key, the entry name
 * without its {@code .npy} suffix, in archive order. Entry names are only ever keys: nothing here
 * touches the file system with them. Every entry read to its end has its CRC-32 checked, its size
 * checked against both the ZIP metadata and its npy header, and inflation never goes past the declared
 * size. Defects are reported as {@link org.npyfile.npz.NpzFormatException}, naming the entry, and the
 * archive's path where it has one ({@link org.npyfile.NpyException#file()}).
 *
 * <p><b>Who closes what.</b> One rule for the module, the same as npy-core's:
 * <ul>
 *   <li>What you open or wrap in an object is closed when that object closes: the file of
 *       {@code NpzFile.open(Path)}, the channel of {@code NpzFile.open(SeekableByteChannel)}, the
 *       stream of {@code NpzInputStream.of(InputStream)}, the file, channel or stream of
 *       {@code NpzWriter.open}/{@code NpzWriter.of} (as {@code NpyReader.of} and {@code NpyWriter.of}
 *       close theirs). A reader or writer handed out for one entry belongs to the archive: closing it
 *       ends the entry and leaves the archive open.</li>
 *   <li>A static one-shot never closes what you pass: {@code Npz.read(InputStream)} and
 *       {@code Npz.write(OutputStream, ...)} leave the stream open (flushed, after a write), as
 *       {@code Npy.read(InputStream)} and {@code Npy.write(OutputStream, ...)} do.</li>
 * </ul>
 */
package org.npyfile.npz;
