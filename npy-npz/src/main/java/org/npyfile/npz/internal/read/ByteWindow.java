package org.npyfile.npz.internal.read;

import java.io.IOException;

/**
 * Buffered input handed out as an array window, so an {@link java.util.zip.Inflater} can read it in
 * place and the bytes it leaves unconsumed stay for whatever follows the entry.
 */
public interface ByteWindow {

    /**
     * Makes at least one unread byte available, unless the input has ended.
     *
     * @return false at the end of the input
     * @throws IOException from the underlying input
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
