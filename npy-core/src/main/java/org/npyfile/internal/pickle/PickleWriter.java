package org.npyfile.internal.pickle;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npyfile.python.PyTuple;
import org.npyfile.python.PyComplex;

/**
 * Writes plain values as a pickle that {@code numpy.load(..., allow_pickle=True)} turns back into
 * the same values: what numpy's {@code write_array} writes into the data section of an object array
 * ({@code pickle.dump(array, protocol=4)}, numpy's {@code _format_impl.py}). The array is rebuilt by
 * {@code numpy._core.multiarray._reconstruct} and its {@code __setstate__}, as numpy 1.26 and later
 * load it; no memo and no frames are written (both are optional to the unpickler), so shared Java
 * objects are written once per reference.
 *
 * <p>Accepted values: null (None), {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer},
 * {@link Long}, {@link BigInteger} (int), {@link Float}, {@link Double} (float), {@link PyComplex},
 * {@link String} (str; lone surrogates as Python's surrogatepass), {@code byte[]} (bytes),
 * {@link PyTuple} (tuple), any other {@link List} (list), {@link Map} (dict, in iteration order),
 * {@link PickledArray} (an ndarray, or a numpy scalar, of a plain dtype or of objects) and
 * {@link NumpyDType} of a plain dtype.
 */
public final class PickleWriter {

    /** Values nest at most this deep; deeper (or cyclic) input is refused rather than overflowing the stack. */
    public static final int MAX_DEPTH = 1000;

    /** Python's pickler batches APPENDS and SETITEMS by this many items. */
    private static final int BATCH = 1000;

    private static final Pattern PLAIN_DESCR =
            Pattern.compile("([<>|])([biufcSUVOMm])(\\d*)(?:\\[(\\d*)(Y|M|W|D|h|m|s|ms|us|ns|ps|fs|as)\\])?");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PickleWriter() {
    }

