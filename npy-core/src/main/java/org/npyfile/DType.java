package org.npyfile;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.npyfile.internal.Shape;
import org.npyfile.internal.DescrCodec;

/**
 * A numpy dtype that {@code .npy} files carry without pickle: its kind, item size, byte order and,
 * for datetime64 and timedelta64, its unit.
 *
 * <p>{@link #descr()} prints it back exactly as numpy writes {@code dtype.str} into a header:
 * {@code '<f4'}, {@code '|b1'}, {@code '>c16'}, {@code '<U7'}, {@code '|S5'}, {@code '<M8[ns]'}.
 * Types whose byte order does not matter (bool, int8, uint8, {@code S}, {@code V}) always print
 * {@code '|'}. A structured dtype ({@link Kind#RECORD}) is a small tree of {@link Field fields},
 * each with its own dtype, sub-array shape and offset; its descr is numpy's {@code dtype.descr}
 * list, {@code [('x', '<f4'), ('', '|V4'), ('y', '>i8', (2, 3))]}. Instances are immutable and
 * compare by value.
 */
public final class DType {

    /** What an element of the dtype is, with numpy's kind character. */
    public enum Kind {
        /** {@code b1}: one byte, 0 or 1. */
        BOOL('b'),
        /** {@code i1}..{@code i8}: two's complement integers. */
        INT('i'),
        /** {@code u1}..{@code u8}: unsigned integers. */
        UINT('u'),
        /** {@code f2}, {@code f4}, {@code f8}: IEEE 754 binary16, binary32, binary64. */
        FLOAT('f'),
        /** {@code c8}, {@code c16}: a real and an imaginary float, in that order. */
        COMPLEX('c'),
        /** {@code S<n>}: n bytes, NUL-padded. */
        BYTES('S'),
        /** {@code U<n>}: n UCS-4 code points, NUL-padded. */
        UNICODE('U'),
        /** {@code V<n>}: n raw bytes. */
        VOID('V'),
        /** {@code M8[unit]}: int64 ticks since 1970-01-01T00:00 in the unit; NaT is {@code Long.MIN_VALUE}. */
        DATETIME('M'),
        /** {@code m8[unit]}: int64 tick counts in the unit; NaT is {@code Long.MIN_VALUE}. */
        TIMEDELTA('m'),
        /** A structured record of named {@link Field fields}; numpy writes its descr as a list. */
        RECORD('V'),
        /**
         * {@code |O}: references to Python objects; numpy stores such arrays (and records with an
         * object field) as a pickle, not as elements of a fixed size.
         */
        OBJECT('O');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /**
         * numpy's kind character ({@code dtype.kind}).
         *
         * @return the character, e.g. {@code 'f'}
         */
        public char code() {
            return code;
        }
    }

    /** {@code |b1}. */
    public static final DType BOOL = new DType(Kind.BOOL, 1, null, "");
    /** {@code |i1}. */
    public static final DType INT8 = new DType(Kind.INT, 1, null, "");
    /** {@code <i2}. */
    public static final DType INT16 = new DType(Kind.INT, 2, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <i4}. */
    public static final DType INT32 = new DType(Kind.INT, 4, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <i8}. */
    public static final DType INT64 = new DType(Kind.INT, 8, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code |u1}. */
    public static final DType UINT8 = new DType(Kind.UINT, 1, null, "");
    /** {@code <u2}. */
    public static final DType UINT16 = new DType(Kind.UINT, 2, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <u4}. */
    public static final DType UINT32 = new DType(Kind.UINT, 4, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <u8}. */
    public static final DType UINT64 = new DType(Kind.UINT, 8, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <f2}. */
    public static final DType FLOAT16 = new DType(Kind.FLOAT, 2, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <f4}. */
    public static final DType FLOAT32 = new DType(Kind.FLOAT, 4, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <f8}. */
    public static final DType FLOAT64 = new DType(Kind.FLOAT, 8, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <c8}. */
    public static final DType COMPLEX64 = new DType(Kind.COMPLEX, 8, ByteOrder.LITTLE_ENDIAN, "");
    /** {@code <c16}. */
    public static final DType COMPLEX128 = new DType(Kind.COMPLEX, 16, ByteOrder.LITTLE_ENDIAN, "");

