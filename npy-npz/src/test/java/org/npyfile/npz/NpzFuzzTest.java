package org.npyfile.npz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.AfterAll;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;

/**
 * Coverage-guided fuzzing of both npz readers (Jazzer). Any input may fail only with an
 * {@link NpyException}; anything else, or a hang over {@link #HANG_SECONDS}, is a finding.
 *
 * <p>In a normal build the numpy-made seeds in {@code NpzFuzzTestInputs/fuzzNpz} and saved
 * findings run as regression cases; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}).
 */
class NpzFuzzTest {

    private static final int HANG_SECONDS = 10;

    private static final NpzLimits LIMITS = NpzLimits.of(NpyLimits.DEFAULT.withMaxArrayBytes(1 << 20))
            .withMaxEntries(64).withMaxTotalBytes(4 << 20);

    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-target");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stop() {
        RUNNER.shutdownNow();
    }

    @FuzzTest(maxDuration = "2m")
    void fuzzNpz(byte[] data) throws Throwable {
        Future<?> run = RUNNER.submit(() -> {
            randomAccess(data);
            streaming(data);
            return null;
        });
        try {
            run.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("no result after " + HANG_SECONDS + " s: a hang", e);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void randomAccess(byte[] data) throws IOException {
        try (NpzFile file = NpzFile.open(new SeekableInMemoryByteChannel(data), LIMITS)) {
            for (String name : file.names()) {
                try {
                    if (file.isNpy(name)) {
                        file.header(name);
                        NpyArray array = file.read(name);
                        array.toCOrder();
                        try (NpyReader reader = file.reader(name)) {
                            reader.skip(1);
                            reader.readChunk(5);
                        }
                        file.verify(name);
                    }
                } catch (NpyException expected) {
                    // One bad entry, reported as promised; the others may still be fine.
                }
            }
        } catch (NpyException expected) {
            // A bad archive, reported as promised.
        }
    }

    private static void streaming(byte[] data) throws IOException {
        try (NpzInputStream in = NpzInputStream.of(new ByteArrayInputStream(data), LIMITS)) {
            for (int entries = 0; entries < 64 && in.nextEntry() != null; entries++) {
                if (entries % 2 == 0 && in.isNpy()) {
                    in.read();
                }
            }
        } catch (NpyException expected) {
            // A bad archive, reported as promised.
        }
    }
}
