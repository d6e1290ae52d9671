package org.npyfile.internal.pickle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.npyfile.FuzzWatchdog;
import org.npyfile.NpyException;

/**
 * Coverage-guided fuzzing of the pickle reader (Jazzer). Any input may fail only with an
 * {@link NpyException}; anything else (an unchecked exception, an error, a hang over
 * {@link #HANG_SECONDS}) is a finding. What reads successfully must survive being printed and
 * hashed (which walk the whole result).
 *
 * <p>In a normal build the seeds in {@code PickleFuzzTestInputs/fuzzPickle} (numpy's pickles of
 * object arrays, protocols 0 to 5, made by {@code make_pickle_seeds.py}) and any saved findings run
 * as regression cases; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}, which does so for a
 * bounded time with a 256 MiB heap).
 */
class PickleFuzzTest {

    private static final int HANG_SECONDS = 10;

    /** Small bounds: the fuzzer is after parser bugs, not after our own limits. */
    private static final PickleLimits LIMITS = new PickleLimits(1 << 20, 50, 1 << 12, 1 << 14, 1 << 16);

    private static final FuzzWatchdog WATCHDOG = new FuzzWatchdog(HANG_SECONDS);

    @AfterAll
    static void stop() {
        WATCHDOG.close();
    }

    @FuzzTest(maxDuration = "2m")
    void fuzzPickle(byte[] data) throws Throwable {
        WATCHDOG.run(() -> exercise(data));
    }

    private static void exercise(byte[] data) {
        for (Python2Strings strings : new Python2Strings[] {Python2Strings.ASCII, Python2Strings.BYTES}) {
            try {
                ByteBuffer in = ByteBuffer.wrap(data);
                Object value = PickleReader.read(in, 0, LIMITS, strings);
                if (in.position() > data.length) {
                    throw new AssertionError("stopped past the input");
                }
                String.valueOf(value).length();
                java.util.Objects.hashCode(value);
            } catch (NpyException expected) {
                // Bad input, reported as promised.
            }
        }
    }
}
