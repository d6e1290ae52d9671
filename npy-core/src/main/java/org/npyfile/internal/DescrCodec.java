package org.npyfile.internal;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npyfile.DType;
import org.npyfile.DType.Kind;

/**
 * The one home of descr text and {@link DType}, both ways, with numpy's rules
 * ({@code numpy.dtype} for type strings, {@code numpy.lib.format.descr_to_dtype} for header
 * literals, {@code dtype.str} and {@code dtype.descr} for printing).
 *
 * <p>A descr is a type string ({@code '<f4'}, {@code '|S5'}, {@code '>M8[ns]'}, {@code '|O'}) or,
 * for a structured dtype, a list of {@code (name, descr)} and {@code (name, descr, shape)} entries,
 * where a name may be a {@code (title, name)} pair, a descr may itself be a list (a nested record)
 * or a {@code (descr, shape)} pair, and an entry named {@code ''} of a plain void type is padding:
 * counted in the item size, not a field. Printing gives numpy's text back, so that
 * {@code parse(descr(d))} equals {@code d}.
 */
public final class DescrCodec {

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


    private DescrCodec() {
    }

    // ---------------------------------------------------------------- text to dtype

    /**
     * Parses descr text: a type string or alias, or the list text of a structured dtype.
     *
     * @param text the descr
     * @return the dtype
     * @throws IllegalArgumentException if numpy would not accept it
     */
    public static DType parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            Object literal;
            try {
                literal = PyLiteral.parse(trimmed, false);
            } catch (PyLiteral.SyntaxError e) {
                throw new IllegalArgumentException("not a structured dtype descr: " + e.getMessage(), e);
            }
            return fromLiteral(literal);
        }
        return typestr(text);
    }

    /**
     * The dtype a header's {@code descr} value stands for: a str, or a list of fields.
     *
     * @param literal the value as {@link PyLiteral} parsed it
     * @return the dtype
     * @throws IllegalArgumentException naming what is wrong, if numpy would not accept it
     */
    public static DType fromLiteral(Object literal) {
        return dtype(literal, "");
    }

    private static DType dtype(Object descr, String path) {
        if (descr instanceof String s) {
            try {
                return typestr(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PythonRepr.str(s) + (path.isEmpty() ? "" : " in field " + path)
                        + " (" + e.getMessage() + ")", e);
            }
        }
        if (descr instanceof List<?> entries) {
            return record(entries, path);
        }
        throw new IllegalArgumentException("descr " + (path.isEmpty() ? "" : "of field " + path + " ")
                + "as a str or a list of fields, not " + kindOf(descr));
    }

    /** A type string or alias: {@code '<f4'}, {@code 'float64'}, {@code 'd'}, {@code '>M8[10s]'}. */
    private static DType typestr(String descr) {
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
        Kind kind = switch (code) {
            case 'b' -> Kind.BOOL;
            case 'i' -> Kind.INT;
            case 'u' -> Kind.UINT;
            case 'f' -> Kind.FLOAT;
            case 'c' -> Kind.COMPLEX;
            case 'S', 'a' -> Kind.BYTES;
            case 'U' -> Kind.UNICODE;
            case 'V' -> Kind.VOID;
            case 'M' -> Kind.DATETIME;
            case 'm' -> Kind.TIMEDELTA;
            case 'O' -> Kind.OBJECT;
            default -> throw new IllegalArgumentException("not a numpy dtype descr: '" + descr + "'");
        };
        long size;
        try {
            size = sizeText.isEmpty() ? defaultSize(kind) : Long.parseLong(sizeText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("item size out of range in '" + descr + "'", e);
        }
        if (kind == Kind.UNICODE) {
            size *= 4;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("item size out of range in '" + descr + "'");
        }
        try {
            DType plain = DType.of(kind, (int) size, byteOrder);
            if (kind == Kind.DATETIME) {
                return DType.datetime64(canonicalUnit(unitText, descr)).withByteOrder(byteOrder);
            }
            if (kind == Kind.TIMEDELTA) {
                return DType.timedelta64(canonicalUnit(unitText, descr)).withByteOrder(byteOrder);
            }
            return plain;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no numpy dtype '" + descr + "' (item size " + sizeText + ")", e);
        }
    }

    private static long defaultSize(Kind kind) {
        return switch (kind) {
            case DATETIME, TIMEDELTA, OBJECT -> 8;
            case BYTES, UNICODE, VOID -> 0;
            default -> -1;
        };
    }

    /**
     * numpy's canonical spelling of a datetime unit: a multiplier of 1 dropped, {@code μs} as
     * {@code us}, {@code generic} as nothing.
     *
     * @param unitText the unit between the brackets, or null
     * @param descr the whole descr, for messages
     * @return the unit, {@code ""} for a generic datetime
     * @throws IllegalArgumentException if numpy has no such unit
     */
    public static String canonicalUnit(String unitText, String descr) {
        if (unitText == null || unitText.isEmpty() || unitText.equals("generic")) {
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

    private static DType record(List<?> entries, String path) {
        DType.RecordBuilder builder = DType.record();
        for (Object entry : entries) {
            if (!(entry instanceof PyLiteral.Tuple tuple) || tuple.items().size() < 2 || tuple.items().size() > 3) {
                throw new IllegalArgumentException("structured descr entries as (name, descr) or (name, descr, shape)"
                        + (path.isEmpty() ? "" : " in field " + path) + ", not " + kindOf(entry));
            }
            List<Object> items = tuple.items();
            String title = null;
            Object nameValue = items.get(0);
            if (nameValue instanceof PyLiteral.Tuple pair && pair.items().size() == 2
                    && pair.items().get(1) instanceof String) {
                title = pair.items().get(0) instanceof String t ? t : null;
                if (title == null) {
                    throw new IllegalArgumentException("a str title in (title, name)" + at(path));
                }
                nameValue = pair.items().get(1);
            }
            if (!(nameValue instanceof String name)) {
                throw new IllegalArgumentException("a str field name" + at(path) + ", not " + kindOf(nameValue));
            }
            String fieldPath = path.isEmpty() ? PythonRepr.str(name) : path + "." + PythonRepr.str(name);
            Object typeValue = items.get(1);
            long[] inner = new long[0];
            if (typeValue instanceof PyLiteral.Tuple sub && sub.items().size() == 2) {
                inner = subShape(sub.items().get(1), fieldPath);
                typeValue = sub.items().get(0);
            }
            DType type = dtype(typeValue, fieldPath);
            // numpy.dtype((subarray, outer)) nests: the outer shape comes first.
            long[] shape = items.size() == 3 ? concat(subShape(items.get(2), fieldPath), inner) : inner;
            // numpy's rule: an entry named exactly '' (not a (title, '') pair) of plain void is padding.
            boolean padding = items.get(0) instanceof String && name.isEmpty() && type.kind() == DType.Kind.VOID;
            try {
                if (padding) {
                    long bytes = Shape.byteSize(shape, type.itemSize());
                    builder.padding(Math.toIntExact(bytes));
                } else {
                    builder.field(title, name, type, shape);
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("a record of at most " + Integer.MAX_VALUE + " bytes" + at(path), e);
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + at(path), e);
        }
    }

    private static long[] subShape(Object value, String path) {
        List<Object> dims;
        if (value instanceof BigInteger) {
            dims = List.of(value);
        } else if (value instanceof PyLiteral.Tuple t) {
            dims = t.items();
        } else {
            throw new IllegalArgumentException("a sub-array shape of ints for field " + path + ", not " + kindOf(value));
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof BigInteger d) || d.signum() < 0 || d.bitLength() > 31) {
                throw new IllegalArgumentException("non-negative sub-array dimensions for field " + path
                        + ", not " + kindOf(dims.get(i)));
            }
            shape[i] = d.longValue();
        }
        return shape;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = new long[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : " in field " + path;
    }

    private static String kindOf(Object value) {
        if (value instanceof String s) {
            return "the str " + PythonRepr.str(s);
        }
        if (value instanceof BigInteger i) {
            return "the int " + i;
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof PyLiteral.Tuple t) {
            return "a tuple of " + t.items().size();
        }
        return value == null ? "nothing" : String.valueOf(value);
    }

    // ---------------------------------------------------------------- dtype to text

    /**
     * The descr as numpy prints it: {@code dtype.str} for a plain dtype ({@code '<f4'},
     * {@code '|b1'}, {@code '<U7'}, {@code '>M8[ns]'}, {@code '|O'}), the {@code dtype.descr}
     * list for a structured one, with gaps as {@code ('', '|V<n>')}.
     *
     * @param dtype the dtype
     * @return the text, without quotes for a plain dtype
     */
    public static String descr(DType dtype) {
        if (dtype.kind() == Kind.RECORD) {
            return recordDescr(dtype);
        }
        char order = !dtype.hasByteOrder() ? '|' : dtype.byteOrder() == ByteOrder.BIG_ENDIAN ? '>' : '<';
        StringBuilder sb = new StringBuilder().append(order).append(dtype.kind().code());
        switch (dtype.kind()) {
            case DATETIME, TIMEDELTA -> {
                sb.append('8');
                if (!dtype.unit().isEmpty()) {
                    sb.append('[').append(dtype.unit()).append(']');
                }
            }
            case OBJECT -> { }
            default -> sb.append(dtype.length());
        }
        return sb.toString();
    }

    /**
     * The descr as a Python literal, as a header carries it: a quoted str, or the list of a
     * structured dtype.
     *
     * @param dtype the dtype
     * @return the literal text
     */
    public static String literal(DType dtype) {
        return dtype.kind() == Kind.RECORD ? descr(dtype) : PythonRepr.str(descr(dtype));
    }

    private static String recordDescr(DType record) {
        StringBuilder sb = new StringBuilder("[");
        int at = 0;
        for (DType.Field f : record.fields()) {
            if (f.offset() > at) {
                append(sb, "('', '|V" + (f.offset() - at) + "')");
            }
            String name = f.title() == null ? PythonRepr.str(f.name())
                    : "(" + PythonRepr.str(f.title()) + ", " + PythonRepr.str(f.name()) + ")";
            append(sb, "(" + name + ", " + literal(f.dtype())
                    + (f.shape().length == 0 ? "" : ", " + Shape.repr(f.shape())) + ")");
            at = (int) (f.offset() + f.byteSize());
        }
        if (record.itemSize() > at) {
            append(sb, "('', '|V" + (record.itemSize() - at) + "')");
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder list, String item) {
        if (list.length() > 1) {
            list.append(", ");
        }
        list.append(item);
    }
}
