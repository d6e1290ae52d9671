package org.npyfile.spark.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeArrayWriter;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeWriter;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import org.npyfile.DType;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyTypeException;

/**
 * Turns the bytes of one value (a scalar, a record or a sub-array) into Spark's unsafe row format,
 * written straight into an {@link UnsafeWriter} slot: no boxing, no intermediate objects. A tree of
 * decoders is built once per file from the dtype and the value's shape and strides; the same nested
 * writers are reused for every row, as Spark's generated code does.
 */
abstract class ValueDecoder {

    /** The slot size of this value in an unsafe array: 1, 2, 4 or 8 bytes (8 for variable-length values). */
    final int slotSize;
    /** Whether the file's bytes of this value are exactly its bytes in an unsafe array slot. */
    final boolean sameBytes;

    ValueDecoder(int slotSize) {
        this(slotSize, false);
    }

    ValueDecoder(int slotSize, boolean sameBytes) {
        this.slotSize = slotSize;
        this.sameBytes = sameBytes;
    }

    /**
     * Writes the value that starts at a byte position of the chunk into a slot of a writer.
     *
     * @param chunk the rows' bytes
     * @param at the value's first byte
     * @param out the row or array writer
     * @param ordinal the slot
     * @throws NpyException if the bytes do not hold a valid value (a code point beyond U+10FFFF)
     */
    abstract void write(Chunk chunk, int at, UnsafeWriter out, int ordinal) throws NpyException;

    /**
     * A decoder for a value of {@code dtype} with the given dimensions, each with its stride in bytes.
     *
     * @param dtype the element dtype (a record for a struct)
     * @param dims the value's dimensions, outermost first; empty for a scalar
     * @param strides the byte distance between consecutive indices of each dimension
     * @param allowPrecisionLoss floor sub-microsecond datetimes to microseconds
     * @param root the row writer whose buffer every nested writer shares
     * @return the decoder
     * @throws NpyTypeException for a dtype Spark cannot hold
     */
    static ValueDecoder of(DType dtype, long[] dims, long[] strides, boolean allowPrecisionLoss, UnsafeWriter root)
            throws NpyTypeException {
        if (dims.length == 0) {
            return scalar(dtype, allowPrecisionLoss, root);
        }
        long[] innerDims = java.util.Arrays.copyOfRange(dims, 1, dims.length);
        long[] innerStrides = java.util.Arrays.copyOfRange(strides, 1, strides.length);
        ValueDecoder element = of(dtype, innerDims, innerStrides, allowPrecisionLoss, root);
        return new ArrayDecoder(Math.toIntExact(dims[0]), Math.toIntExact(strides[0]), element, root);
    }

