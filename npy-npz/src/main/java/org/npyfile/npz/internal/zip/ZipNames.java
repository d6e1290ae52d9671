package org.npyfile.npz.internal.zip;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.npyfile.npz.NpzFormatException;

/**
 * Entry names as CPython's {@code zipfile} encodes and decodes them: UTF-8 when flag bit 11 is set,
 * otherwise CP437; written as ASCII when possible, else as UTF-8 with flag bit 11.
 */
public final class ZipNames {

    /** The longest name a 16-bit length field holds. */
    public static final int MAX_NAME_BYTES = 0xFFFF;

    /** CP437 bytes 0x80..0xFF as Python's {@code cp437} codec decodes them (0x00..0x7F are ASCII). */
    private static final String CP437_HIGH = ""
            + "\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5"
            + "\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192"
            + "\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb"
            + "\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510"
            + "\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567"
            + "\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580"
            + "\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229"
            + "\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0";

    private ZipNames() {
    }

    /**
     * Decodes a raw entry name as CPython does, and refuses names that could not be keys.
     *
     * @param raw the name's bytes
     * @param flags the header's general purpose flags (bit 11 selects UTF-8)
     * @param offset the header's archive offset, for messages
     * @return the name
     * @throws NpzFormatException if a UTF-8 name is not valid UTF-8 or a name contains a NUL (which
     *     CPython cuts the name at)
     */
    public static String decode(byte[] raw, int flags, long offset) throws NpzFormatException {
        String name;
        if ((flags & ZipFormat.FLAG_UTF8) != 0) {
            try {
                name = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw new NpzFormatException(null, offset, "an entry name in UTF-8 (flag bit 11 is set)",
                        "the bytes " + hex(raw));
            }
        } else {
            char[] chars = new char[raw.length];
            for (int i = 0; i < raw.length; i++) {
                int b = raw[i] & 0xFF;
                chars[i] = b < 0x80 ? (char) b : CP437_HIGH.charAt(b - 0x80);
            }
            name = new String(chars);
        }
        if (name.indexOf('\0') >= 0) {
            throw new NpzFormatException(name.replace("\0", "\\0"), offset, "an entry name without NUL characters",
                    "a NUL at character " + name.indexOf('\0'));
        }
        return name;
    }

    /** One name encoded for a header, with the flag it needs. */
    public record Encoded(byte[] bytes, int flags) {
    }

    /**
     * Encodes a name as CPython does: ASCII if it can be, else UTF-8 with flag bit 11.
     *
     * @param name the entry name
     * @return the bytes and flags
     * @throws IllegalArgumentException if the name holds a NUL or an unpaired surrogate, or its
     *     encoding exceeds {@value #MAX_NAME_BYTES} bytes
     */
    public static Encoded encode(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an npz entry name must not contain NUL: " + name.replace("\0", "\\0"));
        }
        byte[] bytes;
        int flags = 0;
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            bytes = name.getBytes(StandardCharsets.US_ASCII);
        } else {
            try {
                ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .encode(CharBuffer.wrap(name));
                bytes = new byte[b.remaining()];
                b.get(bytes);
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("an npz entry name must be valid Unicode (no unpaired surrogates): "
                        + name, e);
            }
            flags = ZipFormat.FLAG_UTF8;
        }
        if (bytes.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("an npz entry name takes at most " + MAX_NAME_BYTES + " bytes, not "
                    + bytes.length);
        }
        return new Encoded(bytes, flags);
    }

    /** Up to 32 bytes as hex, for messages. */
    public static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 32); i++) {
            s.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return s + (bytes.length > 32 ? "... (" + bytes.length + " bytes)" : "");
    }
}