    /**
     * The pickle of an object ({@code |O}) array, as numpy writes it after a {@code .npy} header
     * {@code {'descr': '|O', 'fortran_order': ..., 'shape': ...}}.
     *
     * @param shape the shape
     * @param fortranOrder the header's fortran_order (numpy pickles the elements in C order either way)
     * @param elements the elements in C order, plain values as the class lists them
     * @return the pickle
     * @throws IllegalArgumentException if the element count does not match the shape, or a value
     *     cannot be written
     */
    public static byte[] objectArray(long[] shape, boolean fortranOrder, List<?> elements) {
        return write(new PickledArray("|O", shape, fortranOrder, null,
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(elements)), false, null));
    }

    /**
     * The pickle of one value.
     *
     * @param value a value as the class lists them
     * @return the pickle, protocol 4
     * @throws IllegalArgumentException if the value cannot be written
     */
    public static byte[] write(Object value) {
        PickleWriter w = new PickleWriter();
        w.op(0x80).op(4);
        w.value(value, 0);
        w.op('.');
        return w.out.toByteArray();
    }

    private PickleWriter op(int opcode) {
        out.write(opcode);
        return this;
    }

    private void le(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private void value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nest deeper than " + MAX_DEPTH + " (or contain themselves)");
        }
        if (v == null) {
            op('N');
        } else if (v instanceof Boolean b) {
            op(b ? 0x88 : 0x89);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            integer(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            bigInteger(b);
        } else if (v instanceof Double || v instanceof Float) {
            op('G');
            long bits = Double.doubleToRawLongBits(((Number) v).doubleValue());
            for (int i = 7; i >= 0; i--) {
                out.write((int) (bits >>> (8 * i)));
            }
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof byte[] b) {
            bytes(b);
        } else if (v instanceof PyComplex c) {
            global("builtins", "complex");
            value(c.real(), depth + 1);
            value(c.imag(), depth + 1);
            op(0x86).op('R');
        } else if (v instanceof PyTuple t) {
            tuple(t, depth);
        } else if (v instanceof List<?> list) {
            op(']');
            batched(list.iterator(), list.size(), 'e', depth, false);
        } else if (v instanceof Map<?, ?> map) {
            op('}');
            batched(map.entrySet().iterator(), map.size(), 'u', depth, true);
        } else if (v instanceof PickledArray a) {
            array(a, depth);
        } else if (v instanceof NumpyDType d) {
            dtype(d.descr());
        } else {
            throw new IllegalArgumentException("cannot pickle a " + v.getClass().getName() + " for numpy");
        }
    }

    private void integer(long v) {
        if (v >= 0 && v < 0x100) {
            op('K').out.write((int) v);
        } else if (v >= 0 && v < 0x10000) {
            op('M');
            le(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            op('J');
            le(v, 4);
        } else {
            bigInteger(BigInteger.valueOf(v));
        }
    }

    /** LONG1 or LONG4: two's complement, little-endian, as few bytes as hold the sign. */
    private void bigInteger(BigInteger v) {
        if (v.bitLength() < 31) {
            integer(v.longValue());
            return;
        }
        byte[] be = v.toByteArray();
        if (be.length < 0x100) {
            op(0x8a).out.write(be.length);
        } else {
            op(0x8b);
            le(be.length, 4);
        }
        for (int i = be.length - 1; i >= 0; i--) {
            out.write(be[i]);
        }
    }

    private void string(String s) {
        byte[] utf8 = Utf8.encode(s);
        if (utf8.length < 0x100) {
            op(0x8c).out.write(utf8.length);
        } else {
            op('X');
            le(utf8.length, 4);
        }
        out.writeBytes(utf8);
    }

    private void bytes(byte[] b) {
        if (b.length < 0x100) {
            op('C').out.write(b.length);
        } else {
            op('B');
            le(b.length, 4);
        }
        out.writeBytes(b);
    }

    private void tuple(List<?> items, int depth) {
        if (items.isEmpty()) {
            op(')');
            return;
        }
        if (items.size() > 3) {
            op('(');
        }
        for (Object item : items) {
            value(item, depth + 1);
        }
        op(switch (items.size()) {
            case 1 -> 0x85;
            case 2 -> 0x86;
            case 3 -> 0x87;
            default -> 't';
        });
    }

    private void batched(Iterator<?> items, int size, int opcode, int depth, boolean pairs) {
        int left = size;
        while (left > 0) {
            int n = Math.min(left, BATCH);
            if (n > 1) {
                op('(');
            }
            for (int i = 0; i < n; i++) {
                Object item = items.next();
                if (pairs) {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                    value(e.getKey(), depth + 1);
                    value(e.getValue(), depth + 1);
                } else {
                    value(item, depth + 1);
                }
            }
            op(n > 1 ? opcode : opcode == 'e' ? 'a' : 's');
            left -= n;
        }
    }

    private void global(String module, String name) {
        string(module);
        string(name);
        op(0x93);
    }

    private void array(PickledArray a, int depth) {
        if (a.scalar()) {
            if (a.holdsObjects()) {
                throw new IllegalArgumentException("numpy cannot unpickle a scalar holding objects");
            }
            global("numpy._core.multiarray", "scalar");
            dtype(a.descr());
            bytes(a.data());
            op(0x86).op('R');
            return;
        }
        long count = a.elementCount();
        if (a.holdsObjects() && a.objects().size() != count) {
            throw new IllegalArgumentException(a.objects().size() + " elements for shape " + Arrays.toString(a.shape()));
        }
        global("numpy._core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        op('K').out.write(0);
        op(0x85);
        bytes(new byte[] {'b'});
        op(0x87).op('R');
        op('(');
        integer(1);
        tuple(Arrays.stream(a.shape()).boxed().toList(), depth);
        dtype(a.descr());
        op(a.fortranOrder() ? 0x88 : 0x89);
        if (a.holdsObjects()) {
            value(a.objects(), depth + 1);
        } else {
            bytes(a.data());
        }
        op('t').op('b');
    }

    /** numpy.dtype(typestr, False, True) and its version 3 (version 4 for datetimes) state. */
    private void dtype(String descr) {
        Matcher m = PLAIN_DESCR.matcher(descr);
        if (!m.matches()) {
            throw new IllegalArgumentException("only plain dtypes are written (not " + descr + ")");
        }
        char order = m.group(1).charAt(0);
        char kind = m.group(2).charAt(0);
        int size = m.group(3).isEmpty() ? (kind == 'O' ? 8 : 0) : Integer.parseInt(m.group(3));
        boolean extended = kind == 'S' || kind == 'U' || kind == 'V';
        boolean time = kind == 'M' || kind == 'm';
        global("numpy", "dtype");
        string(String.valueOf(kind) + size);
        op(0x89).op(0x88).op(0x87).op('R');
        op('(');
        integer(time ? 4 : 3);
        string(String.valueOf(order));
        op('N').op('N').op('N');
        integer(extended ? (kind == 'U' ? 4L * size : size) : -1);
        integer(extended ? (kind == 'U' ? 4 : 1) : -1);
        integer(kind == 'O' ? 63 : 0);
        if (time) {
            op('N').op('(');
            String unit = m.group(5) == null ? "generic" : m.group(5);
            bytes(unit.getBytes(StandardCharsets.US_ASCII));
            integer(m.group(4) == null || m.group(4).isEmpty() ? 1 : Long.parseLong(m.group(4)));
            integer(1);
            integer(1);
            op('t').op(0x86);
        }
        op('t').op('b');
    }
}
