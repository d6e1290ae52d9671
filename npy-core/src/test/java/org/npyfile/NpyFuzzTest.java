package org.npyfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of the .npy reader (Jazzer). Any input may fail only with an
 * {@link NpyException}; anything else (an unchecked exception, an error, a hang over
 * {@link #HANG_SECONDS}) is a finding. What reads successfully must survive a write and a re-read.
 *
 * <p>In a normal build the seeds in {@code NpyFuzzTestInputs/fuzzNpy} and any saved findings run
 * as regression cases; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}, which does so for a
 * bounded time with a 256 MiB heap).
 */
class NpyFuzzTest {

    private static final int HANG_SECONDS = 10;

    /** Small arrays only: the fuzzer is after parser bugs, not after our own limits. */
    private static final NpyLimits LIMITS = NpyLimits.DEFAULT.withMaxArrayBytes(1 << 20);

    private static final FuzzWatchdog WATCHDOG = new FuzzWatchdog(HANG_SECONDS);

    @AfterAll
    static void stop() {
        WATCHDOG.close();
    }

    @FuzzTest(maxDuration = "2m")
    void fuzzNpy(byte[] data) throws Throwable {
        WATCHDOG.run(() -> exercise(data));
    }

    private static void exercise(byte[] data) throws IOException {
        try {
            NpyArray array = Npy.read(data, LIMITS);
            try {
                // Zero-size items cost no bytes in the file but a reference each in a Java array:
                // past a million, materialising them measures the heap, not the reader.
                if (array.dtype().itemSize() != 0 || array.elementCount() <= 1 << 20) {
                    touch(array, 0);
                }
            } catch (NpyShapeException tooMany) {
                // Documented: zero-size items (S0) may declare more elements than a Java array holds.
                if (array.dtype().itemSize() != 0) {
                    throw tooMany;
                }
            }
            NpyArray back = Npy.read(Npy.toBytes(array), LIMITS);
            if (!back.dtype().equals(array.dtype()) || !back.data().equals(array.data())) {
                throw new AssertionError("write and re-read changed " + array);
            }
        } catch (NpyException expected) {
            // Bad input, reported as promised.
        }
        try (NpyReader reader = NpyReader.of(new ByteArrayInputStream(data), LIMITS)) {
            // Bounded: a record of zero-size fields may hold 2^62 elements in no bytes at all.
            for (int chunks = 0; chunks < 1000 && reader.readChunk(7).elementCount() > 0; chunks++) {
                reader.skip(3);
            }
        } catch (NpyException expected) {
            // Bad input, reported as promised.
        }
    }

    /** Every accessor that applies, layout and byte-order changes, and every field of a record. */
    private static void touch(NpyArray a, int depth) throws NpyException {
        a.header();
        a.toCOrder();
        a.withByteOrder(ByteOrder.BIG_ENDIAN).withByteOrder(ByteOrder.LITTLE_ENDIAN);
        switch (a.dtype().kind()) {
            case BOOL -> a.asBooleanArray();
            case INT, UINT -> {
                if (a.dtype().itemSize() < 8 || a.dtype().kind() == DType.Kind.INT) {
                    a.toLongArray();
                }
            }
            case FLOAT, COMPLEX -> {
                if (a.dtype().isLongDouble()) {
                    longDoubles(a);
                } else if (a.dtype().kind() == DType.Kind.FLOAT) {
                    a.toDoubleArray();
                } else if (a.dtype().itemSize() == 8) {
                    a.asFloatArray();
                } else {
                    a.asDoubleArray();
                }
            }
            case BYTES, UNICODE -> a.asStringArray();
            case DATETIME, TIMEDELTA -> a.asLongArray();
            case RECORD -> {
                if (depth < 4) {
                    for (DType.Field f : a.dtype().fields()) {
                        touch(a.field(f.name()), depth + 1);
                    }
                }
            }
            default -> a.data();
        }
    }

    /** Long doubles decode only as decimals, which refuse NaN and the infinities by contract. */
    private static void longDoubles(NpyArray a) {
        try {
            a.asBigDecimalArray();
        } catch (ArithmeticException notFinite) {
            // Documented: a decimal cannot hold NaN or an infinity.
        }
    }
}
