/**
 * JMH benchmarks of npyfile against the JVM peers, on numpy's own files.
 *
 * <p>One class per implementation ({@code NpyfileBench}, {@code JetBrainsBench},
 * {@code OpenLcaBench}, {@code DjlBench}, and {@code JdkBaselineBench} for a plain
 * {@code FileChannel}); a method's name is the case it measures, the same name the numpy script and
 * the results table use. {@link org.npyfile.bench.Inputs} locates the files that
 * {@code make_data.py} made; {@link org.npyfile.bench.CheckCases} runs every case once and checks
 * its values before anything is timed.
 */
package org.npyfile.bench;
