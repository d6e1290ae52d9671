package org.npyfile.spark.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.npyfile.DType;
import org.npyfile.NpyException;
import org.npyfile.NpyTypeException;

/**
 * Turns the bytes of a batch of values of one column into a Spark column vector. Numbers whose bytes
 * are already what the vector holds (little-endian numbers, one-byte integers) go in with one bulk copy
 * per batch, also through fixed-shape arrays of C-order rows, whose elements lie back to back; everything
 * else goes value by value, with the conversions of the row path ({@link Ticks}, {@link Half},
 * {@link ValueDecoder#unicode}, {@link ValueDecoder#unsigned64}). A tree of decoders is built once per
 * split from the dtype and the value's shape and strides, as {@link ValueDecoder} is for rows.
 *
 * <p>The caller reserves room for {@code row + count} values in the vector it passes; a decoder
 * reserves what it writes into the vector's children.
 */
@FunctionalInterface
interface VectorDecoder {

    /**
     * Fills rows {@code [row, row + count)} of a vector with the values that start at {@code at},
     * {@code at + stride}, ... of the chunk.
     *
     * @param c the rows' bytes
     * @param at the first value's first byte
     * @param stride the bytes from one value to the next
     * @param count the number of values
     * @param out the vector
     * @param row the vector's first row to fill
     * @throws NpyException if the bytes do not hold valid values (a code point beyond U+10FFFF, a
     *     datetime out of Spark's range)
     */
    void fill(Chunk c, int at, int stride, int count, WritableColumnVector out, int row) throws NpyException;

    /**
     * A decoder for values of {@code dtype} with the given dimensions, each with its stride in bytes.
     *
     * @param dtype the element dtype (a record for a struct)
     * @param dims the value's dimensions, outermost first; empty for a scalar
     * @param strides the byte distance between consecutive indices of each dimension
     * @param allowPrecisionLoss floor sub-microsecond datetimes to microseconds
     * @return the decoder
     * @throws NpyTypeException for a dtype Spark cannot hold
     */
    static VectorDecoder of(DType dtype, long[] dims, long[] strides, boolean allowPrecisionLoss)
            throws NpyTypeException {
        if (dims.length == 0) {
            return scalar(dtype, allowPrecisionLoss);
        }
        VectorDecoder element = of(dtype, Arrays.copyOfRange(dims, 1, dims.length),
                Arrays.copyOfRange(strides, 1, strides.length), allowPrecisionLoss);
        return array(Math.toIntExact(dims[0]), Math.toIntExact(strides[0]), element);
    }

    /**
     * A fixed-length array dimension: its elements go to the vector's child, row {@code r}'s at
     * {@code r * length}. Where the rows' arrays lie back to back, the child is filled in one call,
     * which for numbers is one bulk copy.
     */
    private static VectorDecoder array(int length, int elementStride, VectorDecoder element) {
        return (c, at, stride, count, out, row) -> {
            WritableColumnVector child = out.arrayData();
            child.reserve(Math.toIntExact((long) (row + count) * length));
            for (int i = 0; i < count; i++) {
                out.putArray(row + i, (row + i) * length, length);
            }
            if (length == 0) {
                return;
            }
            if (count == 1 || stride == length * elementStride) {
                element.fill(c, at, elementStride, count * length, child, row * length);
            } else {
                for (int i = 0; i < count; i++) {
                    element.fill(c, at + i * stride, elementStride, length, child, (row + i) * length);
                }
            }
        };
    }

