package org.npyfile.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for work that takes more than about a second, drawn only when the
 * program runs in a terminal ({@link Terminal#isTerminal()}); otherwise it prints nothing, so
 * redirected output and scripts stay clean. The bar is erased when the work ends.
 */
final class Progress implements AutoCloseable {

    /** Work shorter than this shows no bar at all. */
    static final long DELAY_NANOS = 1_000_000_000L;

    /** The bar is redrawn at most this often. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private long drawnAt = Long.MIN_VALUE;
    private int drawnLength;

    private Progress(PrintWriter err, String label, long total, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /**
     * Starts tracking work; silent unless stderr is a terminal.
     *
     * @param err where to draw
     * @param label what is being done, for example the file name
     * @param total the units of work (bytes, elements), at least 0
     * @return the tracker
     */
    static Progress start(PrintWriter err, String label, long total) {
        return Terminal.isTerminal() ? new Progress(err, label, total, System::nanoTime) : silent();
    }

    /** A tracker that draws on any writer, with its own clock; for tests. */
    static Progress drawing(PrintWriter err, String label, long total, LongSupplier clock) {
        return new Progress(err, label, total, clock);
    }

    /** A tracker that never draws. */
    static Progress silent() {
        return new Progress(null, "", 0, () -> 0);
    }

    /**
     * Records finished work and redraws the bar if it is due.
     *
     * @param units units finished since the last call
     */
    void advance(long units) {
        done += units;
        if (err == null) {
            return;
        }
        long now = clock.getAsLong();
        if (now - started < DELAY_NANOS || drawnAt != Long.MIN_VALUE && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String line = label + " [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                + (int) Math.floor(fraction * 100) + "%";
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /** Erases the bar if one was drawn. */
    @Override
    public void close() {
        if (err != null && drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
