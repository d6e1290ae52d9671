package org.npyfile.internal;

import java.util.Arrays;

/**
 * An array's dimensions, checked once: no negative dimension, an element count that fits a
 * {@code long}. The one home for element counts, byte sizes, numpy's shape repr and the index
 * arithmetic of C and Fortran order; instances are immutable.
 */
public final class Shape {

    /** The shape of a 0-d array: no dimensions, one element. */
    public static final Shape SCALAR = new Shape(new long[0], 1);

    private final long[] dims;
    private final long count;

    private Shape(long[] dims, long count) {
        this.dims = dims;
        this.count = count;
    }

    /**
     * Checks and copies dimensions.
     *
     * @param dims the dimensions; none for a 0-d array
     * @return the shape
     * @throws IllegalArgumentException if a dimension is negative or the element count overflows a long
     */
    public static Shape of(long... dims) {
        long[] copy = dims.clone();
        return new Shape(copy, count(copy));
    }

    /**
     * The element count of dimensions: their exact product, 1 for none, 0 as soon as one is 0.
     *
     * @param dims the dimensions
     * @return the product
     * @throws IllegalArgumentException if a dimension is negative or the product overflows a long
     */
    public static long count(long[] dims) {
        boolean empty = false;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + repr(dims));
            }
            empty |= d == 0;
        }
        if (empty) {
            return 0;
        }
        long n = 1;
        try {
            for (long d : dims) {
                n = Math.multiplyExact(n, d);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + repr(dims) + " holds more than " + Long.MAX_VALUE
                    + " elements", e);
        }
        return n;
    }

    /**
     * Bytes that elements of a size take in these dimensions.
     *
     * @param dims the dimensions
     * @param itemSize bytes per element
     * @return element count times item size
     * @throws IllegalArgumentException if a dimension is negative or the size overflows a long
     */
    public static long byteSize(long[] dims, long itemSize) {
        long n = count(dims);
        if (itemSize != 0 && n > Long.MAX_VALUE / itemSize) {
            throw new IllegalArgumentException("shape " + repr(dims) + " of " + itemSize
                    + "-byte elements holds more than " + Long.MAX_VALUE + " bytes");
        }
        return n * itemSize;
    }

    /** @return the number of dimensions */
    public int ndim() {
        return dims.length;
    }

    /**
     * One dimension.
     *
     * @param axis 0 to {@link #ndim()} - 1
     * @return its length
     */
    public long dim(int axis) {
        return dims[axis];
    }

    /** @return a copy of the dimensions */
    public long[] dims() {
        return dims.clone();
    }

    /** @return the number of elements: the product of the dimensions, 1 for 0-d */
    public long elementCount() {
        return count;
    }

    /**
     * The bytes the elements take.
     *
     * @param itemSize bytes per element
     * @return element count times item size
     * @throws IllegalArgumentException if that overflows a long
     */
    public long byteSize(long itemSize) {
        return byteSize(dims, itemSize);
    }

    /**
     * Whether C and Fortran order store these dimensions' elements differently: only when more than
     * one dimension exceeds 1 and none is 0. numpy records {@code fortran_order} only then.
     *
     * @return true if the layouts differ
     */
    public boolean layoutsDiffer() {
        return layoutsDiffer(dims);
    }

    /**
     * See {@link #layoutsDiffer()}.
     *
     * @param dims the dimensions
     * @return true if the layouts differ
     */
    public static boolean layoutsDiffer(long[] dims) {
        int larger = 0;
        for (long d : dims) {
            if (d == 0) {
                return false;
            }
            if (d > 1) {
                larger++;
            }
        }
        return larger > 1;
    }

    /**
     * The flat position of a logical index in C order, after checking it.
     *
     * @param index one index per dimension, each within its dimension (no negative indices)
     * @return the element's position in C order
     * @throws IndexOutOfBoundsException naming the index and the shape if it does not address an element
     */
    public long cOffset(long[] index) {
        checkIndex(index);
        long offset = 0;
        for (int axis = 0; axis < dims.length; axis++) {
            offset = offset * dims[axis] + index[axis];
        }
        return offset;
    }

    /**
     * The flat position of a logical index in Fortran order, after checking it.
     *
     * @param index one index per dimension
     * @return the element's position in Fortran order
     * @throws IndexOutOfBoundsException naming the index and the shape if it does not address an element
     */
    public long fortranOffset(long[] index) {
        checkIndex(index);
        long offset = 0;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            offset = offset * dims[axis] + index[axis];
        }
        return offset;
    }

    /**
     * Where the element at a C-order position is stored in Fortran order.
     *
     * @param cPosition 0 to element count - 1
     * @return its Fortran-order position
     */
    public long fortranPositionOf(long cPosition) {
        // Peel the C-order index apart from the last axis; the Fortran stride of an axis is the
        // product of the dimensions before it.
        long rest = cPosition;
        long offset = 0;
        long stride = count;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            stride /= dims[axis];
            offset += (rest % dims[axis]) * stride;
            rest /= dims[axis];
        }
        return offset;
    }

    private void checkIndex(long[] index) {
        if (index.length != dims.length) {
            throw new IndexOutOfBoundsException("index " + repr(index) + " has " + index.length
                    + " dimensions, the array " + dims.length + " (shape " + repr() + ")");
        }
        for (int axis = 0; axis < dims.length; axis++) {
            if (index[axis] < 0 || index[axis] >= dims[axis]) {
                throw new IndexOutOfBoundsException("index " + index[axis] + " is out of bounds for axis " + axis
                        + " with size " + dims[axis] + " (shape " + repr() + ")");
            }
        }
    }

    /**
     * These dimensions with others appended, as a field's sub-array shape follows a record array's.
     *
     * @param inner the dimensions to append
     * @return the longer shape
     * @throws IllegalArgumentException if the element count overflows
     */
    public Shape append(long[] inner) {
        long[] all = Arrays.copyOf(dims, dims.length + inner.length);
        System.arraycopy(inner, 0, all, dims.length, inner.length);
        return of(all);
    }

    /** @return the shape as Python prints a tuple: {@code ()}, {@code (7,)}, {@code (3, 4)} */
    public String repr() {
        return repr(dims);
    }

    /**
     * Dimensions as Python prints a tuple of ints.
     *
     * @param dims the dimensions
     * @return {@code ()}, {@code (7,)} or {@code (3, 4, 5)}
     */
    public static String repr(long[] dims) {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(dims[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(s.dims, dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return repr();
    }
}
