package org.npyfile.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.npyfile.DType;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;

/**
 * Reads and checks a {@code .npy} preamble with numpy's rules ({@code _read_array_header}), in
 * numpy's order: magic, version, header length, header text, literal syntax, dict, keys, shape,
 * fortran_order, descr. Unlike numpy it also refuses negative dimensions and shapes whose data
 * size overflows, before anything is allocated for the data.
 */
public final class HeaderReader {

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private HeaderReader() {
    }

    /**
     * Reads the preamble from the source, leaving it at the first data byte.
     *
     * @param source the stream, at its first byte
     * @param limits the header size bound
     * @return the header
     * @throws NpyException if the preamble is malformed, exceeds the limits or names an
     *     unsupported dtype
     * @throws java.io.IOException from the source
     */
    public static NpyHeader read(Source source, NpyLimits limits) throws java.io.IOException {
        ByteBuffer preamble = ByteBuffer.allocate(HeaderFormat.MAGIC_LEN).order(ByteOrder.LITTLE_ENDIAN);
        int got = 0;
        while (preamble.hasRemaining()) {
            int n = source.read(preamble);
            if (n < 0) {
                break;
            }
            got += n;
        }
        for (int i = 0; i < Math.min(got, HeaderFormat.MAGIC.length); i++) {
            if (preamble.get(i) != HeaderFormat.MAGIC[i]) {
                throw new NpyFormatException(0, "the magic string \\x93NUMPY",
                        quote(preamble.array(), 0, Math.min(got, HeaderFormat.MAGIC.length)));
            }
        }
        if (got < HeaderFormat.MAGIC_LEN) {
            throw new NpyFormatException(got, "the magic string \\x93NUMPY and a 2-byte version",
                    got == 0 ? "an empty input" : "the end of the input after " + got + " bytes");
        }
        int major = preamble.get(6) & 0xFF;
        int minor = preamble.get(7) & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw new NpyFormatException(6, "format version 1.0, 2.0 or 3.0", major + "." + minor);
        }
        int lengthField = major == 1 ? 2 : 4;
        ByteBuffer lengthBytes = ByteBuffer.allocate(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        source.readFully(lengthBytes, "the header length field");
        long headerLength = lengthField == 2 ? lengthBytes.getShort(0) & 0xFFFFL : lengthBytes.getInt(0) & 0xFFFF_FFFFL;
        long headerStart = HeaderFormat.MAGIC_LEN + lengthField;
        // A character of UTF-8 takes up to 4 bytes; latin-1 exactly one.
        long maxBytes = (long) limits.maxHeaderBytes() * (major == 3 ? 4 : 1);
        if (headerLength > maxBytes) {
            throw new NpyLimitException("at byte " + HeaderFormat.MAGIC_LEN + ": header length " + headerLength
                    + " exceeds the limit of " + limits.maxHeaderBytes()
                    + " characters (NpyLimits.maxHeaderBytes; numpy's max_header_size)");
        }
        if (source.size() >= 0 && headerLength > source.size() - headerStart) {
            throw new NpyFormatException(headerStart, headerLength + " bytes of header text",
                    "only " + Math.max(0, source.size() - headerStart) + " bytes before the end of the input");
        }
        if (headerLength > NpyLimits.MAX_IN_MEMORY_BYTES) {
            throw new NpyLimitException("at byte " + HeaderFormat.MAGIC_LEN + ": header length " + headerLength
                    + " exceeds what one Java array can hold");
        }
        ByteBuffer headerBytes = readHeaderText(source, (int) headerLength);
        String text = decode(headerBytes.array(), major, headerStart);
        if (text.length() > limits.maxHeaderBytes()) {
            throw new NpyLimitException("at byte " + headerStart + ": header of " + text.length()
                    + " characters exceeds the limit of " + limits.maxHeaderBytes()
                    + " (NpyLimits.maxHeaderBytes; numpy's max_header_size)");
        }
        Object literal;
        try {
            literal = PyLiteral.parse(text, major < 3);
        } catch (PyLiteral.SyntaxError e) {
            long at = headerStart + byteLength(text.substring(0, e.index()), major);
            throw new NpyFormatException(at, "a Python literal header: " + e.expected(), e.found());
        }
        return interpret(literal, major, headerStart + headerLength, headerStart);
    }

