package org.npyfile.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import org.npyfile.NpyShapeException;

/**
 * Nested Java arrays ({@code float[][]}, {@code int[][][]}) as N-D arrays in C order: their rank,
 * their shape (refusing ragged ones), and a walk over their innermost rows, which hold the
 * elements of the last axis contiguously.
 */
public final class Nested {

    private Nested() {
    }

    /**
     * The number of array dimensions of a class.
     *
     * @param type an array class such as {@code float[][].class}
     * @return 2 for {@code float[][]}, 0 for a class that is no array
     */
    public static int rank(Class<?> type) {
        int rank = 0;
        for (Class<?> c = type; c.isArray(); c = c.getComponentType()) {
            rank++;
        }
        return rank;
    }

    /**
     * The one-dimensional array class at the bottom of a nested one.
     *
     * @param type an array class
     * @return {@code float[].class} for {@code float[][][].class}
     */
    public static Class<?> leaf(Class<?> type) {
        Class<?> c = type;
        while (c.getComponentType().isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    /**
     * A new nested array of a shape.
     *
     * @param leaf the innermost array class, such as {@code float[].class}
     * @param dims one length per dimension, the last being the innermost rows' length
     * @return the array, of rank {@code dims.length}
     */
    public static Object create(Class<?> leaf, int[] dims) {
        return Array.newInstance(leaf.getComponentType(), dims);
    }

    /**
     * The shape of a nested array, checking that it is not ragged.
     *
     * @param nested the array
     * @param rank how many of its dimensions count (the rank of its class)
     * @return one length per dimension
     * @throws NpyShapeException naming the first row whose length differs, or a null row
     */
    public static long[] shape(Object nested, int rank) {
        long[] shape = new long[rank];
        Object probe = nested;
        for (int axis = 0; axis < rank; axis++) {
            if (probe == null) {
                throw new NpyShapeException("a null row at depth " + axis + " of a nested array");
            }
            shape[axis] = Array.getLength(probe);
            probe = shape[axis] > 0 && axis < rank - 1 ? Array.get(probe, 0) : null;
            if (shape[axis] == 0) {
                // An empty axis: the remaining dimensions are 0 as numpy.array([[]]) gives (1, 0).
                break;
            }
        }
        check(nested, shape, 0, "");
        return shape;
    }

    private static void check(Object array, long[] shape, int axis, String path) {
        if (array == null) {
            throw new NpyShapeException("row " + path + " is null; a nested array needs rows of equal length");
        }
        int length = Array.getLength(array);
        if (length != shape[axis]) {
            throw new NpyShapeException("ragged nested array: row " + (path.isEmpty() ? "[]" : path) + " has "
                    + length + " elements, the first row at that depth has " + shape[axis]);
        }
        if (axis + 1 < shape.length) {
            for (int i = 0; i < length; i++) {
                check(Array.get(array, i), shape, axis + 1, path + "[" + i + "]");
            }
        }
    }

    /** What to do with each innermost row. */
    public interface Rows {
        /**
         * Takes one row.
         *
         * @param row a one-dimensional array of the leaf type
         * @throws IOException if reading or writing it fails
         */
        void row(Object row) throws IOException;
    }

    /**
     * Visits the innermost rows of a nested array in C order.
     *
     * @param nested the array
     * @param rank its rank
     * @param rows the visitor
     * @throws IOException from the visitor
     */
    public static void forEachRow(Object nested, int rank, Rows rows) throws IOException {
        if (rank == 1) {
            rows.row(nested);
            return;
        }
        for (int i = 0, n = Array.getLength(nested); i < n; i++) {
            forEachRow(Array.get(nested, i), rank - 1, rows);
        }
    }
}
