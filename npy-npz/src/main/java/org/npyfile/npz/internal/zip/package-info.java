/**
 * The ZIP model: each record of an archive (local header, central directory header, ZIP64 extra
 * field, end records, data descriptor) as one class that parses it from bytes and writes it to
 * bytes, the way CPython's {@code zipfile} writes and reads them for numpy; entry names as CPython
 * encodes and decodes them. No I/O happens here: readers hand in bytes, writers take bytes out.
 */
package org.npyfile.npz.internal.zip;
