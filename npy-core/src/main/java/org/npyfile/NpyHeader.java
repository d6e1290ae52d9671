package org.npyfile;

import java.util.Arrays;
import java.util.Objects;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.internal.Shape;

/**
 * The header of a {@code .npy} stream: dtype, shape, memory order, format version and where the
 * data starts.
 *
 * <p>A header read from a file reports the file's own version and data offset. A header made with
 * {@link #of(DType, long...)} or {@link #of(DType, boolean, long...)} reports what
 * {@code numpy.save} would write: the smallest format version that can hold it and a data offset
 * aligned to 64 bytes.
 *
 * @param dtype the element type
 * @param shape the dimensions; {@code []} for a 0-d array (one element)
 * @param fortranOrder whether the data is in Fortran (column-major) order
 * @param majorVersion the format's major version: 1, 2 or 3
 * @param minorVersion the format's minor version: 0
 * @param dataOffset the byte offset of the array data from the start of the stream
 */
public record NpyHeader(DType dtype, long[] shape, boolean fortranOrder, int majorVersion,
        int minorVersion, long dataOffset) {

    /**
     * Checks the values and copies the shape.
     *
     * @param dtype the element type
     * @param shape the dimensions
     * @param fortranOrder whether the data is in Fortran order
     * @param majorVersion the format's major version
     * @param minorVersion the format's minor version
     * @param dataOffset the byte offset of the array data
     *
     * @throws IllegalArgumentException if a dimension is negative or the data size overflows a long
     */
    public NpyHeader {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        checkedByteSize(dtype, shape);
    }

    /**
     * The header {@code numpy.save} writes for a C-order array.
     *
     * @param dtype the element type
     * @param shape the dimensions
     * @return the header
     * @throws IllegalArgumentException if a dimension is negative or the data size overflows a long
     */
    public static NpyHeader of(DType dtype, long... shape) {
        return of(dtype, false, shape);
    }

    /**
     * The header {@code numpy.save} writes for an array in the given order. As in numpy, Fortran
     * order is recorded only where it changes the layout: never for 0-d, 1-d or empty arrays, nor
     * when at most one dimension exceeds 1.
     *
     * @param dtype the element type
     * @param fortranOrder whether the data is in Fortran order
     * @param shape the dimensions
     * @return the header
     * @throws IllegalArgumentException if a dimension is negative or the data size overflows a long
     */
    public static NpyHeader of(DType dtype, boolean fortranOrder, long... shape) {
        checkedByteSize(dtype, shape);
        boolean fortran = fortranOrder && Shape.layoutsDiffer(shape);
        HeaderFormat.Encoded encoded = HeaderFormat.encode(dtype, fortran, shape);
        return new NpyHeader(dtype, shape, fortran, encoded.majorVersion(), 0, encoded.bytes().length);
    }

    private static long checkedByteSize(DType dtype, long[] shape) {
        try {
            return Shape.byteSize(shape, dtype.itemSize());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("negative") ? e.getMessage()
                    : "shape " + Shape.repr(shape) + " of " + dtype + " holds more than " + Long.MAX_VALUE + " bytes", e);
        }
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape
     */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return the length of the shape
     */
    public int ndim() {
        return shape.length;
    }

    /**
     * The number of elements: the product of the shape, 1 for a 0-d array.
     *
     * @return the element count
     */
    public long elementCount() {
        return Shape.count(shape);
    }

    /**
     * The size of the array data in bytes: element count times item size, or -1 for a dtype that
     * holds objects ({@link DType#hasObjects()}), whose data numpy stores as a pickle of a length
     * the header does not tell.
     *
     * @return the data size, or -1
     */
    public long dataBytes() {
        return dtype.hasObjects() ? -1 : elementCount() * dtype.itemSize();
    }

    /**
     * The preamble {@code numpy.save} writes for this dtype, shape and order: magic, version,
     * length and the padded header text. The array's data follows it.
     *
     * @return the bytes, as many as {@link NpyHeader#of(DType, boolean, long...)} reports as the data offset
     */
    public byte[] toBytes() {
        return HeaderFormat.encode(dtype, fortranOrder && Shape.layoutsDiffer(shape), shape).bytes();
    }

    /**
     * The shape as numpy prints it.
     *
     * @return for example {@code (3, 4)}, {@code (7,)} or {@code ()}
     */
    public String shapeString() {
        return Shape.repr(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype.equals(dtype) && Arrays.equals(h.shape, shape)
                && h.fortranOrder == fortranOrder && h.majorVersion == majorVersion
                && h.minorVersion == minorVersion && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), fortranOrder, majorVersion, minorVersion, dataOffset);
    }

    @Override
    public String toString() {
        return "NpyHeader[descr=" + dtype.descr() + ", shape=" + shapeString() + ", fortranOrder="
                + fortranOrder + ", version=" + majorVersion + "." + minorVersion
                + ", dataOffset=" + dataOffset + "]";
    }
}
