package org.npyfile.npz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one parallel loop of {@code readAll} and {@code writeAll}: order, failures, bounded look-ahead. */
class ParallelWorkTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 40).boxed().toList();

    @Test
    void resultsArriveInItemOrderWhateverOrderTheyFinishIn() throws IOException {
        List<Integer> seen = new ArrayList<>();
        ParallelWork.inOrder(ITEMS, 4, "test", i -> {
            sleep(i % 3 == 0 ? 5 : 0); // later items often finish first
            return i * 10;
        }, (index, result) -> {
            assertThat(Thread.currentThread().getName()).isNotEqualTo("test");
            assertThat(result).isEqualTo(index * 10);
            seen.add(index);
        });
        assertThat(seen).isEqualTo(ITEMS);
    }

    @Test
    void theFirstFailureInItemOrderIsThrownAsTheTaskThrewIt() throws InterruptedException {
        CountDownLatch laterFailed = new CountDownLatch(1);
        IOException first = new IOException("item 2");
        List<Integer> taken = new ArrayList<>();
        assertThatThrownBy(() -> ParallelWork.inOrder(ITEMS, 4, "test", i -> {
            if (i == 3) {
                laterFailed.countDown();
                throw new IllegalStateException("item 3, failing first");
            }
            if (i == 2) {
                await(laterFailed);
                throw first;
            }
            return i;
        }, (index, result) -> taken.add(index))).isSameAs(first);
        assertThat(taken).containsExactly(0, 1);
    }

    @Test
    void noMoreItemsThanThreadsAreInFlightOrWaiting() throws IOException {
        AtomicInteger started = new AtomicInteger();
        ParallelWork.inOrder(ITEMS, 3, "test", i -> started.incrementAndGet(), (index, result) ->
                assertThat(started.get()).as("started when item %d is taken", index).isLessThanOrEqualTo(index + 3));
    }

    @Test
    void oneThreadRunsEverythingOnTheCallingThread() throws IOException {
        Thread caller = Thread.currentThread();
        List<Integer> seen = new ArrayList<>();
        ParallelWork.inOrder(ITEMS, 1, "test", i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            return i;
        }, (index, result) -> seen.add(result));
        assertThat(seen).isEqualTo(ITEMS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the later item never ran");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
