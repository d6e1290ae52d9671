package org.npyfile.internal.pickle;

import org.npyfile.NpyFormatException;

/**
 * UTF-8 as pickle's text opcodes carry it: Python encodes and decodes them with
 * {@code errors='surrogatepass'}, so a lone surrogate (which a Python str may hold) arrives as its
 * three-byte form and is kept; anything else that is not UTF-8 is an error.
 */
final class Utf8 {

    private Utf8() {
    }

    static String decode(byte[] b, int from, int to, PickleReader reader) throws NpyFormatException {
        StringBuilder s = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                s.append((char) c);
                i++;
                continue;
            }
            int n;
            int cp;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                cp = c & 0x1F;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                cp = c & 0x0F;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                cp = c & 0x07;
                min = 0x10000;
            } else {
                throw invalid(reader, i - from, c);
            }
            if (to - i <= n) {
                throw invalid(reader, i - from, c);
            }
            for (int k = 1; k <= n; k++) {
                int cont = b[i + k] & 0xFF;
                if ((cont & 0xC0) != 0x80) {
                    throw invalid(reader, i + k - from, cont);
                }
                cp = cp << 6 | cont & 0x3F;
            }
            if (cp < min || cp > Character.MAX_CODE_POINT) {
                throw invalid(reader, i - from, c);
            }
            s.appendCodePoint(cp);
            i += n + 1;
        }
        return s.toString();
    }

    /**
     * The UTF-8 bytes of a Java string, lone surrogates as their three-byte forms (surrogatepass).
     */
    static byte[] encode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int cp = ch;
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(ch, text.charAt(++i));
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        }
        return out.toByteArray();
    }

    private static NpyFormatException invalid(PickleReader reader, int index, int b) {
        return reader.format("UTF-8 text (lone surrogates allowed, as Python's surrogatepass)",
                String.format("the byte 0x%02x at index %d of the text", b, index));
    }
}
