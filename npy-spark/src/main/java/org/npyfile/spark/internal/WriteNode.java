package org.npyfile.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.YearMonthIntervalType;
import org.apache.spark.unsafe.types.UTF8String;
import org.npyfile.DType;
import org.npyfile.NpyException;

/**
 * One written column, or a field of a struct column: fixed array dimensions around either a scalar
 * leaf (spilled by a {@link LeafSpill}) or a struct whose fields are nodes themselves, a numpy record.
 * Spark arrays have no fixed length, so the dimensions come from the column's {@value TypeMapping#SHAPE_KEY}
 * metadata or from the first row, and every row must match them.
 */
final class WriteNode implements Closeable {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    final String name;
    final long[] dims;
    private final long elementsPerRow;
    private final DataType elementType;
    private final LeafSpill leaf;
    private final Encoder encoder;
    final List<WriteNode> fields;
    private LeafSpill.Reader reader;

    private WriteNode(String name, long[] dims, DataType elementType, LeafSpill leaf, Encoder encoder,
            List<WriteNode> fields) {
        this.name = name;
        this.dims = dims;
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        this.elementsPerRow = n;
        this.elementType = elementType;
        this.leaf = leaf;
        this.encoder = encoder;
        this.fields = fields;
    }

    /** Writes one element of a leaf from a row or array slot into the spill. */
    private interface Encoder {
        void encode(SpecializedGetters from, int ordinal, LeafSpill to) throws IOException;
    }

