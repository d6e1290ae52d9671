/**
 * numpy's array printing, ported from {@code numpy/_core/arrayprint.py} and the C code behind it
 * (Dragon4 float digits, datetime64 ISO text): {@link org.npyfile.cli.repr.ArrayRepr} prints an array
 * as {@code repr(array)} does, from only the elements a {@link org.npyfile.cli.repr.Summary} selects.
 */
package org.npyfile.cli.repr;
