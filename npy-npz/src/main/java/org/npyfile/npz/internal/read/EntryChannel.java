package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import org.npyfile.npz.NpzFormatException;

/**
 * An entry's uncompressed bytes, checked as they are read: never more than the entry holds, never
 * fewer without a failure, and once the last byte is out its CRC-32 and sizes verified by
 * {@link EndOfEntryCheck}. A failure is sticky: every later read throws it again.
 *
 * <p>Two kinds: {@link SequentialEntryChannel} (from a stream, or inflating) and
 * {@link SeekableEntryChannel} (a stored entry of a random-access archive, which
 * {@link org.npyfile.NpyReader} can seek in).
 */
public interface EntryChannel extends ReadableByteChannel {

    /**
     * The entry's first bytes, without reading them: the next read still starts where it would have.
     *
     * @param n how many bytes to look at
     * @return up to {@code n} bytes, fewer if the entry is shorter
     * @throws IOException if they cannot be read
     */
    byte[] peek(int n) throws IOException;

    /**
     * Sets the length the entry's npy header implies.
     *
     * @param total the npy header's data offset plus its data size
     * @throws NpzFormatException if the ZIP metadata declares another length, or more bytes were
     *     already read; a CRC or size failure if the entry ends here and does not check out
     * @throws IOException if completing the entry fails
     */
    void expectLength(long total) throws IOException;

    /**
     * Whether the entry's end is known without its npy header's word: declared by the ZIP metadata,
     * or the end of a DEFLATE stream. Not so for a stored entry whose sizes follow it in a data
     * descriptor: its npy header must tell its length, which an object array's pickle does not.
     *
     * @return whether reading to the end stops at the entry's end
     */
    boolean endKnown();

    /**
     * Reads and checks the rest of the entry, keeping nothing.
     *
     * @throws NpzFormatException if the entry's end cannot be found, or the rest does not check out
     * @throws IOException if the archive cannot be read
     */
    void drain() throws IOException;

    /**
     * The failure for an npy header that implies another length than the ZIP metadata declares.
     *
     * @param entry the entry's name
     * @param implied the length the npy header implies
     * @param declared the length the ZIP metadata declares
     * @return the exception
     */
    static NpzFormatException lengthMismatch(String entry, long implied, long declared) {
        return new NpzFormatException(entry, -1, "the npy header implies " + implied
                + " bytes (header and data), but the ZIP metadata declares " + declared, (Throwable) null);
    }
}
