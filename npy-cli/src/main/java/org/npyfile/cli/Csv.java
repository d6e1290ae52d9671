package org.npyfile.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.npyfile.cli.repr.Dragon4;
import org.npyfile.cli.repr.FloatType;
import org.npyfile.cli.repr.PythonText;

/**
 * CSV for 0-, 1- and 2-d bool, integer and float arrays: one row per line, values separated by
 * commas, floats as the shortest text that reads back as the same value of their own type
 * ({@code 0.1}, {@code 1e-05}, {@code nan}, {@code -inf}), bools as {@code 1} and {@code 0}. A first
 * line {@code # npy: shape=(3, 4), dtype=<f4} makes the way back exact; {@code numpy.loadtxt} and
 * most CSV readers skip it as a comment.
 */
final class Csv {

    /** The header line's prefix. */
    static final String HEADER = "# npy: ";

    private static final Pattern HEADER_LINE = Pattern.compile("#\\s*npy:\\s*shape=\\(([0-9,\\s]*)\\),\\s*dtype=(\\S+)\\s*");

    /** A decimal number as Python's {@code float()} reads it (no hex, no Java suffixes). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private Csv() {
    }

    /**
     * Whether CSV can hold an array of this dtype and shape.
     *
     * @param h the header
     * @return null if it can, else the reason it cannot
     */
    static String unsupported(NpyHeader h) {
        if (!holds(h.dtype())) {
            return "CSV holds bool, integer and float arrays" + Describe.float64Limit(h.dtype())
                    + "; this one holds " + Describe.dtype(h.dtype());
        }
        if (h.ndim() > 2) {
            return "CSV holds 0-, 1- and 2-d arrays; this one has shape " + h.shapeString();
        }
        return null;
    }

    /** Bool, integer and float dtypes, long doubles excepted (no decimal text reads back into them here). */
    private static boolean holds(DType d) {
        return switch (d.kind()) {
            case BOOL, INT, UINT -> true;
            case FLOAT -> !d.isLongDouble();
            default -> false;
        };
    }

    // ---------------------------------------------------------------- npy to CSV

    /**
     * Writes an array as CSV, in C order; a Fortran-order array is read whole and transposed in memory.
     *
     * @param reader the array, at its first element
     * @param target the CSV file, replaced only when complete (see {@link OutputFile} for its permissions)
     * @param header whether to write the {@code # npy:} line
     * @param progress told about bytes read
     * @throws IOException if reading or writing fails
     */
    static void write(NpyReader reader, Path target, boolean header, Progress progress) throws IOException {
        NpyHeader h = reader.header();
        long[] shape = h.shape();
        long rowLength = shape.length == 2 ? shape[1] : 1;
        try (OutputFile file = OutputFile.create(target)) {
            Writer out = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
            if (header) {
                out.write(HEADER + "shape=" + PythonText.tuple(shape) + ", dtype=" + h.dtype().descr() + "\n");
            }
            // The reader hands out C order; a Fortran-order input is transposed in memory on the first read.
            long written = 0;
            while (reader.remaining() > 0) {
                NpyArray chunk = reader.readChunk(Inputs.chunkElements(h.dtype()));
                writeValues(out, chunk, rowLength, written);
                written += chunk.elementCount();
                progress.advance(chunk.data().remaining());
            }
            if (shape.length == 2 && shape[1] == 0) {
                out.write("\n".repeat((int) Math.min(Integer.MAX_VALUE, shape[0])));
            }
            out.flush();
            file.commit();
        }
    }

