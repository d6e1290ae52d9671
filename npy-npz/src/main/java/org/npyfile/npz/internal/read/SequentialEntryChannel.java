package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.zip.CRC32;
import org.npyfile.npz.NpzFormatException;

/**
 * An entry's bytes produced front to back from a {@link ByteWindow}, copied ({@link StoredEntryChannel})
 * or inflated ({@link InflatingEntryChannel}): it delivers no more than the expected length (declared
 * by the ZIP metadata, or implied by the entry's npy header once known), fails if the source ends
 * short of it, folds every delivered byte into a CRC-32 and, when the last expected byte goes out,
 * completes the source (an inflater must then be finished, with nothing more to give) and hands the
 * counts to the walker's {@link Ending}, which runs the {@link EndOfEntryCheck}. Any failure is sticky.
 *
 * <p>Not thread-safe.
 */
public abstract class SequentialEntryChannel implements EntryChannel {

    /** The owner's check once the entry's last byte is delivered. */
    @FunctionalInterface
    public interface Ending {
        /**
         * Verifies the entry.
         *
         * @param delivered the uncompressed bytes delivered
         * @param compressed the stored bytes consumed
         * @param crc the CRC-32 of the delivered bytes
         * @throws IOException if the entry is inconsistent or a trailing record cannot be read
         */
        void verify(long delivered, long compressed, long crc) throws IOException;
    }

    /** The entry's name, for messages. */
    protected final String entry;
    private final Ending ending;
    private final Budget budget;
    private final CRC32 crc = new CRC32();
    private long expected;
    private long delivered;
    private ByteBuffer peeked;
    private boolean ended;
    private boolean retired;
    private boolean closeRetires;
    private IOException failure;

    /**
     * Sets up the checks.
     *
     * @param entry the entry's name
     * @param expected the uncompressed length if the ZIP metadata declares it, else -1
     * @param ending the owner's check at the end
     * @param budget the stream's total bound, or null
     */
    protected SequentialEntryChannel(String entry, long expected, Ending ending, Budget budget) {
        this.entry = entry;
        this.expected = expected;
        this.ending = ending;
        this.budget = budget;
    }

    /**
     * Produces up to {@code max} uncompressed bytes into {@code dst}.
     *
     * @param dst the buffer, with at least {@code max} bytes remaining
     * @param max the most bytes to produce, at least 1
     * @return the bytes produced, at least 1, or -1 if the source has ended
     * @throws IOException if the source fails or is malformed
     */
    protected abstract int produce(ByteBuffer dst, int max) throws IOException;

    /**
     * Called once the expected bytes are delivered (or the source ended with none expected): makes
     * sure the source holds nothing more and returns the stored bytes it consumed.
     *
     * @return the compressed size
     * @throws IOException if the source holds more or is malformed
     */
    protected abstract long finishSource() throws IOException;

    /** Releases native resources; called once the channel is no longer needed. */
    protected void release() {
    }

    /**
     * Whether {@link #drain()} can find the entry's end before the length is known: false for a stored
     * entry whose sizes wait in a data descriptor.
     *
     * @return whether the source can tell where it ends
     */
    protected abstract boolean selfDelimiting();

    @Override
    public final int read(ByteBuffer dst) throws IOException {
        if (retired) {
            throw new ClosedChannelException();
        }
        return deliver(dst);
    }