    /**
     * Reads the header text; from a source of unknown length the buffer grows with the data, so
     * a length field the input cannot back costs no more than the bytes that arrive.
     */
    private static ByteBuffer readHeaderText(Source source, int length) throws java.io.IOException {
        final int firstAllocation = 1 << 16;
        if (source.size() >= 0 || length <= firstAllocation) {
            ByteBuffer text = ByteBuffer.allocate(length);
            source.readFully(text, "the header text");
            return text;
        }
        long start = source.position();
        ByteBuffer text = ByteBuffer.allocate(firstAllocation);
        while (text.position() < length) {
            if (!text.hasRemaining()) {
                text = ByteBuffer.allocate((int) Math.min(length, (long) text.capacity() * 2)).put(text.flip());
            }
            if (source.read(text) < 0) {
                throw new NpyFormatException(start, length + " bytes of the header text",
                        "only " + text.position() + " before the end of the input");
            }
        }
        return text;
    }

    private static String decode(byte[] bytes, int major, long headerStart) throws NpyFormatException {
        if (major < 3) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            ByteBuffer probe = ByteBuffer.wrap(bytes);
            CharBuffer sink = CharBuffer.allocate(bytes.length);
            decoder.reset().decode(probe, sink, true);
            throw new NpyFormatException(headerStart + probe.position(), "UTF-8 header text (format 3.0)",
                    String.format("the invalid byte 0x%02x", bytes[probe.position()] & 0xFF));
        }
    }

    private static long byteLength(String prefix, int major) {
        return major < 3 ? prefix.length() : prefix.getBytes(StandardCharsets.UTF_8).length;
    }

    private static NpyHeader interpret(Object literal, int major, long dataOffset, long at) throws NpyException {
        if (!(literal instanceof Map<?, ?> dict)) {
            throw new NpyFormatException(at, "a header dict", describe(literal));
        }
        Set<String> found = new TreeSet<>();
        boolean keysOk = dict.size() == KEYS.size();
        for (Object key : dict.keySet()) {
            found.add(key instanceof String s ? PythonRepr.str(s) : describe(key));
            keysOk &= key instanceof String s && KEYS.contains(s);
        }
        if (!keysOk) {
            throw new NpyFormatException(at, "exactly the keys 'descr', 'fortran_order' and 'shape'",
                    "the keys " + found);
        }
        long[] shape = shape(dict.get("shape"), at);
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new NpyFormatException(at, "fortran_order True or False", describe(fortran));
        }
        DType dtype = dtype(dict.get("descr"), at);
        try {
            return new NpyHeader(dtype, shape, fortranOrder, major, 0, dataOffset);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(at, "a shape whose data size fits in a signed 64-bit byte count",
                    "shape " + Shape.repr(shape) + " of " + dtype.descr());
        }
    }

    private static long[] shape(Object value, long at) throws NpyFormatException {
        if (!(value instanceof PyLiteral.Tuple tuple)) {
            throw new NpyFormatException(at, "shape as a tuple of ints", describe(value));
        }
        List<Object> items = tuple.items();
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            Object item = items.get(i);
            // numpy's header check lets a bool pass (isinstance(True, int)), but making the array
            // then fails with "TypeError: an integer is required": a bool is no dimension.
            if (!(item instanceof BigInteger dim)) {
                throw new NpyFormatException(at, "shape as a tuple of ints", "the item " + describe(item));
            }
            if (dim.signum() < 0) {
                throw new NpyFormatException(at, "non-negative dimensions", "shape " + render(items));
            }
            if (dim.bitLength() > 63) {
                throw new NpyFormatException(at, "dimensions that fit in a signed 64-bit integer",
                        "shape " + render(items));
            }
            shape[i] = dim.longValue();
        }
        return shape;
    }

    private static DType dtype(Object value, long at) throws NpyException {
        try {
            return DescrCodec.fromLiteral(value);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(at, "a valid dtype descr", e.getMessage());
        }
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the str " + PythonRepr.str(s);
        }
        if (value instanceof Map) {
            return "a dict";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof PyLiteral.Tuple t) {
            return "the tuple " + render(t.items());
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof PyLiteral.Bytes) {
            return "a bytes literal";
        }
        return String.valueOf(value);
    }

    private static String render(List<?> items) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object item = items.get(i);
            sb.append(item instanceof String s ? PythonRepr.str(s) : item instanceof List<?> l ? "[...]" : describe(item));
        }
        return sb.append(items.size() == 1 ? ",)" : ")").toString();
    }

    private static String quote(byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7f) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append('\'').toString();
    }
}
