package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar: nothing for short work, a bar after a second, erased at the end. */
class ProgressTest {

    private final StringWriter drawn = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private Progress progress(long total) {
        return Progress.drawing(new PrintWriter(drawn, true), "big.npy", total, now::get);
    }

    @Test
    void workOfLessThanASecondDrawsNothing() {
        try (Progress p = progress(100)) {
            now.set(Progress.DELAY_NANOS - 1);
            p.advance(100);
        }
        assertThat(drawn.toString()).isEmpty();
    }

    @Test
    void longerWorkDrawsABarAndErasesIt() {
        try (Progress p = progress(200)) {
            now.set(Progress.DELAY_NANOS);
            p.advance(50);
            assertThat(drawn.toString()).isEqualTo("\rbig.npy [########                      ] 25%");
            now.addAndGet(1_000);
            p.advance(50);
            assertThat(drawn.toString()).as("redrawn at most every 100 ms").endsWith("25%");
            now.addAndGet(200_000_000);
            p.advance(100);
            assertThat(drawn.toString()).endsWith("\rbig.npy [##############################] 100%");
        }
        assertThat(drawn.toString()).endsWith("\r" + " ".repeat("big.npy [##############################] 100%".length())
                + "\r");
    }

    @Test
    void withoutATerminalNothingIsEverDrawn() {
        try (Progress p = Progress.silent()) {
            p.advance(1_000_000);
        }
        assertThat(drawn.toString()).isEmpty();
    }
}
