/**
 * Reading archives: two walkers over the ZIP model of {@link org.npyfile.npz.internal.zip}, one for
 * random access ({@link org.npyfile.npz.internal.read.ArchiveIndex}) and one front to back from a
 * stream ({@link org.npyfile.npz.internal.read.ArchiveWalk}), and the channels that hand out an
 * entry's bytes checked.
 */
package org.npyfile.npz.internal.read;
