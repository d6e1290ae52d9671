/**
 * Spark data sources for numpy files: {@code npy} ({@link org.npyfile.spark.NpyDataSource}) and
 * {@code npz} ({@link org.npyfile.spark.NpzDataSource}), registered by short name, with their V1 file
 * formats and {@link org.npyfile.spark.NumpyOptions}. Use them through
 * {@code spark.read().format("npy")}, {@code df.write().format("npz")} or SQL
 * ({@code CREATE TABLE t USING npy LOCATION '...'}, {@code SELECT * FROM npy.`path`}).
 */
package org.npyfile.spark;
