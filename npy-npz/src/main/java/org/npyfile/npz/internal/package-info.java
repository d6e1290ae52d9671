/**
 * Implementation of {@code org.npyfile.npz}, not exported. The ZIP records are in
 * {@link org.npyfile.npz.internal.zip}, reading archives in {@link org.npyfile.npz.internal.read},
 * writing them in {@link org.npyfile.npz.internal.write}; this package holds what reading and writing
 * share: {@link org.npyfile.npz.internal.ParallelWork}, the one parallel loop of
 * {@code NpzFile.readAll} and {@code NpzWriter.writeAll}.
 */
package org.npyfile.npz.internal;
