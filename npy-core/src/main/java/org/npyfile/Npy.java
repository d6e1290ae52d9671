package org.npyfile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import org.npyfile.internal.AtomicFile;
import org.npyfile.internal.Source;

/**
 * One-shot reads and writes of whole {@code .npy} arrays: {@code numpy.load} and
 * {@code numpy.save} for the JVM. For arrays larger than memory use {@link NpyReader} and
 * {@link NpyWriter}.
 */
public final class Npy {

    private Npy() {
    }

    /**
     * Reads a whole file with the default limits.
     *
     * @param path the file
     * @return the array, in the file's byte order and layout
     * @throws NpyException if the file is malformed, exceeds the limits or holds a dtype npyfile
     *     does not support
     * @throws IOException if the file cannot be read
     */
    public static NpyArray read(Path path) throws IOException {
        return read(path, NpyLimits.DEFAULT);
    }

    /**
     * Reads a whole file.
     *
     * @param path the file
     * @param limits the bounds to enforce
     * @return the array, in the file's byte order and layout
     * @throws NpyException if the file is malformed, exceeds the limits or holds an unsupported dtype
     * @throws IOException if the file cannot be read
     */
    public static NpyArray read(Path path, NpyLimits limits) throws IOException {
        try (NpyReader reader = NpyReader.open(path, limits)) {
            return reader.readAll();
        }
    }

    /**
     * Reads a whole file straight into a new Java array of the given type, in file order, with
     * one copy from the page cache: the fastest way to get, say, a {@code float[]} from a file.
     * The type follows the exact accessors' rules ({@code float[].class} for {@code f4}, {@code f2}
     * and interleaved {@code c8}; {@code long[].class} for {@code i8}, {@code u8} raw bits and
     * datetimes; and so on, see {@link NpyArray}).
     *
     * @param <A> the array type
     * @param path the file
     * @param arrayType {@code boolean[].class}, {@code byte[].class}, {@code short[].class},
     *     {@code int[].class}, {@code long[].class}, {@code float[].class}, {@code double[].class}
     *     or {@code String[].class}
     * @param limits the bounds to enforce; the new array counts against {@link NpyLimits#maxArrayBytes()}
     * @return a new array holding every element (two values per complex element)
     * @throws NpyTypeException if the array type cannot hold the file's dtype without loss
     * @throws NpyLimitException if the array would exceed the limits
     * @throws NpyException if the file is malformed
     * @throws IOException if the file cannot be read
     */
    public static <A> A read(Path path, Class<A> arrayType, NpyLimits limits) throws IOException {
        try (NpyReader reader = NpyReader.open(path, limits)) {
            return reader.readAll(arrayType);
        }
    }

    /**
     * Reads a whole file straight into a new Java array, with the default limits; see
     * {@link #read(Path, Class, NpyLimits)}.
     *
     * @param <A> the array type
     * @param path the file
     * @param arrayType for example {@code float[].class}
     * @return a new array holding every element
     * @throws NpyTypeException if the array type cannot hold the file's dtype without loss
     * @throws NpyException if the file is malformed or exceeds the limits
     * @throws IOException if the file cannot be read
     */
    public static <A> A read(Path path, Class<A> arrayType) throws IOException {
        return read(path, arrayType, NpyLimits.DEFAULT);
    }

    /**
     * Reads one array from a stream with the default limits. The stream is not closed and is left
     * right after the array's data, so several arrays saved one after another can be read in turn.
     *
     * @param in the stream
     * @return the array
     * @throws NpyException if the data is malformed, exceeds the limits or holds an unsupported dtype
     * @throws IOException if the stream fails
     */
    public static NpyArray read(InputStream in) throws IOException {
        return read(in, NpyLimits.DEFAULT);
    }

    /**
     * Reads one array from a stream; the stream is not closed and is left right after the array,
     * unless {@link NpyLimits#maxTrailingBytes()} is finite: then up to that many bytes more are read
     * to check that the stream ends.
     *
     * @param in the stream
     * @param limits the bounds to enforce
     * @return the array
     * @throws NpyException if the data is malformed, exceeds the limits or holds an unsupported dtype
     * @throws IOException if the stream fails
     */
    public static NpyArray read(InputStream in, NpyLimits limits) throws IOException {
        try (NpyReader reader = NpyReader.over(Source.of(in, false, -1), limits)) {
            NpyArray array = reader.readAll();
            reader.checkTrailingBytes();
            return array;
        }
    }

    /**
     * Reads an array from the bytes of a {@code .npy} file with the default limits.
     *
     * @param bytes the file's bytes; bytes after the array's data are ignored, as numpy does, unless
     *     the limits' {@link NpyLimits#maxTrailingBytes()} says otherwise
     * @return the array, a copy independent of {@code bytes}
     * @throws NpyException if the data is malformed, exceeds the limits or holds an unsupported dtype
     */
    public static NpyArray read(byte[] bytes) throws NpyException {
        return read(bytes, NpyLimits.DEFAULT);
    }

    /**
     * Reads an array from the bytes of a {@code .npy} file.
     *
     * @param bytes the file's bytes; bytes after the array's data are ignored, as numpy does, unless
     *     the limits' {@link NpyLimits#maxTrailingBytes()} says otherwise
     * @param limits the bounds to enforce
     * @return the array, a copy independent of {@code bytes}
     * @throws NpyException if the data is malformed, exceeds the limits or holds an unsupported dtype
     */
    public static NpyArray read(byte[] bytes, NpyLimits limits) throws NpyException {
        try (NpyReader reader = NpyReader.over(Source.of(new ByteArrayInputStream(bytes), false, bytes.length), limits)) {
            return reader.readAll();
        } catch (NpyException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyException("unexpected I/O failure reading a byte array", e);
        }
    }

