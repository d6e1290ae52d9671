package org.npyfile.internal;

import java.math.BigInteger;
import java.util.List;
import org.npyfile.DType;
import org.npyfile.NpyTypeException;

/**
 * Turns a header's {@code descr} literal into a {@link DType} with numpy's rules
 * ({@code numpy.lib.format.descr_to_dtype}): a str is a plain dtype; a list is a structured dtype
 * of {@code (name, descr)} and {@code (name, descr, shape)} entries, where a name may be a
 * {@code (title, name)} pair, a descr may itself be a list (a nested record) or a
 * {@code (descr, shape)} pair, and an entry named {@code ''} of a plain void type is padding:
 * counted in the item size, not a field.
 */
final class DescrReader {

    private DescrReader() {
    }

    /**
     * The dtype a descr literal stands for.
     *
     * @throws IllegalArgumentException naming what is wrong, if numpy would not accept it
     * @throws NpyTypeException if numpy would accept it but npyfile cannot represent it
     */
    static DType dtype(Object descr) throws NpyTypeException {
        return dtype(descr, "");
    }

    private static DType dtype(Object descr, String path) throws NpyTypeException {
        if (descr instanceof String s) {
            try {
                return DType.parse(s);
            } catch (NpyTypeException e) {
                if (path.isEmpty()) {
                    throw e;
                }
                throw new NpyTypeException("field " + path + ": " + e.getMessage());
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

    private static DType record(List<?> entries, String path) throws NpyTypeException {
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
}