    private static VectorDecoder scalar(DType dtype, boolean allowPrecisionLoss) throws NpyTypeException {
        ByteOrder order = dtype.byteOrder();
        int size = dtype.itemSize();
        // Bulk copies: Spark's little-endian puts swap on a big-endian machine, its plain puts copy
        // the machine's own order.
        boolean little = size == 1 || order == ByteOrder.LITTLE_ENDIAN;
        boolean machine = size == 1 || order == ByteOrder.nativeOrder();
        switch (dtype.kind()) {
            case BOOL:
                return (c, at, stride, count, out, row) -> {
                    for (int i = 0; i < count; i++) {
                        out.putBoolean(row + i, c.array[c.base + at + i * stride] != 0);
                    }
                };
            case INT:
                return switch (size) {
                    case 1 -> (c, at, stride, count, out, row) -> {
                        if (stride == 1) {
                            out.putBytes(row, count, c.array, c.base + at);
                        } else {
                            for (int i = 0; i < count; i++) {
                                out.putByte(row + i, c.array[c.base + at + i * stride]);
                            }
                        }
                    };
                    case 2 -> (c, at, stride, count, out, row) -> {
                        if (stride == 2 && machine) {
                            out.putShorts(row, count, c.array, c.base + at);
                        } else {
                            ByteBuffer b = c.in(order);
                            for (int i = 0; i < count; i++) {
                                out.putShort(row + i, b.getShort(at + i * stride));
                            }
                        }
                    };
                    case 4 -> (c, at, stride, count, out, row) -> {
                        if (stride == 4 && little) {
                            out.putIntsLittleEndian(row, count, c.array, c.base + at);
                        } else if (stride == 4 && machine) {
                            out.putInts(row, count, c.array, c.base + at);
                        } else {
                            ByteBuffer b = c.in(order);
                            for (int i = 0; i < count; i++) {
                                out.putInt(row + i, b.getInt(at + i * stride));
                            }
                        }
                    };
                    default -> (c, at, stride, count, out, row) -> {
                        if (stride == 8 && little) {
                            out.putLongsLittleEndian(row, count, c.array, c.base + at);
                        } else if (stride == 8 && machine) {
                            out.putLongs(row, count, c.array, c.base + at);
                        } else {
                            ByteBuffer b = c.in(order);
                            for (int i = 0; i < count; i++) {
                                out.putLong(row + i, b.getLong(at + i * stride));
                            }
                        }
                    };
                };
            case UINT:
                return switch (size) {
                    case 1 -> (c, at, stride, count, out, row) -> {
                        for (int i = 0; i < count; i++) {
                            out.putShort(row + i, (short) (c.array[c.base + at + i * stride] & 0xff));
                        }
                    };
                    case 2 -> (c, at, stride, count, out, row) -> {
                        ByteBuffer b = c.in(order);
                        for (int i = 0; i < count; i++) {
                            out.putInt(row + i, b.getShort(at + i * stride) & 0xffff);
                        }
                    };
                    case 4 -> (c, at, stride, count, out, row) -> {
                        ByteBuffer b = c.in(order);
                        for (int i = 0; i < count; i++) {
                            out.putLong(row + i, b.getInt(at + i * stride) & 0xffffffffL);
                        }
                    };
                    default -> (c, at, stride, count, out, row) -> {
                        ByteBuffer b = c.in(order);
                        for (int i = 0; i < count; i++) {
                            out.putDecimal(row + i, ValueDecoder.unsigned64(b.getLong(at + i * stride)), 20);
                        }
                    };
                };
            case FLOAT:
                return switch (size) {
                    case 2 -> (c, at, stride, count, out, row) -> {
                        ByteBuffer b = c.in(order);
                        for (int i = 0; i < count; i++) {
                            out.putFloat(row + i, Half.toFloat(b.getShort(at + i * stride)));
                        }
                    };
                    case 4 -> (c, at, stride, count, out, row) -> {
                        if (stride == 4 && little) {
                            out.putFloatsLittleEndian(row, count, c.array, c.base + at);
                        } else if (stride == 4 && machine) {
                            out.putFloats(row, count, c.array, c.base + at);
                        } else {
                            ByteBuffer b = c.in(order);
                            for (int i = 0; i < count; i++) {
                                out.putFloat(row + i, b.getFloat(at + i * stride));
                            }
                        }
                    };
                    default -> (c, at, stride, count, out, row) -> {
                        if (stride == 8 && little) {
                            out.putDoublesLittleEndian(row, count, c.array, c.base + at);
                        } else if (stride == 8 && machine) {
                            out.putDoubles(row, count, c.array, c.base + at);
                        } else {
                            ByteBuffer b = c.in(order);
                            for (int i = 0; i < count; i++) {
                                out.putDouble(row + i, b.getDouble(at + i * stride));
                            }
                        }
                    };
                };
            case COMPLEX: {
                DType part = (size == 8 ? DType.FLOAT32 : DType.FLOAT64).withByteOrder(order);
                VectorDecoder parts = scalar(part, allowPrecisionLoss);
                int imaginary = size / 2;
                return (c, at, stride, count, out, row) -> {
                    WritableColumnVector real = out.getChild(0);
                    WritableColumnVector imag = out.getChild(1);
                    real.reserve(row + count);
                    imag.reserve(row + count);
                    parts.fill(c, at, stride, count, real, row);
                    parts.fill(c, at + imaginary, stride, count, imag, row);
                };
            }
            case BYTES:
                return (c, at, stride, count, out, row) -> {
                    for (int i = 0; i < count; i++) {
                        int value = at + i * stride;
                        out.putByteArray(row + i, c.array, c.base + value, ValueDecoder.bytesLength(c, value, size));
                    }
                };
            case VOID:
                return (c, at, stride, count, out, row) -> {
                    for (int i = 0; i < count; i++) {
                        out.putByteArray(row + i, c.array, c.base + at + i * stride, size);
                    }
                };
            case UNICODE:
                return (c, at, stride, count, out, row) -> {
                    ByteBuffer b = c.in(order);
                    for (int i = 0; i < count; i++) {
                        out.putByteArray(row + i, ValueDecoder.unicode(c, b, at + i * stride, dtype).getBytes());
                    }
                };
            case DATETIME:
            case TIMEDELTA: {
                Ticks ticks = Ticks.of(dtype, allowPrecisionLoss);
                return (c, at, stride, count, out, row) -> {
                    ByteBuffer b = c.in(order);
                    for (int i = 0; i < count; i++) {
                        long t = b.getLong(at + i * stride);
                        if (t == Ticks.NAT) {
                            out.putNull(row + i);
                        } else if (ticks.months) {
                            out.putInt(row + i, (int) ticks.convert(t));
                        } else {
                            out.putLong(row + i, ticks.convert(t));
                        }
                    }
                };
            }
            case RECORD:
                return record(dtype, allowPrecisionLoss);
            default:
                throw new NpyTypeException("dtype " + dtype.descr() + " has no Spark type");
        }
    }

    /** A structured record: a struct vector, each field filled into its child. */
    private static VectorDecoder record(DType dtype, boolean allowPrecisionLoss) throws NpyTypeException {
        int n = dtype.fields().size();
        VectorDecoder[] fields = new VectorDecoder[n];
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            DType.Field f = dtype.fields().get(i);
            fields[i] = of(f.dtype(), f.shape(), ValueDecoder.cStrides(f.shape(), f.dtype().itemSize()), allowPrecisionLoss);
            offsets[i] = f.offset();
        }
        return (c, at, stride, count, out, row) -> {
            for (int i = 0; i < n; i++) {
                WritableColumnVector child = out.getChild(i);
                child.reserve(row + count);
                fields[i].fill(c, at + offsets[i], stride, count, child, row);
            }
        };
    }
}
