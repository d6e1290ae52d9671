package org.npyfile.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the Python literals that numpy's {@code ast.literal_eval} accepts in a header:
 * dicts, lists, tuples, strings, integers, floats, {@code True}, {@code False} and {@code None}.
 * Nothing is ever evaluated: a name, call, operator or anything else is a syntax error.
 *
 * <p>Values come back as {@link Map} (insertion order, a duplicate key's last value wins, as in
 * Python), {@link List} for lists, {@link Tuple} for tuples, {@link String}, {@link BigInteger},
 * {@link Double}, {@link Boolean}, {@link #NONE}, {@link Bytes} for {@code b'...'} literals and
 * {@link #COMPLEX} for an imaginary number (numpy accepts those syntactically; no header uses them).
 */
public final class PyLiteral {

    /** Python's {@code None}. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** Stands for any complex number; headers never need one's value. */
    public static final Object COMPLEX = new Object() {
        @Override
        public String toString() {
            return "<complex>";
        }
    };

    /** Python nests at most about 200 brackets; a bound keeps hostile input off the Java stack. */
    static final int MAX_DEPTH = 100;

    /**
     * A Python tuple.
     *
     * @param items the elements
     */
    public record Tuple(List<Object> items) { }

    /**
     * A Python bytes literal.
     *
     * @param value the bytes, as latin-1 characters
     */
    public record Bytes(String value) { }

    /** A syntax error at a character index of the text. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String expected;
        private final String found;

        SyntaxError(int index, String expected, String found) {
            super("expected " + expected + ", found " + found);
            this.index = index;
            this.expected = expected;
            this.found = found;
        }

        /** @return the character index of the error in the text */
        public int index() {
            return index;
        }

        /** @return what the grammar allowed there */
        public String expected() {
            return expected;
        }

        /** @return what the text holds there */
        public String found() {
            return found;
        }
    }

    private final String text;
    private final boolean allowLongSuffix;
    private int pos;
    private int depth;

    private PyLiteral(String text, boolean allowLongSuffix) {
        this.text = text;
        this.allowLongSuffix = allowLongSuffix;
    }

    /**
     * Parses one literal that must make up the whole text, surrounding white space aside.
     *
     * @param text the text
     * @param allowLongSuffix whether Python 2 long suffixes ({@code 3L}) are accepted, as numpy
     *     does for format versions 1.0 and 2.0
     * @return the value
     * @throws SyntaxError if the text is not one literal
     */
    public static Object parse(String text, boolean allowLongSuffix) throws SyntaxError {
        PyLiteral p = new PyLiteral(text, allowLongSuffix);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("the end of the header after the literal");
        }
        return value;
    }

    private Object value() throws SyntaxError {
        if (pos >= text.length()) {
            throw error("a Python literal");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return nested(this::dict);
            case '[':
                return nested(this::list);
            case '(':
                return nested(this::parenthesised);
            case '\'':
            case '"':
                return strings("");
            case '-':
            case '+':
                return signedNumber();
            default:
                break;
        }
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')
                    && word.matches("(?i)[rub]|rb|br")) {
                return strings(word.toLowerCase());
            }
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return NONE;
                default:
                    pos = start;
                    throw error("a Python literal (names such as '" + word + "' are never evaluated)");
            }
        }
        throw error("a Python literal");
    }

    private interface Body {
        Object parse() throws SyntaxError;
    }

    private Object nested(Body body) throws SyntaxError {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " nested brackets");
        }
        Object value = body.parse();
        depth--;
        return value;
    }

    private Object dict() throws SyntaxError {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        skipSpace();
        while (!peek('}')) {
            int keyAt = pos;
            Object key = value();
            if (key instanceof List || key instanceof Map) {
                pos = keyAt;
                throw error("a hashable dict key");
            }
            skipSpace();
            expect(':');
            skipSpace();
            Object value = value();
            map.remove(key);
            map.put(key, value);
            skipSpace();
            if (!peek('}')) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return map;
    }

    private Object list() throws SyntaxError {
        pos++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        while (!peek(']')) {
            items.add(value());
            skipSpace();
            if (!peek(']')) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return items;
    }

    private Object parenthesised() throws SyntaxError {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean comma = false;
        skipSpace();
        while (!peek(')')) {
            items.add(value());
            skipSpace();
            if (!peek(')')) {
                expect(',');
                comma = true;
                skipSpace();
            }
        }
        pos++;
        if (items.size() == 1 && !comma) {
            return items.get(0);
        }
        return new Tuple(List.copyOf(items));
    }

    /**
     * A sign applies only to a number literal, as in {@code ast.literal_eval} ({@code --3} is
     * malformed); parentheses may surround it ({@code -(3)}), within the nesting bound.
     */
    private Object signedNumber() throws SyntaxError {
        boolean negative = text.charAt(pos) == '-';
        pos++;
        skipSpace();
        int at = pos;
        Object v;
        if (peek('(')) {
            v = nested(this::parenthesised);
        } else if (pos < text.length() && (isDigit(text.charAt(pos))
                || text.charAt(pos) == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            v = number();
        } else {
            throw error("a number after the sign");
        }
        if (v instanceof BigInteger i) {
            return negative ? i.negate() : i;
        }
        if (v instanceof Double d) {
            return negative ? -d : d;
        }
        if (v == COMPLEX) {
            return v;
        }
        pos = at;
        throw error("a number after the sign");
    }

    private Object number() throws SyntaxError {
        int start = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            return radixInteger(start, 16);
        }
        if (text.startsWith("0o", pos) || text.startsWith("0O", pos)) {
            return radixInteger(start, 8);
        }
        if (text.startsWith("0b", pos) || text.startsWith("0B", pos)) {
            return radixInteger(start, 2);
        }
        digits();
        boolean isFloat = false;
        if (peek('.')) {
            pos++;
            digits();
            isFloat = true;
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            int expAt = pos;
            digits();
            if (pos == expAt) {
                throw error("exponent digits");
            }
            isFloat = true;
        }
        String raw = text.substring(start, pos);
        if (raw.endsWith("_") || raw.contains("__") || raw.contains("_.") || raw.contains("._")
                || raw.matches("(?s).*_[eE].*|.*[eE][+-]?_.*")) {
            pos = start;
            throw error("a number with single underscores only between digits");
        }
        String literal = raw.replace("_", "");
        if (literal.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            pos = start;
            throw error("a number");
        }
        if (peek('j') || peek('J')) {
            pos++;
            return COMPLEX;
        }
        if (isFloat) {
            return Double.valueOf(literal);
        }
        if (literal.length() > 1 && literal.charAt(0) == '0' && !literal.matches("0+")) {
            pos = start;
            throw error("a decimal integer without leading zeros");
        }
        BigInteger value = new BigInteger(literal);
        return longSuffix(value);
    }

    private Object radixInteger(int start, int radix) throws SyntaxError {
        pos += 2;
        int digitsAt = pos;
        while (pos < text.length() && (Character.digit(text.charAt(pos), radix) >= 0 || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == digitsAt) {
            throw error("digits in base " + radix);
        }
        String raw = text.substring(digitsAt, pos);
        if (raw.replace("_", "").isEmpty() || raw.endsWith("_") || raw.contains("__")) {
            pos = start;
            throw error("digits in base " + radix + " with single underscores only between them");
        }
        BigInteger value = new BigInteger(raw.replace("_", ""), radix);
        return longSuffix(value);
    }

    private Object longSuffix(BigInteger value) throws SyntaxError {
        if (peek('L') || peek('l')) {
            if (!allowLongSuffix) {
                throw error("no Python 2 'L' suffix (format 3.0 does not allow one)");
            }
            pos++;
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw error("the end of the number");
        }
        return value;
    }

    private void digits() {
        while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Reads one string literal and any literals adjacent to it, which Python concatenates. */
    private Object strings(String prefix) throws SyntaxError {
        StringBuilder sb = new StringBuilder();
        boolean bytes = prefix.contains("b");
        boolean first = true;
        while (true) {
            boolean raw = prefix.contains("r");
            if (!first && prefix.contains("b") != bytes) {
                throw error("no mix of bytes and str literals");
            }
            sb.append(string(raw, prefix.contains("b")));
            first = false;
            int save = pos;
            skipSpace();
            int prefixAt = pos;
            while (pos < text.length() && "rRbBuU".indexOf(text.charAt(pos)) >= 0 && pos - prefixAt < 2) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                prefix = text.substring(prefixAt, pos).toLowerCase();
                continue;
            }
            pos = save;
            return bytes ? new Bytes(sb.toString()) : sb.toString();
        }
    }

    private String string(boolean raw, boolean bytes) throws SyntaxError {
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        int openAt = pos;
        pos += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = openAt;
                throw error("a closing " + quote + " for the string");
            }
            char c = text.charAt(pos);
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return sb.toString();
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw error("the string to close before the end of the line");
            }
            if (bytes && c > 0x7f) {
                throw error("only ASCII characters in a bytes literal");
            }
            if (c == '\\') {
                if (raw) {
                    sb.append(c);
                    pos++;
                    if (pos < text.length()) {
                        sb.append(text.charAt(pos));
                        pos++;
                    }
                    continue;
                }
                escape(sb, bytes);
                continue;
            }
            sb.append(c);
            pos++;
        }
    }

    private void escape(StringBuilder sb, boolean bytes) throws SyntaxError {
        int at = pos;
        pos++;
        if (pos >= text.length()) {
            throw error("an escape sequence");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '\n' -> { }
            case '\\', '\'', '"' -> sb.append(e);
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'v' -> sb.append('\u000b');
            case 'x' -> sb.appendCodePoint(hex(2, at));
            case 'u', 'U' -> {
                if (bytes) {
                    sb.append('\\').append(e);
                } else {
                    int cp = hex(e == 'u' ? 4 : 8, at);
                    if (cp > Character.MAX_CODE_POINT) {
                        pos = at;
                        throw error("a code point of at most U+10FFFF");
                    }
                    sb.appendCodePoint(cp);
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int value = e - '0';
                for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
                    value = value * 8 + text.charAt(pos++) - '0';
                }
                sb.appendCodePoint(bytes ? value & 0xff : value);
            }
            default -> sb.append('\\').append(e);
        }
    }

    private int hex(int count, int escapeAt) throws SyntaxError {
        if (pos + count > text.length()) {
            pos = escapeAt;
            throw error(count + " hex digits in the escape");
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                pos = escapeAt;
                throw error(count + " hex digits in the escape");
            }
            value = value * 16 + d;
            if (value < 0) {
                pos = escapeAt;
                throw error("a code point of at most U+10FFFF");
            }
        }
        pos += count;
        return value;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) throws SyntaxError {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private SyntaxError error(String expected) {
        return new SyntaxError(pos, expected, describe(pos));
    }

    private String describe(int at) {
        if (at >= text.length()) {
            return "the end of the header";
        }
        int end = Math.min(text.length(), at + 20);
        StringBuilder sb = new StringBuilder("'");
        for (int i = at; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(end < text.length() ? "...'" : "'").toString();
    }
}
