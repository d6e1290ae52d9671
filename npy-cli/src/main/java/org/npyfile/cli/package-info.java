/**
 * The {@code npy} command-line tool: {@code info}, {@code show}, {@code stats}, {@code verify},
 * {@code convert}, {@code extract} and {@code pack} for NumPy {@code .npy} files and {@code .npz}
 * archives, built on picocli and npyfile's public API.
 *
 * <p>This is an application, not a library: it is run as {@code npy.jar} from the class path and
 * has no {@code module-info.java}; nothing here is API.
 */
package org.npyfile.cli;
