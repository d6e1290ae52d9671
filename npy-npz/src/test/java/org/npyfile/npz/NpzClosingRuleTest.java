package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.npyfile.NpyArray;
import org.npyfile.npz.Archives.Mode;

/**
 * The module's one closing rule: what you open or wrap in an object is closed when that object
 * closes (also when opening it fails); a static one-shot never closes what you pass, also when it
 * fails.
 */
class NpzClosingRuleTest {

    private static final NpyArray A = NpyArray.of(new int[] {1, 2, 3});

    /** A stream that records whether it was closed. */
    private static final class TrackedInput extends ByteArrayInputStream {
        boolean closed;

        TrackedInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A channel that records whether it was closed. */
    private static final class TrackedChannel extends SeekableInMemoryByteChannel {
        boolean closed;

        TrackedChannel(byte[] bytes) {
            super(bytes);
        }

        TrackedChannel() {
            super();
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }
    }

    private static byte[] archive() throws IOException {
        return Archives.written(Map.of("a", A), NpzWriteOptions.STORED, Mode.WRITE);
    }

    @Test
    void theOneShotReadLeavesTheCallersStreamOpenAlsoWhenItFails() throws IOException {
        TrackedInput in = new TrackedInput(archive());
        assertThat(Npz.read(in)).containsExactly(Map.entry("a", A));
        assertThat(in.closed).isFalse();
        TrackedInput cut = new TrackedInput(Arrays.copyOf(archive(), 40));
        assertThatThrownBy(() -> Npz.read(cut)).isInstanceOf(NpzFormatException.class);
        assertThat(cut.closed).isFalse();
    }

    @Test
    void theOneShotWriteLeavesTheCallersStreamOpenAlsoWhenItFails() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("a one-shot closed the caller's stream");
            }
        };
        assertThatThrownBy(() -> Npz.write(out, Map.of("bad\0key", A))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamReaderClosesTheStreamItWraps() throws IOException {
        TrackedInput in = new TrackedInput(archive());
        try (NpzInputStream npz = NpzInputStream.of(in)) {
            assertThat(npz.nextEntry().key()).isEqualTo("a");
        }
        assertThat(in.closed).isTrue();
    }

    @Test
    void anArchiveClosesTheChannelItWasOpenedOnAlsoWhenOpeningFails() throws IOException {
        TrackedChannel channel = new TrackedChannel(archive());
        try (NpzFile npz = NpzFile.open(channel)) {
            assertThat(npz.read("a")).isEqualTo(A);
            try (var reader = npz.reader("a")) {
                reader.header(); // an entry's reader belongs to the archive: closing it leaves the channel open
            }
            assertThat(channel.closed).isFalse();
        }
        assertThat(channel.closed).isTrue();
        TrackedChannel bad = new TrackedChannel(Arrays.copyOf(archive(), 40));
        assertThatThrownBy(() -> NpzFile.open(bad)).isInstanceOf(NpzFormatException.class);
        assertThat(bad.closed).isTrue();
    }

    @Test
    void aWriterClosesTheChannelItWasMadeWithAlsoWhenItAborts() throws IOException {
        TrackedChannel done = new TrackedChannel();
        try (NpzWriter w = NpzWriter.of(done)) {
            w.write("a", A);
        }
        assertThat(done.closed).isTrue();
        TrackedChannel aborted = new TrackedChannel();
        NpzWriter w = NpzWriter.of(aborted);
        w.write("a", A);
        w.abort();
        assertThat(aborted.closed).isTrue();
    }
}
