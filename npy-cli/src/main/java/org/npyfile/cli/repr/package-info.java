/**
 * numpy's array printing, ported from {@code numpy/_core/arrayprint.py} and the C code behind it
 * (Dragon4 float digits, the scalar types' {@code str}, datetime64 ISO text):
 * {@link org.npyfile.cli.repr.ArrayRepr} prints an array as {@code repr(array)} and
 * {@code str(array)} do, from only the elements a {@link org.npyfile.cli.repr.Summary} selects.
 * Floats of every dtype, x87 long doubles included, reach Dragon4 as
 * {@link org.npyfile.cli.repr.FloatValue}s split by {@link org.npyfile.cli.repr.FloatType} or
 * {@link org.npyfile.cli.repr.LongDouble}.
 */
package org.npyfile.cli.repr;
