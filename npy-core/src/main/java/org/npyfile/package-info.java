/**
 * NumPy {@code .npy} files for the JVM.
 *
 * <ul>
 *   <li>{@link org.npyfile.Npy}: one-shot reads and writes of whole arrays.</li>
 *   <li>{@link org.npyfile.NpyArray}: an array in memory, its bytes exactly as numpy stores them,
 *       with typed accessors that refuse lossy conversions.</li>
 *   <li>{@link org.npyfile.NpyHeader} and {@link org.npyfile.DType}: the header as a value.</li>
 *   <li>{@link org.npyfile.NpyReader} and {@link org.npyfile.NpyWriter}: chunked streaming for
 *       arrays larger than memory.</li>
 *   <li>{@link org.npyfile.NpyLimits}: the bounds a reader enforces on untrusted input.</li>
 *   <li>{@link org.npyfile.NpyException} and its subclasses: every failure the library reports.</li>
 * </ul>
 */
package org.npyfile;
