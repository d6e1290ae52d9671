package org.npyfile.cli.repr;

import org.npyfile.NpyArray;
import org.npyfile.NpyException;

/**
 * numpy's {@code repr} and {@code str} of an array ({@code array_repr}, {@code array_str},
 * {@code array2string} and {@code _formatArray} of {@code numpy/_core/arrayprint.py}, numpy 2.3 and
 * later), printed from the elements a {@link Summary} selects:
 *
 * <pre>
 * array([[0.5 , 1.  , 2.25],
 *        [  nan,  inf, -inf]], dtype=float32)
 *
 * [[0.5  1.   2.25]
 *  [ nan  inf -inf]]
 * </pre>
 *
 * <p>Lines wrap at the line width with numpy's hanging indent, summarised axes show {@code ...},
 * and in a repr {@code shape=} and {@code dtype=} follow where numpy adds them.
 */
public final class ArrayRepr {

    private static final String PREFIX = "array(";
    private static final String SUFFIX = ")";
    private static final String REPR_SEPARATOR = ", ";
    private static final String STR_SEPARATOR = " ";
    private static final String SUMMARY_INSERT = "...";

    private final Summary summary;
    private final ElementFormat format;
    private final String separator;
    private final int[] strides;

    private ArrayRepr(Summary summary, ElementFormat format, String separator) {
        this.summary = summary;
        this.format = format;
        this.separator = separator;
        long[] corner = summary.cornerShape();
        this.strides = new int[corner.length];
        int stride = 1;
        for (int k = corner.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= (int) corner[k];
        }
    }

    /**
     * The repr of an array.
     *
     * @param corners the elements the summary selects, as a C-order array of the summary's corner
     *     shape (for an array printed whole: the array itself, in C order)
     * @param summary what is printed of the whole array
     * @param options the print options
     * @return the text, as numpy's {@code repr(array)} gives it, without a final newline
     * @throws NpyException if an element cannot be decoded
     * @throws IllegalArgumentException if {@code corners} does not have the summary's corner shape
     */
    public static String repr(NpyArray corners, Summary summary, PrintOptions options) throws NpyException {
        checkCorners(corners, summary);
        long[] shape = summary.shape();
        boolean empty = isEmpty(shape);
        String body;
        if (empty) {
            body = "[]";
        } else {
            ElementFormat format = ElementFormats.of(corners, shape.length == 0, options);
            ArrayRepr printer = new ArrayRepr(summary, format, REPR_SEPARATOR);
            String hanging = " " + " ".repeat(PREFIX.length());
            body = printer.recurse(new int[0], hanging, options.lineWidth() - SUFFIX.length());
        }
        StringBuilder extras = new StringBuilder();
        boolean plainEmpty = shape.length == 1 && shape[0] == 0;
        if (empty && !plainEmpty || summary.summarised()) {
            extras.append("shape=").append(PythonText.tuple(shape));
        }
        if (!DTypeText.isImplied(corners.dtype()) || empty) {
            extras.append(extras.length() > 0 ? ", " : "").append("dtype=").append(DTypeText.shortRepr(corners.dtype()));
        }
        if (extras.length() == 0) {
            return PREFIX + body + SUFFIX;
        }
        String head = PREFIX + body + ",";
        String tail = extras + SUFFIX;
        int lastLine = PythonText.length(head.substring(head.lastIndexOf('\n') + 1));
        String spacer = lastLine + PythonText.length(tail) + 1 > options.lineWidth()
                ? "\n" + " ".repeat(PREFIX.length()) : " ";
        return head + spacer + tail;
    }

