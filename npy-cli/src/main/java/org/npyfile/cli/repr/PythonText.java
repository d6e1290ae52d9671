package org.npyfile.cli.repr;

/**
 * Python's {@code repr} of the values numpy prints through it: {@code str}, {@code bytes} and
 * tuples of integers. Lengths are counted as Python counts them, in code points.
 */
public final class PythonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The last CJK unified ideograph Java 17's Unicode 13 knows. */
    private static final int LAST_CJK_UNICODE_13 = 0x9FFC;

    /** The end of the CJK Unified Ideographs block, filled up by Unicode 14. */
    private static final int LAST_CJK_UNIFIED = 0x9FFF;

    private PythonText() {
    }

    /**
     * {@code repr(s)} for a Python {@code str}: single quotes unless the text holds a single quote
     * and no double quote; printable characters as they are, the rest escaped.
     *
     * @param s the text; lone surrogates are escaped as Python escapes them
     * @return the literal
     */
    public static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                hex(out, "\\x", cp, 2);
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(out, "\\x", cp, 2);
            } else if (cp <= 0xffff) {
                hex(out, "\\u", cp, 4);
            } else {
                hex(out, "\\U", cp, 8);
            }
        }
        return out.append(quote).toString();
    }

    /**
     * {@code repr(b)} for Python {@code bytes}: {@code b'...'}, bytes outside printable ASCII as
     * {@code \xhh}.
     *
     * @param bytes the bytes
     * @return the literal
     */
    public static String bytes(byte[] bytes) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : bytes) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                hex(out, "\\x", c, 2);
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }

    /**
     * How numpy's {@code str(numpy.void)} shows raw bytes: {@code b'...'} with every byte as
     * {@code \xHH}, in upper-case hex (unlike Python's {@code bytes}).
     *
     * @param bytes the bytes
     * @return the text
     */
    public static String voidBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder(4 * bytes.length + 3).append("b'");
        for (byte b : bytes) {
            out.append(String.format("\\x%02X", b & 0xff));
        }
        return out.append('\'').toString();
    }

    /**
     * A Python tuple of integers: {@code ()}, {@code (7,)}, {@code (3, 4)}.
     *
     * @param values the items
     * @return the tuple's repr
     */
    public static String tuple(long[] values) {
        if (values.length == 1) {
            return "(" + values[0] + ",)";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return out.append(')').toString();
    }

    /**
     * The length Python's {@code len} gives a {@code str}: code points, not UTF-16 units.
     *
     * @param s the text
     * @return its length in code points
     */
    public static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /**
     * Python's {@code str.isprintable} for one code point: false for the categories Cc, Cf, Cs,
     * Co, Cn, Zl, Zp and Zs except the space.
     *
     * <p>The answer comes from Java's Unicode database: Java 17 knows Unicode 13, Python 3.11 and
     * later Unicode 14 or 15. The last ideographs of the CJK Unified Ideographs block
     * (U+9FFD..U+9FFF, Unicode 14) are known here as Python knows them; other code points assigned
     * after the JDK's Unicode version are escaped here and not by Python (and newer JDKs know
     * characters an older Python escapes).
     */
    static boolean isPrintable(int cp) {
        if (cp == ' ' || cp >= LAST_CJK_UNICODE_13 + 1 && cp <= LAST_CJK_UNIFIED) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void hex(StringBuilder out, String prefix, int value, int digits) {
        out.append(prefix);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(value >>> shift) & 0xf]);
        }
    }
}
