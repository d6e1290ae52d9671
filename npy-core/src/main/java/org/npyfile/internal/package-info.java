/**
 * Internals of npy-core, not exported: the header parser (a Python-literal reader with numpy's
 * rules), the header writer (numpy's exact text and padding), float16 and string codecs, and the
 * bulk copy routines. Users never touch these types.
 */
package org.npyfile.internal;