    /**
     * The str of an array: its elements without {@code array(...)}, separated by spaces; of a 0-d
     * array, the str of its scalar ({@code 0.1}, {@code (1+2j)}, {@code abc}).
     *
     * @param corners the elements the summary selects, as for {@link #repr}
     * @param summary what is printed of the whole array
     * @param options the print options
     * @return the text, as numpy's {@code str(array)} gives it, without a final newline
     * @throws NpyException if an element cannot be decoded
     * @throws IllegalArgumentException if {@code corners} does not have the summary's corner shape
     */
    public static String str(NpyArray corners, Summary summary, PrintOptions options) throws NpyException {
        checkCorners(corners, summary);
        long[] shape = summary.shape();
        if (shape.length == 0) {
            return ScalarText.str(corners, options);
        }
        if (isEmpty(shape)) {
            return "[]";
        }
        ArrayRepr printer = new ArrayRepr(summary, ElementFormats.of(corners, false, options), STR_SEPARATOR);
        return printer.recurse(new int[0], " ", options.lineWidth());
    }

    private static void checkCorners(NpyArray corners, Summary summary) {
        if (!java.util.Arrays.equals(corners.shape(), summary.cornerShape()) || corners.fortranOrder()) {
            throw new IllegalArgumentException("expected C-order corners of shape "
                    + PythonText.tuple(summary.cornerShape()) + ", got " + corners);
        }
    }

    private static boolean isEmpty(long[] shape) {
        for (long d : shape) {
            if (d == 0) {
                return true;
            }
        }
        return false;
    }

    /** numpy's {@code _formatArray.recurser}. */
    private String recurse(int[] index, String hanging, int width) {
        int axis = index.length;
        int axesLeft = strides.length - axis;
        if (axesLeft == 0) {
            int flat = 0;
            for (int k = 0; k < index.length; k++) {
                flat += index[k] * strides[k];
            }
            return format.format(flat);
        }
        String nextHanging = hanging + " ";
        int nextWidth = width - 1;
        int length = summary.cornerLength(axis);
        boolean cut = summary.cuts(axis);
        int leading = cut ? summary.edgeItems() : 0;
        int trailing = cut ? summary.edgeItems() : length;
        StringBuilder s = new StringBuilder();
        if (axesLeft == 1) {
            int elementWidth = width - Math.max(separator.strip().length(), 1);
            StringBuilder line = new StringBuilder(hanging);
            for (int i = 0; i < leading; i++) {
                extendLine(s, line, recurse(child(index, i), nextHanging, nextWidth), elementWidth, hanging);
                line.append(separator);
            }
            if (cut) {
                extendLine(s, line, SUMMARY_INSERT, elementWidth, hanging);
                line.append(separator);
            }
            for (int i = trailing; i > 1; i--) {
                extendLine(s, line, recurse(child(index, length - i), nextHanging, nextWidth), elementWidth, hanging);
                line.append(separator);
            }
            extendLine(s, line, recurse(child(index, length - 1), nextHanging, nextWidth), elementWidth, hanging);
            s.append(line);
        } else {
            String lineSeparator = separator.stripTrailing() + "\n".repeat(axesLeft - 1);
            for (int i = 0; i < leading; i++) {
                s.append(hanging).append(recurse(child(index, i), nextHanging, nextWidth)).append(lineSeparator);
            }
            if (cut) {
                s.append(hanging).append(SUMMARY_INSERT).append(lineSeparator);
            }
            for (int i = trailing; i > 1; i--) {
                s.append(hanging).append(recurse(child(index, length - i), nextHanging, nextWidth))
                        .append(lineSeparator);
            }
            s.append(hanging).append(recurse(child(index, length - 1), nextHanging, nextWidth));
        }
        return "[" + s.substring(hanging.length()) + "]";
    }

    private static int[] child(int[] index, int i) {
        int[] next = java.util.Arrays.copyOf(index, index.length + 1);
        next[index.length] = i;
        return next;
    }

    /** numpy's {@code _extendLine}: wrap before a word that would pass the width, unless that cannot help. */
    private static void extendLine(StringBuilder s, StringBuilder line, String word, int width, String nextLinePrefix) {
        int lineLength = PythonText.length(line);
        boolean wrap = lineLength + PythonText.length(word) > width && lineLength > nextLinePrefix.length();
        if (wrap) {
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            s.append(line, 0, end).append('\n');
            line.setLength(0);
            line.append(nextLinePrefix);
        }
        line.append(word);
    }
}
