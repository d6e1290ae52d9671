package org.npyfile;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npyfile.internal.Shape;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.internal.PythonRepr;

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
        RECORD('V');

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

    /** Units numpy accepts for datetime64 and timedelta64, an optional multiplier before them. */
    private static final Pattern TIME_UNIT =
            Pattern.compile("([1-9][0-9]{0,8})?(Y|M|W|D|h|m|s|ms|us|\u03bcs|ns|ps|fs|as)");

    /** {@code [order]code[size][[unit]]}, numpy's array-protocol type strings. */
    private static final Pattern TYPESTR =
            Pattern.compile("([<>|=]?)([?bBhHiIlLqQpPeEfdgFDGSaUVMmOuc])([0-9]*)(?:\\[([^\\]]*)\\])?");

    /** numpy's dtype names and one-character codes, as numpy on 64-bit Linux reads them. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("?", "b1"), Map.entry("c", "S1"), Map.entry("bool", "b1"), Map.entry("bool_", "b1"),
            Map.entry("b", "i1"), Map.entry("int8", "i1"), Map.entry("byte", "i1"),
            Map.entry("B", "u1"), Map.entry("uint8", "u1"), Map.entry("ubyte", "u1"),
            Map.entry("h", "i2"), Map.entry("int16", "i2"), Map.entry("short", "i2"),
            Map.entry("H", "u2"), Map.entry("uint16", "u2"), Map.entry("ushort", "u2"),
            Map.entry("i", "i4"), Map.entry("int32", "i4"), Map.entry("intc", "i4"),
            Map.entry("I", "u4"), Map.entry("uint32", "u4"), Map.entry("uintc", "u4"),
            Map.entry("l", "i8"), Map.entry("q", "i8"), Map.entry("p", "i8"), Map.entry("int64", "i8"),
            Map.entry("int", "i8"), Map.entry("int_", "i8"), Map.entry("long", "i8"),
            Map.entry("longlong", "i8"), Map.entry("intp", "i8"),
            Map.entry("L", "u8"), Map.entry("Q", "u8"), Map.entry("P", "u8"), Map.entry("uint64", "u8"),
            Map.entry("uint", "u8"), Map.entry("ulong", "u8"), Map.entry("ulonglong", "u8"),
            Map.entry("uintp", "u8"),
            Map.entry("e", "f2"), Map.entry("float16", "f2"), Map.entry("half", "f2"),
            Map.entry("f", "f4"), Map.entry("float32", "f4"), Map.entry("single", "f4"),
            Map.entry("d", "f8"), Map.entry("float64", "f8"), Map.entry("double", "f8"),
            Map.entry("float", "f8"), Map.entry("float_", "f8"),
            Map.entry("F", "c8"), Map.entry("complex64", "c8"), Map.entry("csingle", "c8"),
            Map.entry("D", "c16"), Map.entry("complex128", "c16"), Map.entry("cdouble", "c16"),
            Map.entry("complex", "c16"), Map.entry("complex_", "c16"),
            Map.entry("g", "f16"), Map.entry("longdouble", "f16"), Map.entry("float128", "f16"),
            Map.entry("G", "c32"), Map.entry("clongdouble", "c32"), Map.entry("complex256", "c32"),
            Map.entry("O", "O"), Map.entry("object", "O"), Map.entry("object_", "O"),
            Map.entry("datetime64", "M8"), Map.entry("timedelta64", "m8"));

    private final Kind kind;
    private final int itemSize;
    private final ByteOrder byteOrder;
    private final String unit;
    private final List<Field> fields;
    /** Fields by name and by title. */
    private final Map<String, Field> byName;

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
        Map<String, Field> index = new java.util.HashMap<>();
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
        private final java.util.Set<String> taken = new java.util.HashSet<>();
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
     * Parses a non-structured descr as numpy's {@code numpy.dtype} does for the forms that
     * {@code .npy} headers carry: {@code '<f4'}, {@code '|S5'}, {@code '>M8[ns]'}, and the
     * lenient forms numpy also loads ({@code 'f8'}, {@code 'float64'}, {@code '=i4'}, {@code 'd'}).
     * A missing, {@code '|'} or {@code '='} byte order on a multi-byte type means this machine's
     * order, as in numpy.
     *
     * @param descr the descr text
     * @return the dtype
     * @throws NpyTypeException if numpy knows the dtype but npyfile cannot represent it: object
     *     ({@code |O}, pickled), long double ({@code <f16}, {@code <c32}), zero-size strings
     * @throws IllegalArgumentException if numpy would not accept the descr either
     */
    public static DType parse(String descr) throws NpyTypeException {
        Objects.requireNonNull(descr, "descr");
        String text = descr;
        String order = "";
        if (!text.isEmpty() && "<>|=".indexOf(text.charAt(0)) >= 0) {
            order = text.substring(0, 1);
            text = text.substring(1);
        }
        String alias = ALIASES.get(text);
        // numpy reads a byte order only before a type code: '<f8' and 'd', but not '<float64'.
        if (alias != null && (order.isEmpty() || text.length() == 1)) {
            text = alias;
        }
        Matcher m = TYPESTR.matcher(order + text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a numpy dtype descr: '" + descr + "'");
        }
        ByteOrder byteOrder = switch (m.group(1)) {
            case "<" -> ByteOrder.LITTLE_ENDIAN;
            case ">" -> ByteOrder.BIG_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
        char code = m.group(2).charAt(0);
        String sizeText = m.group(3);
        String unitText = m.group(4);
        if (code != 'M' && code != 'm' && unitText != null) {
            throw new IllegalArgumentException("only datetime64 and timedelta64 take a [unit]: '" + descr + "'");
        }
        Kind kind;
        switch (code) {
            case 'b' -> kind = Kind.BOOL;
            case 'i' -> kind = Kind.INT;
            case 'u' -> kind = Kind.UINT;
            case 'f' -> kind = Kind.FLOAT;
            case 'c' -> kind = Kind.COMPLEX;
            case 'S', 'a' -> kind = Kind.BYTES;
            case 'U' -> kind = Kind.UNICODE;
            case 'V' -> kind = Kind.VOID;
            case 'M' -> kind = Kind.DATETIME;
            case 'm' -> kind = Kind.TIMEDELTA;
            case 'O' -> throw new NpyTypeException("dtype '" + descr
                    + "' is a pickled object array; npyfile reads only arrays stored without pickle");
            default -> throw new IllegalArgumentException("not a numpy dtype descr: '" + descr + "'");
        }
        int size;
        try {
            size = sizeText.isEmpty() ? defaultSize(kind) : Integer.parseInt(sizeText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("item size out of range in '" + descr + "'", e);
        }
        return of(kind, size, byteOrder, unitText, descr);
    }

    private static int defaultSize(Kind kind) {
        return switch (kind) {
            case DATETIME, TIMEDELTA -> 8;
            case BYTES, UNICODE, VOID -> 0;
            default -> -1;
        };
    }

    private static DType of(Kind kind, int size, ByteOrder order, String unitText, String descr)
            throws NpyTypeException {
        switch (kind) {
            case BOOL -> requireSize(size, descr, 1);
            case INT, UINT -> requireSize(size, descr, 1, 2, 4, 8);
            case FLOAT -> {
                if (size == 16 || size == 12) {
                    throw new NpyTypeException("dtype '" + descr + "' is a platform long double, which has no Java type");
                }
                requireSize(size, descr, 2, 4, 8);
            }
            case COMPLEX -> {
                if (size == 32 || size == 24) {
                    throw new NpyTypeException("dtype '" + descr + "' is a platform long double complex, which has no Java type");
                }
                requireSize(size, descr, 8, 16);
            }
            case BYTES, UNICODE, VOID -> {
                if (size == 0) {
                    throw new NpyTypeException("dtype '" + descr + "' has no item size; npyfile needs a sized string or void type");
                }
                if (kind == Kind.UNICODE && size > Integer.MAX_VALUE / 4) {
                    throw new IllegalArgumentException("item size out of range in '" + descr + "'");
                }
                size = kind == Kind.UNICODE ? size * 4 : size;
            }
            case DATETIME, TIMEDELTA -> {
                requireSize(size, descr, 8);
                return new DType(kind, 8, order, canonicalUnit(unitText, descr));
            }
            default -> throw new AssertionError(kind);
        }
        return new DType(kind, size, order, "");
    }

    private static void requireSize(int size, String descr, int... allowed) {
        for (int a : allowed) {
            if (size == a) {
                return;
            }
        }
        throw new IllegalArgumentException("no numpy dtype '" + descr + "' (item size " + size + ")");
    }

    private static String canonicalUnit(String unitText, String descr) {
        if (unitText == null || unitText.equals("generic")) {
            return "";
        }
        Matcher m = TIME_UNIT.matcher(unitText);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a datetime unit in '" + descr + "': [" + unitText + "]");
        }
        // numpy prints a multiplier of 1 as nothing: 'M8[1s]' is '<M8[s]'.
        String unit = unitText.replace('\u03bc', 'u');
        return m.group(1) != null && Integer.parseInt(m.group(1)) == 1 ? m.group(2).replace('\u03bc', 'u') : unit;
    }

    private static boolean orderMatters(Kind kind, int itemSize) {
        return switch (kind) {
            case BOOL, BYTES, VOID, RECORD -> false;
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
        return new DType(Kind.DATETIME, 8, ByteOrder.LITTLE_ENDIAN, canonicalUnit(unit.isEmpty() ? null : unit, unit));
    }

    /**
     * A little-endian timedelta64 type, {@code <m8[unit]}.
     *
     * @param unit numpy's unit with an optional multiplier, or {@code ""} for a generic timedelta
     * @return the dtype
     */
    public static DType timedelta64(String unit) {
        return new DType(Kind.TIMEDELTA, 8, ByteOrder.LITTLE_ENDIAN, canonicalUnit(unit.isEmpty() ? null : unit, unit));
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
            case BOOL, BYTES, VOID, RECORD -> 1;
            default -> itemSize;
        };
    }

    /**
     * The descr as numpy writes {@code dtype.str} into a header.
     *
     * @return for example {@code "<f4"}, {@code "|b1"}, {@code "<U7"}, {@code ">M8[ns]"}
     */
    public String descr() {
        if (kind == Kind.RECORD) {
            return recordDescr();
        }
        char order = byteOrder == null ? '|' : byteOrder == ByteOrder.BIG_ENDIAN ? '>' : '<';
        StringBuilder sb = new StringBuilder().append(order).append(kind.code);
        switch (kind) {
            case DATETIME, TIMEDELTA -> {
                sb.append('8');
                if (!unit.isEmpty()) {
                    sb.append('[').append(unit).append(']');
                }
            }
            default -> sb.append(length());
        }
        return sb.toString();
    }

    /** numpy's {@code dtype.descr} list: fields in offset order, gaps as {@code ('', '|V<n>')}. */
    private String recordDescr() {
        StringBuilder sb = new StringBuilder("[");
        int at = 0;
        for (Field f : fields) {
            if (f.offset() > at) {
                append(sb, "('', '|V" + (f.offset() - at) + "')");
            }
            String name = f.title() == null ? PythonRepr.str(f.name())
                    : "(" + PythonRepr.str(f.title()) + ", " + PythonRepr.str(f.name()) + ")";
            String type = f.dtype().kind == Kind.RECORD ? f.dtype().descr() : PythonRepr.str(f.dtype().descr());
            append(sb, "(" + name + ", " + type
                    + (f.shape().length == 0 ? "" : ", " + Shape.repr(f.shape())) + ")");
            at = (int) (f.offset() + f.byteSize());
        }
        if (itemSize > at) {
            append(sb, "('', '|V" + (itemSize - at) + "')");
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder list, String item) {
        if (list.length() > 1) {
            list.append(", ");
        }
        list.append(item);
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
