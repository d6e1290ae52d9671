/**
 * Implementation of {@code org.npyfile.npz}, not exported: ZIP record layouts, entry channels that
 * check sizes and CRC-32, and the archive writer.
 */
package org.npyfile.npz.internal;
