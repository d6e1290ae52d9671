package org.npyfile.spark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.npyfile.DType;
import org.npyfile.NpyHeader;
import org.npyfile.NpyTypeException;

/**
 * One column of a numpy source: which bytes of a row hold it and how they are laid out.
 *
 * @param name the column name
 * @param dtype the element dtype (a record for a struct column)
 * @param dims the column's shape per row, outermost first
 * @param strides the byte stride of each dimension within a row
 * @param offset the column's first byte within a row
 * @param field the Spark column, with the dtype and shape in its metadata
 */
record ColumnSpec(String name, DType dtype, long[] dims, long[] strides, int offset, StructField field) {

    /** The column of a {@code .npy} of a plain dtype. */
    static final String DATA = "data";

    /**
     * The columns of a {@code .npy} array: one {@value #DATA} column for a plain dtype, one column per
     * field for a structured dtype (each an array of the row shape around the field's own shape).
     */
    static List<ColumnSpec> ofNpy(NpyHeader header, boolean allowPrecisionLoss) throws NpyTypeException {
        DType dtype = header.dtype();
        long[] rowShape = rowShape(header);
        if (dtype.kind() != DType.Kind.RECORD) {
            return List.of(of(DATA, dtype, rowShape, ValueDecoder.cStrides(rowShape, dtype.itemSize()), 0,
                    allowPrecisionLoss));
        }
        long[] recordStrides = ValueDecoder.cStrides(rowShape, dtype.itemSize());
        List<ColumnSpec> columns = new ArrayList<>();
        for (DType.Field f : dtype.fields()) {
            long[] fieldShape = f.shape();
            long[] dims = concat(rowShape, fieldShape);
            long[] strides = concat(recordStrides, ValueDecoder.cStrides(fieldShape, f.dtype().itemSize()));
            columns.add(of(f.name(), f.dtype(), dims, strides, f.offset(), allowPrecisionLoss));
        }
        return columns;
    }

    /** The column of one npz entry: its dtype (a struct for a record) with the entry's row shape. */
    static ColumnSpec ofEntry(String key, NpyHeader header, boolean allowPrecisionLoss) throws NpyTypeException {
        long[] rowShape = rowShape(header);
        return of(key, header.dtype(), rowShape, ValueDecoder.cStrides(rowShape, header.dtype().itemSize()), 0,
                allowPrecisionLoss);
    }

    private static ColumnSpec of(String name, DType dtype, long[] dims, long[] strides, int offset,
            boolean allowPrecisionLoss) throws NpyTypeException {
        return new ColumnSpec(name, dtype, dims, strides, offset, TypeMapping.field(name, dtype, dims, allowPrecisionLoss));
    }

    /** The shape of one row: the dimensions after the first; none for a 0-d array, which is one row. */
    static long[] rowShape(NpyHeader header) {
        long[] shape = header.shape();
        return shape.length == 0 ? new long[0] : Arrays.copyOfRange(shape, 1, shape.length);
    }

    /** The rows along axis 0: 1 for a 0-d array. */
    static long rows(NpyHeader header) {
        long[] shape = header.shape();
        return shape.length == 0 ? 1 : shape[0];
    }

    /** What makes two files' columns the same: the dtype (in either byte order) and the shape. */
    String signature() {
        return signature(field);
    }

    /** The dtype and shape recorded in a column's metadata, or its Spark type where there is none. */
    static String signature(StructField field) {
        if (field.metadata().contains(TypeMapping.DTYPE_KEY) && field.metadata().contains(TypeMapping.SHAPE_KEY)) {
            return field.metadata().getString(TypeMapping.DTYPE_KEY) + " rows of shape "
                    + field.metadata().getString(TypeMapping.SHAPE_KEY);
        }
        return field.dataType().catalogString();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