    /** C-order byte strides of a shape whose elements take {@code itemSize} bytes. */
    static long[] cStrides(long[] dims, long itemSize) {
        long[] strides = new long[dims.length];
        long stride = itemSize;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    private static ValueDecoder scalar(DType dtype, boolean allowPrecisionLoss, UnsafeWriter root)
            throws NpyTypeException {
        ByteOrder order = dtype.byteOrder();
        int size = dtype.itemSize();
        // Spark's unsafe arrays hold numbers in the platform's order: bytes in that order copy as they are.
        boolean same = size == 1 || order == ByteOrder.nativeOrder();
        switch (dtype.kind()) {
            case BOOL:
                return new ValueDecoder(1) {
                    @Override
                    void write(Chunk c, int at, UnsafeWriter out, int o) {
                        out.write(o, c.little.get(at) != 0);
                    }
                };
            case INT:
                return switch (size) {
                    case 1 -> new ValueDecoder(1, same) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.little.get(at));
                        }
                    };
                    case 2 -> new ValueDecoder(2, same) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getShort(at));
                        }
                    };
                    case 4 -> new ValueDecoder(4, same) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getInt(at));
                        }
                    };
                    default -> new ValueDecoder(8, same) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getLong(at));
                        }
                    };
                };
            case UINT:
                return switch (size) {
                    case 1 -> new ValueDecoder(2) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, (short) (c.little.get(at) & 0xff));
                        }
                    };
                    case 2 -> new ValueDecoder(4) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getShort(at) & 0xffff);
                        }
                    };
                    case 4 -> new ValueDecoder(8) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getInt(at) & 0xffffffffL);
                        }
                    };
                    default -> new ValueDecoder(8) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, unsigned64(c.in(order).getLong(at)), 20, 0);
                        }
                    };
                };
            case FLOAT:
                return switch (size) {
                    case 2 -> new ValueDecoder(4) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, Half.toFloat(c.in(order).getShort(at)));
                        }
                    };
                    case 4 -> new ValueDecoder(4, same) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getFloat(at));
                        }
                    };
                    default -> new ValueDecoder(8, same) {
                        @Override
                        void write(Chunk c, int at, UnsafeWriter out, int o) {
                            out.write(o, c.in(order).getDouble(at));
                        }
                    };
                };
            case COMPLEX: {
                UnsafeRowWriter struct = new UnsafeRowWriter(root, 2);
                boolean single = size == 8;
                return new ValueDecoder(8) {
                    @Override
                    void write(Chunk c, int at, UnsafeWriter out, int o) {
                        ByteBuffer b = c.in(order);
                        int previous = out.cursor();
                        struct.resetRowWriter();
                        if (single) {
                            struct.write(0, b.getFloat(at));
                            struct.write(1, b.getFloat(at + 4));
                        } else {
                            struct.write(0, b.getDouble(at));
                            struct.write(1, b.getDouble(at + 8));
                        }
                        out.setOffsetAndSizeFromPreviousCursor(o, previous);
                    }
                };
            }
            case BYTES:
                return new ValueDecoder(8) {
                    @Override
                    void write(Chunk c, int at, UnsafeWriter out, int o) {
                        out.write(o, c.array, c.base + at, bytesLength(c, at, size));
                    }
                };
            case VOID:
                return new ValueDecoder(8) {
                    @Override
                    void write(Chunk c, int at, UnsafeWriter out, int o) {
                        out.write(o, c.array, c.base + at, size);
                    }
                };
            case UNICODE:
                return new ValueDecoder(8) {
                    @Override
                    void write(Chunk c, int at, UnsafeWriter out, int o) throws NpyFormatException {
                        out.write(o, unicode(c, c.in(order), at, dtype));
                    }
                };
            case DATETIME:
            case TIMEDELTA:
                return time(dtype, allowPrecisionLoss);
            case RECORD:
                return new RecordDecoder(dtype, allowPrecisionLoss, root);
            default:
                throw new NpyTypeException("dtype " + dtype.descr() + " has no Spark type");
        }
    }

    private static ValueDecoder time(DType dtype, boolean allowPrecisionLoss) {
        ByteOrder order = dtype.byteOrder();
        Ticks ticks = Ticks.of(dtype, allowPrecisionLoss);
        if (ticks.months) {
            return new ValueDecoder(4) {
                @Override
                void write(Chunk c, int at, UnsafeWriter out, int o) throws NpyException {
                    long t = c.in(order).getLong(at);
                    if (t == Ticks.NAT) {
                        out.setNull4Bytes(o);
                    } else {
                        out.write(o, (int) ticks.convert(t));
                    }
                }
            };
        }
        return new ValueDecoder(8) {
            @Override
            void write(Chunk c, int at, UnsafeWriter out, int o) throws NpyException {
                long t = c.in(order).getLong(at);
                if (t == Ticks.NAT) {
                    out.setNull8Bytes(o);
                } else {
                    out.write(o, ticks.convert(t));
                }
            }
        };
    }

    /** A uint64 as Spark's decimal(20,0). */
    static Decimal unsigned64(long bits) {
        return bits >= 0 ? Decimal.apply(bits)
                : Decimal.apply(new java.math.BigDecimal(new BigInteger(Long.toUnsignedString(bits))));
    }

    /**
     * A numpy {@code U} value (UTF-32 code units, NUL-padded) as a Spark string.
     *
     * @throws NpyFormatException for a code unit that is no Unicode code point
     */
    static UTF8String unicode(Chunk c, ByteBuffer b, int at, DType dtype) throws NpyFormatException {
        int length = dtype.itemSize() / 4;
        int[] points = c.codePoints(length);
        int n = 0;
        for (int i = 0; i < length; i++) {
            int p = b.getInt(at + 4 * i);
            if (p < 0 || p > Character.MAX_CODE_POINT) {
                throw new NpyFormatException(-1, "a Unicode code point in a " + dtype.descr() + " string",
                        "0x" + Integer.toHexString(p));
            }
            points[i] = p;
            if (p != 0) {
                n = i + 1;
            }
        }
        return UTF8String.fromString(new String(points, 0, n));
    }

    /** The length of a numpy {@code S} value: its bytes without the trailing NULs. */
    static int bytesLength(Chunk c, int at, int size) {
        int n = size;
        while (n > 0 && c.array[c.base + at + n - 1] == 0) {
            n--;
        }
        return n;
    }

    /** A sub-array dimension: an unsafe array of the inner values. */
    private static final class ArrayDecoder extends ValueDecoder {
        private final int length;
        private final int stride;
        private final ValueDecoder element;
        private final UnsafeArrayWriter array;

        ArrayDecoder(int length, int stride, ValueDecoder element, UnsafeWriter root) {
            super(8);
            this.length = length;
            this.stride = stride;
            this.element = element;
            this.array = new UnsafeArrayWriter(root, element.slotSize);
        }

        @Override
        void write(Chunk c, int at, UnsafeWriter out, int o) throws NpyException {
            int previous = out.cursor();
            array.initialize(length);
            if (element.sameBytes && stride == element.slotSize) {
                // One copy of the whole run straight into the array's slots (after its null bits).
                long slots = previous + UnsafeArrayData.calculateHeaderPortionInBytes(length);
                c.little.get(at, array.getBuffer(), (int) (slots - Platform.BYTE_ARRAY_OFFSET), length * stride);
            } else {
                for (int i = 0; i < length; i++) {
                    element.write(c, at + i * stride, array, i);
                }
            }
            out.setOffsetAndSizeFromPreviousCursor(o, previous);
        }
    }

    /** A structured record: a struct with a slot per field. */
    private static final class RecordDecoder extends ValueDecoder {
        private final UnsafeRowWriter struct;
        private final ValueDecoder[] fields;
        private final int[] offsets;

        RecordDecoder(DType dtype, boolean allowPrecisionLoss, UnsafeWriter root) throws NpyTypeException {
            super(8);
            this.struct = new UnsafeRowWriter(root, dtype.fields().size());
            this.fields = new ValueDecoder[dtype.fields().size()];
            this.offsets = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                DType.Field f = dtype.fields().get(i);
                fields[i] = of(f.dtype(), f.shape(), cStrides(f.shape(), f.dtype().itemSize()), allowPrecisionLoss, root);
                offsets[i] = f.offset();
            }
        }

        @Override
        void write(Chunk c, int at, UnsafeWriter out, int o) throws NpyException {
            int previous = out.cursor();
            struct.resetRowWriter();
            for (int i = 0; i < fields.length; i++) {
                fields[i].write(c, at + offsets[i], struct, i);
            }
            out.setOffsetAndSizeFromPreviousCursor(o, previous);
        }
    }
}
