package org.npyfile.npz.internal.read;

import java.io.IOException;

/**
 * An archive's bytes handed out in place from a buffer, so an {@link java.util.zip.Inflater} can read
 * them there and the bytes it leaves unconsumed stay for whatever follows the entry: a
 * {@link StreamedArchive}, or a {@link LimitedWindow} on one, cut at an entry's compressed size.
 */
public interface ByteWindow {

    /**
     * Makes at least one unread byte available, unless the bytes have ended.
     *
     * @return false at their end
     * @throws IOException from the archive
     */
    boolean fill() throws IOException;

    /** @return the array holding the buffered bytes */
    byte[] array();

    /** @return the index in {@link #array()} of the first unread byte */
    int offset();

    /** @return the number of unread bytes buffered from {@link #offset()} */
    int available();

    /**
     * Marks bytes as read.
     *
     * @param n at most {@link #available()}
     */
    void consume(int n);

    /** @return the archive offset of the first unread byte */
    long position();
}
