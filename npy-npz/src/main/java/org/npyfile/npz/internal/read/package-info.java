/**
 * Reading archives: two walkers over the ZIP model of {@link org.npyfile.npz.internal.zip}, and the
 * channels that hand out an entry's bytes checked.
 *
 * <ul>
 *   <li>Walkers: {@link org.npyfile.npz.internal.read.ArchiveIndex} (random access: end record,
 *       central directory, local headers) and {@link org.npyfile.npz.internal.read.ArchiveWalk}
 *       (front to back from a stream: local headers, data, data descriptors, central directory). Both
 *       read the directory and end records through {@link org.npyfile.npz.internal.read.CentralDirectory},
 *       check every entry with {@link org.npyfile.npz.internal.read.EntryRules} and end every entry with
 *       {@link org.npyfile.npz.internal.read.EndOfEntryCheck}.</li>
 *   <li>Archive bytes: {@link org.npyfile.npz.internal.read.RandomAccessArchive} (positional reads),
 *       {@link org.npyfile.npz.internal.read.StreamedArchive} (one buffer, front to back, over a stream
 *       or a range of a random-access archive), handed out in place as a
 *       {@link org.npyfile.npz.internal.read.ByteWindow}, cut at an entry's end by a
 *       {@link org.npyfile.npz.internal.read.LimitedWindow}.</li>
 *   <li>Entry bytes: an {@link org.npyfile.npz.internal.read.EntryChannel}, either sequential
 *       ({@link org.npyfile.npz.internal.read.StoredEntryChannel} copies,
 *       {@link org.npyfile.npz.internal.read.InflatingEntryChannel} inflates) or, for a stored entry of
 *       a random-access archive, a {@link org.npyfile.npz.internal.read.SeekableEntryChannel};
 *       {@link org.npyfile.npz.internal.read.EntryOpener} picks one for {@code NpzFile}, and
 *       {@link org.npyfile.npz.internal.read.NpyEntries} opens an {@code NpyReader} on it.</li>
 * </ul>
 */
package org.npyfile.npz.internal.read;