    /**
     * The node of a column, its dimensions taken from the metadata or from the first row's value.
     *
     * @param field the column
     * @param first the first row
     * @param ordinal the column's slot in it
     * @param spill the local directory for spills
     */
    static WriteNode of(StructField field, SpecializedGetters first, int ordinal, Path spill) throws IOException {
        long[] shape = TypeMapping.shapeOf(field);
        List<Long> dims = new ArrayList<>();
        DataType type = field.dataType();
        Object value = first == null || first.isNullAt(ordinal) ? null : first.get(ordinal, type);
        int depth = 0;
        while (type instanceof ArrayType a) {
            long length;
            if (shape != null && shape.length > depth) {
                length = shape[depth];
            } else if (value instanceof ArrayData array) {
                length = array.numElements();
            } else {
                length = 0;
            }
            dims.add(length);
            value = value instanceof ArrayData array && array.numElements() > 0 && !array.isNullAt(0)
                    ? array.get(0, a.elementType()) : null;
            type = a.elementType();
            depth++;
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        if (type instanceof StructType s && !isComplex(field, s)) {
            List<WriteNode> children = new ArrayList<>();
            org.apache.spark.sql.catalyst.InternalRow struct = value instanceof org.apache.spark.sql.catalyst.InternalRow r ? r : null;
            for (int i = 0; i < s.fields().length; i++) {
                children.add(of(s.fields()[i], struct, i, spill));
            }
            return new WriteNode(field.name(), d, type, null, null, children);
        }
        DType described = TypeMapping.dtypeOf(field);
        return leaf(field.name(), d, type, described, spill);
    }

    private static boolean isComplex(StructField field, StructType s) {
        DType described = TypeMapping.dtypeOf(field);
        return described != null && described.kind() == DType.Kind.COMPLEX && s.fields().length == 2;
    }

    private static WriteNode leaf(String name, long[] dims, DataType type, DType described, Path spill)
            throws IOException {
        if (type instanceof StringType) {
            return new WriteNode(name, dims, type, LeafSpill.strings(true, spill), (from, o, to) -> {
                UTF8String s = from.getUTF8String(o);
                to.putString(s.getBytes(), s.numChars());
            }, List.of());
        }
        if (type instanceof BinaryType) {
            return new WriteNode(name, dims, type, LeafSpill.strings(false, spill),
                    (from, o, to) -> to.putBytes(from.getBinary(o)), List.of());
        }
        DType dtype = dtypeFor(type, described);
        return new WriteNode(name, dims, type, LeafSpill.fixed(dtype, spill), encoder(type, dtype), List.of());
    }

    /** The dtype a Spark type is written as; the column's recorded dtype where it fits the type. */
    static DType dtypeFor(DataType type, DType described) {
        if (described != null) {
            DType le = described.withByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
            boolean fits = switch (le.kind()) {
                case UINT -> (le.itemSize() == 1 && type instanceof ShortType) || (le.itemSize() == 2 && type instanceof IntegerType)
                        || (le.itemSize() == 4 && type instanceof LongType);
                case DATETIME, TIMEDELTA -> type instanceof LongType;
                case COMPLEX -> type instanceof StructType;
                default -> false;
            };
            if (fits) {
                return le;
            }
        }
        if (type instanceof BooleanType) {
            return DType.BOOL;
        } else if (type instanceof ByteType) {
            return DType.INT8;
        } else if (type instanceof ShortType) {
            return DType.INT16;
        } else if (type instanceof IntegerType) {
            return DType.INT32;
        } else if (type instanceof LongType) {
            return DType.INT64;
        } else if (type instanceof FloatType) {
            return DType.FLOAT32;
        } else if (type instanceof DoubleType) {
            return DType.FLOAT64;
        } else if (type instanceof DecimalType d) {
            return d.precision() == 20 ? DType.UINT64 : DType.INT64;
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return DType.datetime64("us");
        } else if (type instanceof DateType) {
            return DType.datetime64("D");
        } else if (type instanceof DayTimeIntervalType) {
            return DType.timedelta64("us");
        } else if (type instanceof YearMonthIntervalType) {
            return DType.timedelta64("M");
        }
        throw new IllegalArgumentException("no numpy dtype for " + type.catalogString());
    }

    private static Encoder encoder(DataType type, DType dtype) {
        if (dtype.kind() == DType.Kind.COMPLEX) {
            boolean single = dtype.itemSize() == 8;
            return (from, o, to) -> {
                org.apache.spark.sql.catalyst.InternalRow c = from.getStruct(o, 2);
                ByteBuffer b = to.element();
                if (single) {
                    b.putFloat(c.getFloat(0)).putFloat(c.getFloat(1));
                } else {
                    b.putDouble(c.getDouble(0)).putDouble(c.getDouble(1));
                }
                to.commitElement();
            };
        }
        if (type instanceof BooleanType) {
            return (from, o, to) -> put(to, to.element().put((byte) (from.getBoolean(o) ? 1 : 0)));
        } else if (type instanceof ByteType) {
            return (from, o, to) -> put(to, to.element().put(from.getByte(o)));
        } else if (type instanceof ShortType) {
            if (dtype.kind() == DType.Kind.UINT) {
                return (from, o, to) -> put(to, to.element().put((byte) inRange(from.getShort(o), 0xffL, dtype)));
            }
            return (from, o, to) -> put(to, to.element().putShort(from.getShort(o)));
        } else if (type instanceof IntegerType) {
            if (dtype.kind() == DType.Kind.UINT) {
                return (from, o, to) -> put(to, to.element().putShort((short) inRange(from.getInt(o), 0xffffL, dtype)));
            }
            return (from, o, to) -> put(to, to.element().putInt(from.getInt(o)));
        } else if (type instanceof LongType) {
            if (dtype.kind() == DType.Kind.UINT) {
                return (from, o, to) -> put(to, to.element().putInt((int) inRange(from.getLong(o), 0xffffffffL, dtype)));
            }
            return (from, o, to) -> put(to, to.element().putLong(from.getLong(o)));
        } else if (type instanceof FloatType) {
            return (from, o, to) -> put(to, to.element().putFloat(from.getFloat(o)));
        } else if (type instanceof DoubleType) {
            return (from, o, to) -> put(to, to.element().putDouble(from.getDouble(o)));
        } else if (type instanceof DecimalType d) {
            int precision = d.precision();
            return (from, o, to) -> {
                BigInteger v = from.getDecimal(o, precision, 0).toJavaBigDecimal().toBigIntegerExact();
                if (precision == 20 && (v.signum() < 0 || v.compareTo(TWO_TO_64) >= 0)) {
                    throw new NpyException("the value " + v + " does not fit numpy's uint64");
                }
                put(to, to.element().putLong(v.longValue()));
            };
        } else if (type instanceof DateType || type instanceof YearMonthIntervalType) {
            return (from, o, to) -> put(to, to.element().putLong(from.getInt(o)));
        }
        // timestamps and day-time intervals: microseconds, as M8[us] and m8[us]
        return (from, o, to) -> put(to, to.element().putLong(from.getLong(o)));
    }

    private static void put(LeafSpill to, ByteBuffer ignored) throws IOException {
        to.commitElement();
    }

    private static long inRange(long value, long max, DType dtype) throws NpyException {
        if (value < 0 || value > max) {
            throw new NpyException("the value " + value + " does not fit the column's dtype " + dtype.descr());
        }
        return value;
    }

    /**
     * Spills this node's value of one row.
     *
     * @param from the row or the enclosing array or struct
     * @param ordinal the value's slot
     * @param row the row's index in the task, for messages
     */
    void add(SpecializedGetters from, int ordinal, long row) throws IOException {
        add(from, ordinal, 0, row);
    }

    private void add(SpecializedGetters from, int ordinal, int depth, long row) throws IOException {
        if (depth < dims.length) {
            if (from.isNullAt(ordinal)) {
                throw new NpyException("column '" + name + "' is null in row " + row + "; numpy arrays have no nulls");
            }
            ArrayData array = from.getArray(ordinal);
            if (array.numElements() != dims[depth]) {
                throw new NpyException("column '" + name + "' has " + array.numElements() + " elements in dimension "
                        + depth + " of row " + row + ", where its shape is " + TypeMapping.shapeText(dims)
                        + " (from the first row or the column's metadata); numpy needs the same shape in every row");
            }
            for (int i = 0; i < array.numElements(); i++) {
                add(array, i, depth + 1, row);
            }
            return;
        }
        if (leaf == null) {
            if (from.isNullAt(ordinal)) {
                throw new NpyException("column '" + name + "' is null in row " + row + "; numpy records have no nulls");
            }
            org.apache.spark.sql.catalyst.InternalRow struct = from.getStruct(ordinal, fields.size());
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).add(struct, i, 0, row);
            }
            return;
        }
        if (from.isNullAt(ordinal)) {
            addNull(row);
            return;
        }
        encoder.encode(from, ordinal, leaf);
    }

    /** numpy's missing values: NaN for floats, NaT for datetimes and timedeltas; other nulls fail. */
    private void addNull(long row) throws IOException {
        DType dtype = leaf.isFixed() ? leaf.dtype() : null;
        ByteBuffer b = leaf.isFixed() ? leaf.element() : null;
        if (dtype != null && dtype.kind() == DType.Kind.FLOAT) {
            if (dtype.itemSize() == 4) {
                b.putFloat(Float.NaN);
            } else {
                b.putDouble(Double.NaN);
            }
        } else if (dtype != null && (dtype.kind() == DType.Kind.DATETIME || dtype.kind() == DType.Kind.TIMEDELTA)) {
            b.putLong(Long.MIN_VALUE);
        } else {
            throw new NpyException("column '" + name + "' is null in row " + row + "; numpy's "
                    + (dtype == null ? "string" : dtype.descr()) + " has no missing value (only floats and datetimes do)");
        }
        leaf.commitElement();
    }

    /** The dtype of one element of this node (a record for a struct), known once every row is spilled. */
    DType elementDtype() {
        if (leaf != null) {
            return leaf.dtype();
        }
        DType.RecordBuilder record = DType.record();
        for (WriteNode f : fields) {
            record.field(f.name, f.elementDtype(), f.dims);
        }
        return record.build();
    }

    /** Whether this is one fixed-width leaf, whose spill is already the final bytes. */
    boolean isFixedLeaf() {
        return leaf != null && leaf.isFixed();
    }

    /** Ends the spills below this node and opens them for reading, in the order written. */
    void openReaders() throws IOException {
        if (leaf != null) {
            reader = leaf.reader();
        } else {
            for (WriteNode f : fields) {
                f.openReaders();
            }
        }
    }

    /** Appends this node's value of the next row to {@code dst} in numpy's layout, from the spills. */
    void assemble(ByteBuffer dst) throws IOException {
        for (long i = 0; i < elementsPerRow; i++) {
            if (leaf != null) {
                reader.next(dst);
            } else {
                for (WriteNode f : fields) {
                    f.assemble(dst);
                }
            }
        }
    }

    /** Reads up to {@code max} raw bytes of a fixed-width leaf's spill; 0 at the end. */
    int block(byte[] dst, int max) throws IOException {
        return reader.block(dst, max);
    }

    /** The number of leaf values per row. */
    long elementsPerRow() {
        return elementsPerRow;
    }

    /** Whether any leaf below is a string or byte string, whose padding must be zeroed. */
    boolean hasVariableWidth() {
        if (leaf != null) {
            return !leaf.isFixed();
        }
        return fields.stream().anyMatch(WriteNode::hasVariableWidth);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        if (leaf != null) {
            leaf.close();
        }
        for (WriteNode f : fields) {
            f.close();
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + (leaf != null ? " " + elementType.simpleString() : " " + fields);
    }
}