    private final Kind kind;
    private final int itemSize;
    private final ByteOrder byteOrder;
    private final String unit;
    private final List<Field> fields;
    /** Fields by name and by title. */
    private final Map<String, Field> byName;
    /** {@link #descr()}, computed on first use; a benign race computes the same text twice. */
    private String descr;

    private DType(Kind kind, int itemSize, ByteOrder byteOrder, String unit) {
        this.kind = kind;
        this.itemSize = itemSize;
        this.byteOrder = orderMatters(kind, itemSize) ? byteOrder : null;
        this.unit = unit;
        this.fields = List.of();
        this.byName = Map.of();
    }

    private DType(List<Field> fields, int itemSize) {
        this.kind = Kind.RECORD;
        this.itemSize = itemSize;
        this.byteOrder = null;
        this.unit = "";
        this.fields = List.copyOf(fields);
        Map<String, Field> index = new HashMap<>();
        for (Field f : fields) {
            index.put(f.name(), f);
            if (f.title() != null) {
                index.put(f.title(), f);
            }
        }
        this.byName = Map.copyOf(index);
    }

    /**
     * A named field of a structured dtype.
     *
     * @param name the field's name
     * @param title numpy's optional title for the field, or null
     * @param dtype the element type of the field (itself a record for nested records)
     * @param shape the sub-array shape, {@code []} for a scalar field
     * @param offset the field's byte offset within a record
     */
    public record Field(String name, String title, DType dtype, long[] shape, int offset) {

