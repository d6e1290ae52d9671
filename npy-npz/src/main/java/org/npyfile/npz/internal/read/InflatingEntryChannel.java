package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.npyfile.npz.NpzFormatException;

/**
 * A DEFLATE entry inflated from a window, never past the expected length: once that many bytes are
 * out, the inflater must be finished, and asking it for one more byte must give none (a "zip bomb"
 * costs one byte of output). The inflater reads the window in place, so the compressed bytes it does
 * not use stay in the window for what follows the entry.
 */
public final class InflatingEntryChannel extends SequentialEntryChannel {

    private final ByteWindow window;
    private final Inflater inflater = new Inflater(true);
    private long consumed;
    private boolean released;

    /**
     * An inflating channel.
     *
     * @param window the compressed bytes, starting at the entry's first data byte (limited to the
     *     declared compressed size, where there is one)
     * @param entry the entry's name
     * @param expected the declared uncompressed length, or -1 if it waits in a data descriptor
     * @param ending the owner's check at the end
     * @param budget the stream's total bound, or null
     */
    public InflatingEntryChannel(ByteWindow window, String entry, long expected, Ending ending, Budget budget) {
        super(entry, expected, ending, budget);
        this.window = window;
    }

    @Override
    protected int produce(ByteBuffer dst, int max) throws IOException {
        int limit = dst.limit();
        dst.limit(dst.position() + max);
        try {
            while (true) {
                if (inflater.finished()) {
                    return -1;
                }
                int n = inflate(dst);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                needMoreInput();
            }
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    protected long finishSource() throws IOException {
        ByteBuffer probe = ByteBuffer.allocate(1);
        while (!inflater.finished()) {
            if (inflate(probe) > 0) {
                throw new NpzFormatException(entry, -1, "DEFLATE data that ends after " + expected()
                        + " uncompressed bytes, as its size says", "more data (inflation stopped there)");
            }
            if (!inflater.finished()) {
                needMoreInput();
            }
        }
        return consumed;
    }

    private int inflate(ByteBuffer dst) throws NpzFormatException {
        int available = window.available();
        inflater.setInput(window.array(), window.offset(), available);
        int n;
        try {
            n = inflater.inflate(dst);
        } catch (DataFormatException e) {
            throw new NpzFormatException(entry, window.position(), "valid DEFLATE data",
                    "a malformed stream (" + e.getMessage() + ")");
        }
        int used = available - inflater.getRemaining();
        window.consume(used);
        consumed += used;
        return n;
    }

    private void needMoreInput() throws IOException {
        if (inflater.needsDictionary()) {
            throw new NpzFormatException(entry, window.position(), "DEFLATE data without a preset dictionary",
                    "a stream that needs one");
        }
        if (inflater.needsInput() && !window.fill()) {
            throw new NpzFormatException(entry, window.position(), "the rest of the DEFLATE stream",
                    "the end of the entry's compressed data after " + consumed + " bytes (truncated entry)");
        }
    }

    @Override
    protected void release() {
        if (!released) {
            released = true;
            inflater.end();
        }
    }

    @Override
    protected boolean selfDelimiting() {
        return true;
    }
}
