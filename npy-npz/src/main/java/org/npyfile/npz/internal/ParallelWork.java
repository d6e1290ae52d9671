package org.npyfile.npz.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per item on a few threads and hands the results back in the items' order, on the
 * calling thread: the one parallel loop of {@code NpzFile.readAll} (inflating entries) and
 * {@code NpzWriter.writeAll} (deflating them).
 *
 * <p>At most {@code threads} items are worked on or wait for the caller at a time, the one it waits
 * for included, so memory stays at that many results besides what the caller keeps. The first failure in item order is
 * thrown as it was thrown by the task; the tasks still running are cancelled without interrupting
 * them, because an interrupted {@link java.nio.channels.FileChannel} read closes the channel for
 * every reader of the archive.
 */
public final class ParallelWork {

    /**
     * The work for one item.
     *
     * @param <T> the item
     * @param <R> the result
     */
    @FunctionalInterface
    public interface Task<T, R> {
        /**
         * Computes one result, on a worker thread.
         *
         * @param item the item
         * @return the result
         * @throws IOException if the work fails
         */
        R run(T item) throws IOException;
    }

    /**
     * What the caller does with each result, in item order, on its own thread.
     *
     * @param <R> the result
     */
    @FunctionalInterface
    public interface Sink<R> {
        /**
         * Takes one result.
         *
         * @param index the item's index
         * @param result its result
         * @throws IOException if taking it fails
         */
        void accept(int index, R result) throws IOException;
    }

    private ParallelWork() {
    }

    /**
     * Runs the task for every item and passes the results to the sink in item order.
     *
     * @param items the items
     * @param threads the most threads to use; 1 (or a single item) runs everything on the calling thread
     * @param threadName the worker threads' name
     * @param task the work for one item
     * @param sink what to do with each result
     * @param <T> the item type
     * @param <R> the result type
     * @throws IOException the first failure in item order, of a task or of the sink
     */
    public static <T, R> void inOrder(List<T> items, int threads, String threadName, Task<T, R> task, Sink<R> sink)
            throws IOException {
        int workers = Math.min(threads, items.size());
        if (workers <= 1) {
            for (int i = 0; i < items.size(); i++) {
                sink.accept(i, task.run(items.get(i)));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, work -> {
            Thread t = new Thread(work, threadName);
            t.setDaemon(true);
            return t;
        });
        Deque<Future<R>> pending = new ArrayDeque<>();
        try {
            int submitted = 0;
            for (int i = 0; i < items.size(); i++) {
                while (submitted < items.size() && submitted < i + workers) {
                    T item = items.get(submitted++);
                    pending.add(pool.submit(() -> task.run(item)));
                }
                sink.accept(i, await(pending.removeFirst()));
            }
        } finally {
            pending.forEach(p -> p.cancel(false));
            pool.shutdown();
        }
    }

    private static <R> R await(Future<R> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for work on another thread");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