        /**
         * Checks and copies the values.
         *
         * @param name the field's name
         * @param title numpy's optional title for the field, or null
         * @param dtype the element type of the field
         * @param shape the sub-array shape, {@code []} for a scalar field
         * @param offset the field's byte offset within a record
         * @throws IllegalArgumentException for a negative offset or dimension
         */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dtype, "dtype");
            shape = shape.clone();
            if (offset < 0) {
                throw new IllegalArgumentException("negative offset " + offset + " of field '" + name + "'");
            }
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in field '" + name + "'");
                }
            }
        }

        /**
         * The sub-array shape.
         *
         * @return a copy; {@code []} for a scalar field
         */
        @Override
        public long[] shape() {
            return shape.clone();
        }

        /**
         * Elements of {@link #dtype()} per record: the product of the sub-array shape.
         *
         * @return 1 for a scalar field
         */
        public long elementCount() {
            return Shape.count(shape);
        }

        /**
         * The bytes the field takes in each record.
         *
         * @return item size times element count
         */
        public long byteSize() {
            return Shape.byteSize(shape, dtype.itemSize());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Field f && f.name.equals(name) && Objects.equals(f.title, title)
                    && f.dtype.equals(dtype) && Arrays.equals(f.shape, shape) && f.offset == offset;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, title, dtype, Arrays.hashCode(shape), offset);
        }

        @Override
        public String toString() {
            return "Field[" + name + (title == null ? "" : " (" + title + ")") + ", " + dtype.descr()
                    + (shape.length == 0 ? "" : ", shape " + Shape.repr(shape)) + ", offset " + offset + "]";
        }
    }

    /**
     * Starts a structured dtype whose fields follow one another without gaps unless
     * {@link RecordBuilder#padding(int)} adds one, as {@code numpy.dtype([...])} lays them out.
     *
     * @return a builder
     */
    public static RecordBuilder record() {
        return new RecordBuilder();
    }

    /**
     * Builds a structured dtype field by field.
     */
    public static final class RecordBuilder {
        private final List<Field> fields = new ArrayList<>();
        /** Names and titles so far: numpy refuses a repeat of either. */
        private final Set<String> taken = new HashSet<>();
        private int offset;

        private RecordBuilder() {
        }

        /**
         * Adds a field after the previous ones.
         *
         * @param name the name, unique within the record
         * @param dtype the field's element type
         * @param shape a sub-array shape, or none for a scalar field
         * @return this builder
         * @throws IllegalArgumentException for a duplicate name, or a field too large for a record
         */
        public RecordBuilder field(String name, DType dtype, long... shape) {
            return field(null, name, dtype, shape);
        }

        /**
         * Adds a field with a numpy title after the previous ones.
         *
         * @param title the title, or null
         * @param name the name, unique within the record
         * @param dtype the field's element type
         * @param shape a sub-array shape, or none for a scalar field
         * @return this builder
         * @throws IllegalArgumentException for a duplicate name, or a field too large for a record
         */
        public RecordBuilder field(String title, String name, DType dtype, long... shape) {
            if (taken.contains(name) || title != null && (taken.contains(title) || title.equals(name))) {
                throw new IllegalArgumentException("field name '" + name + "' occurs more than once");
            }
            Field field = new Field(name, title, dtype, shape, offset);
            long end;
            try {
                end = offset + field.byteSize();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field '" + name + "' is larger than " + Long.MAX_VALUE + " bytes", e);
            }
            if (end > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("record larger than " + Integer.MAX_VALUE + " bytes");
            }
            fields.add(field);
            taken.add(name);
            if (title != null) {
                taken.add(title);
            }
            offset = (int) end;
            return this;
        }

        /**
         * Skips bytes that belong to no field, as numpy's {@code align=True} or explicit offsets do.
         *
         * @param bytes the gap in bytes
         * @return this builder
         */
        public RecordBuilder padding(int bytes) {
            if (bytes < 0 || (long) offset + bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad padding " + bytes);
            }
            offset += bytes;
            return this;
        }

        /**
         * The structured dtype.
         *
         * @return the dtype; its item size includes trailing padding
         * @throws IllegalArgumentException if there are no fields
         */
        public DType build() {
            if (fields.isEmpty() && offset == 0) {
                throw new IllegalArgumentException("a record needs at least one field or some padding");
            }
            return new DType(fields, offset);
        }
    }

    /**
     * Parses a descr as numpy's {@code numpy.dtype} does for the forms that {@code .npy} headers
     * carry: a type string ({@code '<f4'}, {@code '|S5'}, {@code '>M8[ns]'}, {@code '|O'},
     * {@code '<f16'}), the lenient forms numpy also loads ({@code 'f8'}, {@code 'float64'},
     * {@code '=i4'}, {@code 'd'}), and the list text of a structured dtype as {@link #descr()}
     * prints it ({@code [('x', '<f4'), ('y', '>i8', (2, 3))]}). A missing, {@code '|'} or
     * {@code '='} byte order on a multi-byte type means this machine's order, as in numpy.
     * {@code DType.parse(d.descr())} equals {@code d} for every dtype.
     *
     * @param descr the descr text
     * @return the dtype
     * @throws IllegalArgumentException if numpy would not accept the descr either
     */
    public static DType parse(String descr) {
        return DescrCodec.parse(Objects.requireNonNull(descr, "descr"));
    }

    /**
     * A plain (non-structured) dtype from its parts, as {@link #descr()} names them.
     *
     * @param kind any kind but {@link Kind#RECORD} (use {@link #record()})
     * @param itemSize bytes per element, numpy's {@code itemsize}: 1 for bool; 1, 2, 4 or 8 for
     *     integers; 2, 4, 8 or 16 (long double) for floats; 8, 16 or 32 for complex; 8 for
     *     datetimes, timedeltas and objects; any non-negative size for {@code S} and {@code V}; a
     *     multiple of 4 for {@code U}
     * @param order the byte order; ignored where it does not apply (one-byte types, {@code S},
     *     {@code V}, objects)
     * @return the dtype; datetimes and timedeltas are generic (no unit)
     * @throws IllegalArgumentException if numpy has no such dtype
     */
    public static DType of(Kind kind, int itemSize, ByteOrder order) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(order, "order");
        String what = kind + " of " + itemSize + " bytes";
        switch (kind) {
            case BOOL -> requireSize(itemSize, what, 1);
            case INT, UINT -> requireSize(itemSize, what, 1, 2, 4, 8);
            case FLOAT -> requireSize(itemSize, what, 2, 4, 8, 16);
            case COMPLEX -> requireSize(itemSize, what, 8, 16, 32);
            case DATETIME, TIMEDELTA, OBJECT -> requireSize(itemSize, what, 8);
            case BYTES, VOID -> {
                if (itemSize < 0) {
                    throw new IllegalArgumentException("no numpy dtype " + what);
                }
            }
            case UNICODE -> {
                if (itemSize < 0 || itemSize % 4 != 0) {
                    throw new IllegalArgumentException("no numpy dtype " + what + ": U takes 4 bytes per code point");
                }
            }
            case RECORD -> throw new IllegalArgumentException("a structured dtype is built with DType.record()");
            default -> throw new AssertionError(kind);
        }
        return new DType(kind, itemSize, order, "");
    }

    private static void requireSize(int size, String what, int... allowed) {
        for (int a : allowed) {
            if (size == a) {
                return;
            }
        }
        throw new IllegalArgumentException("no numpy dtype " + what);
    }

    private static boolean orderMatters(Kind kind, int itemSize) {
        return switch (kind) {
            case BOOL, BYTES, VOID, RECORD, OBJECT -> false;
            case UNICODE -> true;
            default -> itemSize > 1;
        };
    }

    /**
     * A byte string type {@code |S<n>}: n bytes, NUL-padded.
     *
     * @param length the length in bytes, at least 1
     * @return the dtype
     */
    public static DType bytes(int length) {
        requirePositive(length);
        return new DType(Kind.BYTES, length, null, "");
    }

    /**
     * A little-endian unicode string type {@code <U<n>}: n UCS-4 code points, NUL-padded.
     *
     * @param length the length in code points, at least 1
     * @return the dtype
     */
    public static DType unicode(int length) {
        requirePositive(length);
        if (length > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("length too large: " + length);
        }
        return new DType(Kind.UNICODE, length * 4, ByteOrder.LITTLE_ENDIAN, "");
    }

    /**
     * A raw void type {@code |V<n>}.
     *
     * @param length the length in bytes, at least 1
     * @return the dtype
     */
    public static DType rawVoid(int length) {
        requirePositive(length);
        return new DType(Kind.VOID, length, null, "");
    }

    /**
     * A little-endian datetime64 type, {@code <M8[unit]}.
     *
     * @param unit numpy's unit with an optional multiplier ({@code "ns"}, {@code "D"},
     *     {@code "10s"}), or {@code ""} for a generic datetime
     * @return the dtype
     */
    public static DType datetime64(String unit) {
        return new DType(Kind.DATETIME, 8, ByteOrder.LITTLE_ENDIAN, DescrCodec.canonicalUnit(unit, unit));
    }

    /**
     * A little-endian timedelta64 type, {@code <m8[unit]}.
     *
     * @param unit numpy's unit with an optional multiplier, or {@code ""} for a generic timedelta
     * @return the dtype
     */
    public static DType timedelta64(String unit) {
        return new DType(Kind.TIMEDELTA, 8, ByteOrder.LITTLE_ENDIAN, DescrCodec.canonicalUnit(unit, unit));
    }

    private static void requirePositive(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
    }

    /**
     * This dtype in another byte order; the same dtype where byte order does not apply.
     *
     * @param order the byte order
     * @return the dtype in that order
     */
    public DType withByteOrder(ByteOrder order) {
        Objects.requireNonNull(order, "order");
        if (kind == Kind.RECORD) {
            List<Field> swapped = new ArrayList<>(fields.size());
            for (Field f : fields) {
                swapped.add(new Field(f.name(), f.title(), f.dtype().withByteOrder(order), f.shape(), f.offset()));
            }
            DType result = new DType(swapped, itemSize);
            return result.equals(this) ? this : result;
        }
        if (byteOrder == null || byteOrder == order) {
            return this;
        }
        return new DType(kind, itemSize, order, unit);
    }

    /**
     * The kind of element.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Bytes per element ({@code dtype.itemsize}); for {@code U<n>} this is 4n.
     *
     * @return the item size
     */
    public int itemSize() {
        return itemSize;
    }

    /**
     * Whether this is a signed or unsigned integer type ({@code i1}..{@code i8}, {@code u1}..{@code u8}).
     *
     * @return true for {@link Kind#INT} and {@link Kind#UINT}
     */
    public boolean isInteger() {
        return kind == Kind.INT || kind == Kind.UINT;
    }

    /**
     * Whether this is numpy's half-precision float, {@code f2}.
     *
     * @return true for float16
     */
    public boolean isFloat16() {
        return kind == Kind.FLOAT && itemSize == 2;
    }

    /**
     * Whether this is a platform long double: {@code f16} or {@code c32}, which numpy on x86-64
     * stores as the 80-bit extended format padded to 16 bytes.
     *
     * @return true for long double and long double complex
     */
    public boolean isLongDouble() {
        return kind == Kind.FLOAT && itemSize == 16 || kind == Kind.COMPLEX && itemSize == 32;
    }

    /**
     * Whether this is a string type, {@code S} or {@code U}.
     *
     * @return true for {@link Kind#BYTES} and {@link Kind#UNICODE}
     */
    public boolean isString() {
        return kind == Kind.BYTES || kind == Kind.UNICODE;
    }

    /**
     * Whether arrays of this dtype hold Python objects ({@code |O}, or a record with an object
     * field anywhere inside): numpy stores those as a pickle rather than as fixed-size elements.
     *
     * @return true if numpy would pickle such an array
     */
    public boolean hasObjects() {
        if (kind == Kind.OBJECT) {
            return true;
        }
        for (Field f : fields) {
            if (f.dtype().hasObjects()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The byte order in which elements are stored; little-endian for types where order does not
     * apply.
     *
     * @return the byte order
     */
    public ByteOrder byteOrder() {
        return byteOrder == null ? ByteOrder.LITTLE_ENDIAN : byteOrder;
    }

    /**
     * Whether byte order matters for this type (numpy prints {@code '|'} where it does not).
     *
     * @return true for multi-byte numbers, datetimes and unicode strings
     */
    public boolean hasByteOrder() {
        return byteOrder != null;
    }

    /**
     * The fields of a structured dtype, in offset order; padding is not a field.
     *
     * @return the fields; empty for other kinds
     */
    public List<Field> fields() {
        return fields;
    }

    /**
     * A field of a structured dtype by name (or title).
     *
     * @param name the field's name or title
     * @return the field, if there is one
     */
    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The datetime64 or timedelta64 unit, such as {@code "ns"} or {@code "10s"}.
     *
     * @return the unit; {@code ""} for other kinds and for generic datetimes
     */
    public String unit() {
        return unit;
    }

    /**
     * The length of a string type in its own units: bytes for {@code S} and {@code V}, code
     * points for {@code U}.
     *
     * @return the length, or the item size for other kinds
     */
    public int length() {
        return kind == Kind.UNICODE ? itemSize / 4 : itemSize;
    }

    /**
     * The size of the unit whose bytes a change of byte order reverses: the item size for
     * numbers and datetimes, half of it for complex, 4 for unicode, 1 where order does not apply.
     *
     * @return the swap unit in bytes
     */
    public int scalarSize() {
        return switch (kind) {
            case COMPLEX -> itemSize / 2;
            case UNICODE -> 4;
            case BOOL, BYTES, VOID, RECORD, OBJECT -> 1;
            default -> itemSize;
        };
    }

    /**
     * The descr as numpy writes {@code dtype.str} into a header.
     *
     * @return for example {@code "<f4"}, {@code "|b1"}, {@code "<U7"}, {@code ">M8[ns]"}
     */
    public String descr() {
        String text = descr;
        if (text == null) {
            text = DescrCodec.descr(this);
            descr = text;
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DType d && d.kind == kind && d.itemSize == itemSize
                && d.byteOrder == byteOrder && d.unit.equals(unit) && d.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, itemSize, byteOrder == null ? "" : byteOrder.toString(), unit, fields);
    }

    /**
     * The descr.
     *
     * @return {@link #descr()}
     */
    @Override
    public String toString() {
        return descr();
    }
}
