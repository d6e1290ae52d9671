/**
 * JMH benchmarks of the {@code npy} Spark source against Spark's Parquet reader and {@code binaryFile};
 * run by {@code benchmarks/run-spark.sh}, which puts Spark on the class path (it is not in the uber jar).
 */
package org.npyfile.bench.spark;
