package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A stored entry's bytes copied from a window; its length is declared or implied by its npy header. */
public final class StoredEntryChannel extends SequentialEntryChannel {

    private final ByteWindow window;
    private long consumed;

    /**
     * A copying channel.
     *
     * @param window the bytes, starting at the entry's first data byte
     * @param entry the entry's name
     * @param expected the declared length, or -1 if it waits in a data descriptor
     * @param ending the owner's check at the end
     * @param budget the stream's total bound, or null
     */
    public StoredEntryChannel(ByteWindow window, String entry, long expected, Ending ending, Budget budget) {
        super(entry, expected, ending, budget);
        this.window = window;
    }

    @Override
    protected int produce(ByteBuffer dst, int max) throws IOException {
        if (!window.fill()) {
            return -1;
        }
        int n = Math.min(max, window.available());
        dst.put(window.array(), window.offset(), n);
        window.consume(n);
        consumed += n;
        return n;
    }

    @Override
    protected long finishSource() {
        return consumed;
    }

    @Override
    protected boolean selfDelimiting() {
        return false;
    }
}
