package org.npyfile.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.npyfile.DType;

/**
 * The {@code .npy} preamble exactly as numpy 2.x writes it ({@code numpy.lib.format.write_array}):
 * magic, version, little-endian header length, the header dict, growth padding and alignment
 * padding, a final newline.
 */
public final class HeaderFormat {

    /** {@code \x93NUMPY}, the first six bytes of every {@code .npy} stream. */
    public static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Magic plus the two version bytes. */
    public static final int MAGIC_LEN = 8;

    /** numpy >= 1.14 aligns the data to 64 bytes (older files and NEP 1 used 16). */
    public static final int ARRAY_ALIGN = 64;

    /** numpy >= 1.25 pads the header so that the growth axis can later take this many digits in place. */
    public static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** The largest header a 2-byte length field (format 1.0) can announce. */
    static final int MAX_V1_HEADER_LEN = 0xFFFF;

    private HeaderFormat() {
    }

    /**
     * An encoded preamble.
     *
     * @param bytes magic, version, length field and padded header text; the data follows
     * @param majorVersion the format version chosen: 1, 2 or 3
     */
    public record Encoded(byte[] bytes, int majorVersion) { }

    /**
     * Encodes the preamble numpy writes for an array, in the smallest version that holds it:
     * 1.0 if the text is latin-1 and short enough for a 2-byte length, else 2.0 if latin-1, else 3.0.
     *
     * @param dtype the dtype
     * @param fortranOrder the fortran_order value to write
     * @param shape the shape
     * @return the preamble and its version
     */
    public static Encoded encode(DType dtype, boolean fortranOrder, long[] shape) {
        String text = dictText(dtype, fortranOrder, shape);
        boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
        if (latin1) {
            byte[] header = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] v1 = wrap(header, 1);
            if (v1 != null) {
                return new Encoded(v1, 1);
            }
            return new Encoded(wrap(header, 2), 2);
        }
        return new Encoded(wrap(text.getBytes(StandardCharsets.UTF_8), 3), 3);
    }

    /** numpy's dict text with its growth padding, before alignment. */
    static String dictText(DType dtype, boolean fortranOrder, long[] shape) {
        StringBuilder sb = new StringBuilder("{'descr': ")
                .append(DescrCodec.literal(dtype))
                .append(", 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': ").append(Shape.repr(shape)).append(", }");
        if (shape.length > 0) {
            long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
            sb.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length()));
        }
        return sb.toString();
    }

    /** Returns the full preamble, or null if the header does not fit the version's length field. */
    private static byte[] wrap(byte[] header, int majorVersion) {
        int lengthField = majorVersion == 1 ? 2 : 4;
        int textLength = header.length + 1;
        int padding = ARRAY_ALIGN - (MAGIC_LEN + lengthField + textLength) % ARRAY_ALIGN;
        long headerLength = (long) textLength + padding;
        if (majorVersion == 1 && headerLength > MAX_V1_HEADER_LEN) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(MAGIC_LEN + lengthField + headerLength))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) majorVersion).put((byte) 0);
        if (lengthField == 2) {
            out.putShort((short) headerLength);
        } else {
            out.putInt((int) headerLength);
        }
        out.put(header);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }
}
