/**
 * {@code .npy} and {@code .npz} on any Hadoop file system: {@link org.npyfile.hadoop.HadoopNpy} opens
 * npyfile's readers over positional reads and writes through a temporary name and a rename.
 */
package org.npyfile.hadoop;
