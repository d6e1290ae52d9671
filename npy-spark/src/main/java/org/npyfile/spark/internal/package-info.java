/**
 * The sources' machinery: the table, scan and write on Spark's file-source classes, the type mapping,
 * split-to-rows reading ({@code FileRows}) and spilled per-task writing ({@code NumpyOutputWriter}).
 * Not part of the public API.
 */
package org.npyfile.spark.internal;
