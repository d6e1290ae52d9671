package org.npyfile.internal.pickle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.npyfile.python.PyTuple;
import org.npyfile.python.PyGlobal;

/**
 * A numpy array (or numpy scalar) rebuilt from its pickle without numpy: the dtype, shape, memory
 * order and raw bytes that numpy's {@code ndarray.__setstate__} receives, or, for an object array,
 * its elements.
 *
 * <p>{@link #descr()} is the descr numpy would write for the dtype into a {@code .npy} header
 * ({@code "<f8"}, {@code "|O"}, {@code "[('x', '<i4'), ('o', '|O')]"}); {@link #data()} holds the
 * elements in the dtype's byte order, in Fortran order when {@link #fortranOrder()} is set, else in C
 * order, exactly as a {@code .npy} file with that header would. For a dtype that holds Python
 * objects ({@code |O}, or a structured dtype with an object field) {@link #data()} is null and
 * {@link #objects()} holds the elements as plain values in C order (numpy pickles them in C order
 * whatever the memory order): each element of an object dtype, or a {@link PyTuple} of field values
 * for each record of a structured one.
 *
 * @param descr the dtype's descr
 * @param shape the shape; {@code []} for a 0-d array and for a scalar
 * @param fortranOrder whether {@link #data()} is in Fortran order
 * @param data the raw bytes, or null for an object dtype
 * @param objects the elements of an object dtype in C order, or null
 * @param scalar whether the pickle held a numpy scalar ({@code numpy.float64(1.5)}) rather than an
 *     array; a scalar has shape {@code []}
 * @param subclass the ndarray subclass the pickle named ({@code numpy.matrix}, ...), or null for a
 *     plain {@code numpy.ndarray}; only its name is kept, nothing of it runs
 */
public record PickledArray(String descr, long[] shape, boolean fortranOrder, byte[] data, List<Object> objects,
        boolean scalar, PyGlobal subclass) {

    /**
     * Checks that exactly one of data and objects is present.
     *
     * @param descr the descr
     * @param shape the shape, copied
     * @param fortranOrder the memory order of the data
     * @param data the raw bytes, or null
     * @param objects the elements, or null
     * @param scalar whether this is a numpy scalar
     * @param subclass the ndarray subclass, or null
     */
    public PickledArray {
        Objects.requireNonNull(descr, "descr");
        shape = shape.clone();
        if ((data == null) == (objects == null)) {
            throw new IllegalArgumentException("exactly one of data and objects");
        }
    }

    /**
     * Whether the elements are Python objects.
     *
     * @return true if {@link #objects()} holds the elements
     */
    public boolean holdsObjects() {
        return objects != null;
    }

    /**
     * The element count.
     *
     * @return the product of the shape (1 for {@code []})
     */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * The shape.
     *
     * @return a copy; {@code []} for a 0-d array and for a scalar
     */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PickledArray a && a.descr.equals(descr) && Arrays.equals(a.shape, shape)
                && a.fortranOrder == fortranOrder && Arrays.equals(a.data, data) && Objects.equals(a.objects, objects)
                && a.scalar == scalar && Objects.equals(a.subclass, subclass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(descr, Arrays.hashCode(shape), fortranOrder, Arrays.hashCode(data), objects, scalar);
    }

    @Override
    public String toString() {
        String kind = scalar ? "scalar" : "array";
        return kind + "(descr=" + descr + ", shape=" + Arrays.toString(shape) + (fortranOrder ? ", F" : "")
                + (objects != null ? ", objects=" + objects : ", " + data.length + " bytes") + ")";
    }
}
