package org.npyfile;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input on a daemon thread and turns a run that does not end in time into a finding
 * (an {@link AssertionError} naming the hang), so that a hang fails the fuzz target instead of
 * stalling it. The fuzz targets of npy-core share it; close it when the target's class is done.
 */
public final class FuzzWatchdog implements AutoCloseable {

    /** A fuzz input's work. */
    @FunctionalInterface
    public interface Work {
        /**
         * Exercises the code under test with one input.
         *
         * @throws Exception whatever the code throws; it reaches the fuzzer as it was thrown
         */
        void run() throws Exception;
    }

    private final int seconds;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-target");
        t.setDaemon(true);
        return t;
    });

    /**
     * A watchdog.
     *
     * @param seconds how long one input may run before it counts as a hang
     */
    public FuzzWatchdog(int seconds) {
        this.seconds = seconds;
    }

    /**
     * Runs one input's work, rethrowing what it threw.
     *
     * @param work the work
     * @throws Throwable what the work threw, or an {@link AssertionError} for a hang
     */
    public void run(Work work) throws Throwable {
        Future<?> run = runner.submit(() -> {
            work.run();
            return null;
        });
        try {
            run.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("no result after " + seconds + " s: a hang", e);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