    /** Writes elements; {@code before} elements of the array were written already. */
    private static void writeValues(Writer out, NpyArray chunk, long rowLength, long before) throws IOException {
        DType dtype = chunk.dtype();
        int n = (int) chunk.elementCount();
        String[] texts = new String[n];
        switch (dtype.kind()) {
            case BOOL -> {
                boolean[] v = chunk.asBooleanArray();
                for (int i = 0; i < n; i++) {
                    texts[i] = v[i] ? "1" : "0";
                }
            }
            case FLOAT -> {
                FloatType type = FloatType.ofSize(dtype.itemSize());
                ByteBuffer data = chunk.data();
                for (int i = 0; i < n; i++) {
                    long bits = switch (dtype.itemSize()) {
                        case 2 -> data.getShort(2 * i) & 0xffffL;
                        case 4 -> data.getInt(4 * i) & 0xffff_ffffL;
                        default -> data.getLong(8 * i);
                    };
                    texts[i] = Dragon4.shortestRepr(bits, type);
                }
            }
            default -> {
                boolean u64 = dtype.kind() == DType.Kind.UINT && dtype.itemSize() == 8;
                long[] v = dtype.itemSize() == 8 ? chunk.asLongArray() : chunk.toLongArray();
                for (int i = 0; i < n; i++) {
                    texts[i] = u64 ? Long.toUnsignedString(v[i]) : Long.toString(v[i]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            long column = (before + i) % rowLength;
            out.write(texts[i]);
            out.write(column == rowLength - 1 ? "\n" : ",");
        }
    }

    // ---------------------------------------------------------------- CSV to npy

    /** What the first pass learned about a CSV file. */
    private record Layout(long[] shape, DType dtype) {
    }

    /**
     * Reads a CSV file into a C-order, little-endian {@code .npy} file, in two passes of constant
     * memory: the first finds the shape and, unless given, the dtype; the second writes.
     *
     * @param source the CSV file
     * @param target the {@code .npy} file, replaced only when complete
     * @param dtype the dtype to write, or null for the header's or else the narrowest of bool,
     *     int64 and float64 that holds every value
     * @param label the source's name for messages
     * @return the header written
     * @throws Failure if the CSV is malformed or a value does not fit the dtype
     * @throws IOException if reading or writing fails
     */
    static NpyHeader read(Path source, Path target, DType dtype, String label) throws Failure, IOException {
        Layout layout = scan(source, dtype, label);
        NpyHeader header = NpyHeader.of(layout.dtype(), layout.shape());
        try (NpyWriter writer = NpyWriter.open(target, header);
             BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                writeRow(writer, trimmed.split(",", -1), layout.dtype(), label, number);
            }
        }
        return header;
    }

    private static Layout scan(Path source, DType requested, String label) throws Failure, IOException {
        long[] declaredShape = null;
        DType declared = null;
        long rows = 0;
        int columns = -1;
        boolean allBool = true;
        boolean allLong = true;
        boolean allU64 = true;
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.startsWith("#")) {
                    Matcher m = HEADER_LINE.matcher(trimmed);
                    if (m.matches() && rows == 0 && declared == null) {
                        declaredShape = parseShape(m.group(1), label, number);
                        declared = parseDType(m.group(2), label, number);
                    }
                    continue;
                }
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] fields = trimmed.split(",", -1);
                if (columns >= 0 && fields.length != columns) {
                    throw new Failure(ExitCodes.ERROR, label + ": line " + number + ": expected " + columns
                            + " values like the lines before, found " + fields.length);
                }
                columns = fields.length;
                rows++;
                for (String f : fields) {
                    String v = f.strip();
                    boolean isInt = INTEGER.matcher(v).matches();
                    allBool &= isBool(v);
                    allLong &= isInt && fitsLong(v);
                    allU64 &= isInt && fitsU64(v);
                    if (!isInt && !isBool(v) && parseDouble(v) == null) {
                        throw new Failure(ExitCodes.ERROR, label + ": line " + number + ": '" + v
                                + "' is not a number");
                    }
                }
            }
        }
        DType dtype = requested != null ? requested : declared != null ? declared
                : rows == 0 ? DType.FLOAT64 : allBool ? DType.BOOL : allLong ? DType.INT64
                : allU64 ? DType.UINT64 : DType.FLOAT64;
        if (!holds(dtype)) {
            throw new Failure(ExitCodes.USAGE, "CSV holds bool, integer and float values"
                    + Describe.float64Limit(dtype) + ", not " + Describe.dtype(dtype));
        }
        long values = rows * Math.max(columns, 0);
        if (declaredShape != null) {
            long count = 1;
            for (long d : declaredShape) {
                count *= d;
            }
            if (count != values) {
                throw new Failure(ExitCodes.ERROR, label + ": the header declares shape "
                        + PythonText.tuple(declaredShape) + " but the file holds " + values + " values");
            }
            return new Layout(declaredShape, dtype.withByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN));
        }
        if (rows == 0) {
            throw new Failure(ExitCodes.ERROR, label + ": no values");
        }
        long[] shape = columns == 1 ? new long[] {rows} : new long[] {rows, columns};
        return new Layout(shape, dtype.withByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN));
    }

    private static long[] parseShape(String text, String label, long line) throws Failure {
        String[] parts = text.split(",");
        int n = 0;
        long[] dims = new long[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    dims[n++] = Long.parseLong(p.strip());
                } catch (NumberFormatException e) {
                    throw new Failure(ExitCodes.ERROR, label + ": line " + line + ": bad shape (" + text + ")", e);
                }
            }
        }
        return java.util.Arrays.copyOf(dims, n);
    }

    private static DType parseDType(String text, String label, long line) throws Failure {
        try {
            return DType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCodes.ERROR, label + ": line " + line + ": bad dtype '" + text + "'", e);
        }
    }

    private static boolean isBool(String v) {
        return v.equals("True") || v.equals("False") || v.equals("true") || v.equals("false");
    }

    private static boolean fitsLong(String v) {
        try {
            Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean fitsU64(String v) {
        BigInteger b = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
        return b.signum() >= 0 && b.bitLength() <= 64;
    }

    /** Python's {@code float()} for the texts CSV holds, or null. */
    private static Double parseDouble(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return DECIMAL.matcher(v).matches() ? Double.parseDouble(v) : null;
    }

    private static void writeRow(NpyWriter writer, String[] fields, DType dtype, String label, long line)
            throws Failure, IOException {
        int n = fields.length;
        switch (dtype.kind()) {
            case BOOL -> {
                boolean[] row = new boolean[n];
                for (int i = 0; i < n; i++) {
                    String v = fields[i].strip();
                    if (isBool(v)) {
                        row[i] = v.equalsIgnoreCase("true");
                    } else {
                        row[i] = integer(v, DType.INT64, label, line).signum() != 0;
                    }
                }
                writer.write(row, 0, n);
            }
            case FLOAT -> {
                if (dtype.itemSize() == 8) {
                    double[] row = new double[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = floating(fields[i].strip(), label, line);
                    }
                    writer.write(row, 0, n);
                } else {
                    float[] row = new float[n];
                    for (int i = 0; i < n; i++) {
                        String v = fields[i].strip();
                        double d = floating(v, label, line);
                        // parse a float directly: rounding through a double could round twice
                        row[i] = Double.isNaN(d) || Double.isInfinite(d) || isBool(v) ? (float) d : Float.parseFloat(v);
                    }
                    writer.write(row, 0, n);
                }
            }
            default -> {
                long[] row = new long[n];
                for (int i = 0; i < n; i++) {
                    row[i] = integer(fields[i].strip(), dtype, label, line).longValue();
                }
                switch (dtype.itemSize()) {
                    case 1 -> {
                        byte[] narrow = new byte[n];
                        for (int i = 0; i < n; i++) {
                            narrow[i] = (byte) row[i];
                        }
                        writer.write(narrow, 0, n);
                    }
                    case 2 -> {
                        short[] narrow = new short[n];
                        for (int i = 0; i < n; i++) {
                            narrow[i] = (short) row[i];
                        }
                        writer.write(narrow, 0, n);
                    }
                    case 4 -> {
                        int[] narrow = new int[n];
                        for (int i = 0; i < n; i++) {
                            narrow[i] = (int) row[i];
                        }
                        writer.write(narrow, 0, n);
                    }
                    default -> writer.write(row, 0, n);
                }
            }
        }
    }

    private static double floating(String v, String label, long line) throws Failure {
        if (isBool(v)) {
            return v.equalsIgnoreCase("true") ? 1 : 0;
        }
        Double d = parseDouble(v);
        if (d == null) {
            throw new Failure(ExitCodes.ERROR, label + ": line " + line + ": '" + v + "' is not a number");
        }
        return d;
    }

    /** An integer in the dtype's range. */
    private static BigInteger integer(String v, DType dtype, String label, long line) throws Failure {
        if (isBool(v)) {
            return v.equalsIgnoreCase("true") ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (!INTEGER.matcher(v).matches()) {
            throw new Failure(ExitCodes.ERROR, label + ": line " + line + ": '" + v + "' is not an integer, as "
                    + Describe.dtype(dtype) + " needs");
        }
        BigInteger b = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
        int bits = 8 * dtype.itemSize();
        boolean unsigned = dtype.kind() == DType.Kind.UINT;
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
            throw new Failure(ExitCodes.ERROR, label + ": line " + line + ": " + v + " is out of range for "
                    + Describe.dtype(dtype));
        }
        return b;
    }
}
