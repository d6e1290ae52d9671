package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyReader;
import org.npyfile.NpyUsageException;
import org.npyfile.internal.FileToArray;

/**
 * Reads of files into Java arrays: on Java 22+ with native access enabled (this module's test JVM
 * has it) straight from the file into the array's memory through {@code pread(2)}, elsewhere
 * through the reader's buffer. Either way the values must be those of numpy's files, for whole
 * reads and for pieces that start anywhere, after staged reads and after seeks, and a file that
 * shrinks while it is read must be a short-data error.
 */
class ArrayReadsTest {

    /** Java array types, in the order tried for a dtype: the first one it reads into. */
    private static final List<Class<?>> TYPES = List.of(float[].class, double[].class, byte[].class, short[].class,
            int[].class, long[].class, boolean[].class);

    @TempDir
    Path dir;

    @Test
    void readsIntoArraysGoInPlaceOnJava22WithNativeAccessOnLinux() throws IOException {
        Path file = Files.write(dir.resolve("probe"), new byte[] {1});
        boolean expected = NativeAccess.enabled();
        try (FileToArray in = FileToArray.open(file)) {
            assertThat(in != null).as("reads into arrays in place on Java %s", Runtime.version()).isEqualTo(expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> typedReadsInPiecesEqualTheAccessorsValues() {
        return NumpyFixtures.suite("chunks").stream()
                .filter(f -> javaType(f.file()) != null)
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    Class<?> type = javaType(f.file());
                    // the accessor's values, first held against the values numpy printed for the file
                    NpyArray array = Npy.read(f.file());
                    NumpyValues.assertMatches(array, f.values(), f.name());
                    Object expected = array.as(type);
                    int n = Array.getLength(expected);
                    assertThat(valuesOf(Npy.read(f.file(), type))).as("whole").isEqualTo(valuesOf(expected));
                    Method read = NpyReader.class.getMethod("read", type, int.class, int.class);
                    int perElement = n / (int) Npy.readHeader(f.file()).elementCount();
                    try (NpyReader reader = NpyReader.open(f.file())) {
                        // a large read after a seek (in place where possible), a small one (staged), then
                        // the rest while staged bytes wait, into an array at an offset
                        int from = 17;
                        reader.seek(from);
                        Object got = Array.newInstance(type.getComponentType(), n + 5);
                        int large = (int) invoke(read, reader, got, 5 + from * perElement, 6000 * perElement);
                        int small = (int) invoke(read, reader, got, 5 + (from + 6000) * perElement, 3 * perElement);
                        int rest = (int) invoke(read, reader, got, 5 + (from + 6003) * perElement, n);
                        assertThat(large + small + rest).isEqualTo(n - from * perElement);
                        for (int i = from * perElement; i < n; i++) {
                            assertThat(Array.get(got, 5 + i)).as("value %d", i).isEqualTo(Array.get(expected, i));
                        }
                    }
                }));
    }

    @Test
    void aFileThatShrinksWhileItIsReadIsShortData() throws IOException {
        float[] values = new float[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Path file = dir.resolve("shrinks.npy");
        Npy.write(file, values);
        long dataOffset = Npy.readHeader(file).dataOffset();
        try (NpyReader reader = NpyReader.open(file)) {
            try (FileChannel cut = FileChannel.open(file, StandardOpenOption.WRITE)) {
                cut.truncate(dataOffset + 4L * 60_000);
            }
            float[] dst = new float[values.length];
            assertThatThrownBy(() -> reader.read(dst, 0, dst.length))
                    .isInstanceOf(NpyFormatException.class)
                    .hasMessageContaining("100000 elements")
                    .hasMessageContaining("only 60000 elements");
        }
    }

    /** The first Java array type the file's dtype reads into exactly, or null (strings). */
    private static Class<?> javaType(Path file) {
        NpyArray array;
        try {
            array = Npy.read(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> type : TYPES) {
            try {
                array.as(type);
                return type;
            } catch (NpyUsageException e) {
                // not this one
            } catch (NpyFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private static Object invoke(Method read, NpyReader reader, Object dst, int off, int len) throws Exception {
        try {
            return read.invoke(reader, dst, off, Math.min(len, Array.getLength(dst) - off));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** An array's values as a list, compared value by value (NaN equal to NaN, as in the file). */
    private static List<Object> valuesOf(Object array) {
        return Stream.iterate(0, i -> i < Array.getLength(array), i -> i + 1).map(i -> Array.get(array, i)).toList();
    }
}