    /**
     * Maps a file read-only with the default limits: no data is read up front, and files larger
     * than memory or than 2 GiB work. Close the result to unmap the file.
     *
     * @param path the file
     * @return the mapped array
     * @throws NpyException if the header is malformed or the file cannot hold the data
     * @throws IOException if the file cannot be read or mapped
     */
    public static MappedNpyArray map(Path path) throws IOException {
        return MappedNpyArray.map(path, NpyLimits.DEFAULT);
    }

    /**
     * Reads only the header of a file.
     *
     * @param path the file
     * @return the header
     * @throws NpyException if the header is malformed or the file cannot hold the data it announces
     * @throws IOException if the file cannot be read
     */
    public static NpyHeader readHeader(Path path) throws IOException {
        return readHeader(path, NpyLimits.DEFAULT);
    }

    /**
     * Reads only the header of a file.
     *
     * @param path the file
     * @param limits the bounds to enforce
     * @return the header
     * @throws NpyException if the header is malformed or the file cannot hold the data it announces
     * @throws IOException if the file cannot be read
     */
    public static NpyHeader readHeader(Path path, NpyLimits limits) throws IOException {
        try (NpyReader reader = NpyReader.open(path, limits)) {
            return reader.header();
        }
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code |b1} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, boolean[] values, long... shape) throws IOException {
        writeValues(path, DType.BOOL, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code |i1} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, byte[] values, long... shape) throws IOException {
        writeValues(path, DType.INT8, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code <i2} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, short[] values, long... shape) throws IOException {
        writeValues(path, DType.INT16, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code <i4} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, int[] values, long... shape) throws IOException {
        writeValues(path, DType.INT32, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code <i8} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, long[] values, long... shape) throws IOException {
        writeValues(path, DType.INT64, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code <f4} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, float[] values, long... shape) throws IOException {
        writeValues(path, DType.FLOAT32, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /**
     * Writes a Java array to a file as {@code numpy.save} writes a C-order {@code <f8} array of
     * the given shape, with one copy: the values go from the array to the file, as
     * {@link NpyWriter} writes them, without an {@link NpyArray} in between. The file is
     * written under a temporary name and moved into place only when complete.
     *
     * @param path the file to create or replace
     * @param values the values in C order
     * @param shape the dimensions; none means one dimension of {@code values.length}
     * @throws NpyShapeException if the shape does not hold exactly {@code values.length} elements
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, double[] values, long... shape) throws IOException {
        writeValues(path, DType.FLOAT64, values.length, shape, writer -> writer.write(values, 0, values.length));
    }

    /** Writes the values of one Java array into a writer. */
    private interface Values {
        void writeTo(NpyWriter writer) throws IOException;
    }

    private static void writeValues(Path path, DType dtype, int count, long[] shape, Values values) throws IOException {
        try (NpyWriter writer = NpyWriter.open(path, NpyHeader.of(dtype, NpyArray.flatShape(count, shape).dims()))) {
            values.writeTo(writer);
        }
    }

    /**
     * Writes an array to a file as {@code numpy.save} does. The file is written under a temporary
     * name and moved into place only when complete; a failure leaves any previous file as it was.
     * An object array is written as its pickle, which numpy loads with {@code allow_pickle=True}.
     *
     * @param path the file to create or replace
     * @param array the array
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, NpyArray array) throws IOException {
        if (array.dtype().hasObjects()) {
            try (AtomicFile file = AtomicFile.create(path)) {
                writeObjects(Channels.newOutputStream(file.channel()), array);
                file.commit();
            }
            return;
        }
        try (NpyWriter writer = NpyWriter.open(path, array.header())) {
            writer.write(array);
        }
    }

    /** An object array: the header, then its pickle, as numpy writes it. */
    private static void writeObjects(OutputStream out, NpyArray array) throws IOException {
        out.write(array.header().toBytes());
        ByteBuffer pickle = array.heapBytes();
        out.write(pickle.array(), pickle.arrayOffset() + pickle.position(), pickle.remaining());
        out.flush();
    }

    /**
     * Writes an array to a stream as {@code numpy.save} does; the stream is not closed.
     *
     * @param out the stream
     * @param array the array
     * @throws IOException if the stream fails
     */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        if (array.dtype().hasObjects()) {
            writeObjects(out, array);
            return;
        }
        try (NpyWriter writer = NpyWriter.over(out, array.header())) {
            writer.write(array);
        }
        out.flush();
    }

    /**
     * Appends rows along the first axis of an existing C-order file, as a growing array would.
     * Where the file's header has numpy's growth padding (every file numpy 1.25+ or npyfile
     * writes) the rows are written after the data and the header is patched in place: if writing
     * fails, the file is truncated back and still holds the old array. Otherwise the file is
     * rewritten under a temporary name and moved into place.
     *
     * @param path an existing {@code .npy} file in C order, with no bytes after its data
     * @param rows the rows: shape {@code (k, *rowShape)}, or {@code rowShape} for one row, of exactly
     *     the file's dtype; taken in C order
     * @throws NpyTypeException if the dtypes differ
     * @throws NpyException if the file is malformed, 0-d, in Fortran order, or has trailing bytes
     * @throws IllegalArgumentException if the rows' shape does not match the file's row shape
     * @throws IOException if the file cannot be read or written
     */
    public static void append(Path path, NpyArray rows) throws IOException {
        Appender.append(path, rows);
    }

    /**
     * The bytes {@code numpy.save} writes for an array.
     *
     * @param array the array
     * @return a complete {@code .npy} file's bytes
     */
    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, array);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