    private int deliver(ByteBuffer dst) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int max = dst.remaining();
        if (expected >= 0) {
            max = (int) Math.min(max, expected - delivered);
            if (max == 0) {
                complete();
                return -1;
            }
        }
        int first = dst.position();
        int n;
        try {
            if (peeked != null && peeked.hasRemaining()) {
                n = Math.min(max, peeked.remaining());
                dst.put(peeked.slice().limit(n));
                peeked.position(peeked.position() + n);
            } else {
                n = produce(dst, max);
            }
        } catch (IOException e) {
            throw fail(e);
        }
        if (n < 0) {
            if (expected >= 0) {
                throw fail(new NpzFormatException(entry, -1, expected + " uncompressed bytes",
                        "only " + delivered + " before the entry's data ends (truncated entry)"));
            }
            complete();
            return -1;
        }
        crc.update(dst.duplicate().position(first).limit(first + n));
        delivered += n;
        if (budget != null) {
            try {
                budget.charge(n, entry);
            } catch (IOException e) {
                throw fail(e);
            }
        }
        if (expected >= 0 && delivered == expected) {
            complete();
        }
        return n;
    }

    private void complete() throws IOException {
        ended = true;
        try {
            long compressed = finishSource();
            ending.verify(delivered, compressed, crc.getValue());
        } catch (IOException e) {
            throw fail(e);
        } finally {
            release();
        }
    }

    private IOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        release();
        return e;
    }

    /**
     * {@inheritDoc} The bytes peeked at are kept and delivered by the next reads.
     *
     * @throws IllegalStateException if bytes were already delivered
     */
    @Override
    public byte[] peek(int n) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (delivered > 0) {
            throw new IllegalStateException("peek after bytes were delivered");
        }
        if (peeked == null) {
            peeked = ByteBuffer.allocate(n).flip();
        }
        if (peeked.remaining() < n) {
            ByteBuffer grown = ByteBuffer.allocate(n);
            grown.put(peeked);
            int want = n;
            if (expected >= 0) {
                want = (int) Math.min(want, expected);
            }
            try {
                while (grown.position() < want) {
                    int k = produce(grown, want - grown.position());
                    if (k < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw fail(e);
            }
            peeked = grown.flip();
        }
        byte[] out = new byte[Math.min(n, peeked.remaining())];
        peeked.duplicate().get(out);
        return out;
    }

    @Override
    public void expectLength(long total) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (expected >= 0 && expected != total) {
            throw fail(EntryChannel.lengthMismatch(entry, total, expected));
        }
        if (delivered > total) {
            throw fail(new NpzFormatException(entry, -1, "the npy header implies " + total
                    + " bytes (header and data), but " + delivered + " were already read", (Throwable) null));
        }
        expected = total;
        if (delivered == total && !ended) {
            complete();
        }
    }

    @Override
    public boolean endKnown() {
        return expected >= 0 || selfDelimiting();
    }

    /**
     * The entry's length, as far as it is known.
     *
     * @return the expected length, or -1 while unknown
     */
    public long expected() {
        return expected;
    }

    /**
     * {@inheritDoc} A stored entry whose sizes follow in a data descriptor has no end to find until
     * its npy header gave its {@linkplain #expectLength length}.
     */
    @Override
    public void drain() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return;
        }
        if (expected < 0 && !selfDelimiting()) {
            throw fail(new NpzFormatException(entry, -1, "a stored entry whose sizes follow in a data descriptor "
                    + "can only be skipped if it is an npy stream whose header tells its length; this one is not (or "
                    + "holds an object array, whose pickle does not tell it), so the rest of the archive cannot be "
                    + "found without the central directory (use NpzFile)", (Throwable) null));
        }
        ByteBuffer scratch = ByteBuffer.allocate(1 << 14);
        while (deliver(scratch) >= 0) {
            scratch.clear();
        }
    }

    /** Makes further reads fail with {@link ClosedChannelException}: the archive moved on. */
    public void retire() {
        retired = true;
        release();
    }

    @Override
    public boolean isOpen() {
        return !retired;
    }

    /**
     * Makes {@link #close()} retire the channel: for random access, where nothing else needs it after
     * its reader closes.
     *
     * @return this channel
     */
    public SequentialEntryChannel closeRetires() {
        closeRetires = true;
        return this;
    }

    /**
     * Retires the channel if so configured; otherwise does nothing, as a reader closing its channel
     * does not end an entry that the stream may still need to skip.
     */
    @Override
    public void close() {
        if (closeRetires) {
            retire();
        }
    }
}
