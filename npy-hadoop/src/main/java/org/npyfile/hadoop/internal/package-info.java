/**
 * Channels and streams between Hadoop's file system API and npyfile's readers and writers; used by
 * {@code npy-spark}, not part of the public API.
 */
package org.npyfile.hadoop.internal;
