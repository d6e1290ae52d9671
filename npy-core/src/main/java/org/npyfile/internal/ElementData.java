package org.npyfile.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;

/**
 * The one seam between a reader and where an array's data comes from: the next bytes of
 * elements, in the order they are handed out. Chosen once per reader by {@link #open}: a staging
 * buffer filled by bulk reads ({@link StagedData}; positional reads for a file, which measured
 * faster and steadier than memory-mapped windows, and cannot fault if the file shrinks);
 * {@link HeapData} serves data already in memory, such as a Fortran-order array transposed to C
 * order.
 *
 * <p>Offsets count data bytes from the first element. Implementations check that the input holds
 * what the header announced and report a short input as an {@code NpyFormatException} naming the
 * expected and the found element counts.
 */
public interface ElementData extends Closeable {

    /**
     * The data of an array whose header was just read from a source, positioned at its first byte.
     *
     * @param source the source, right after the header
     * @param header the header read from it
     * @return staged data
     */
    static ElementData open(Source source, NpyHeader header) {
        return new StagedData(source, header);
    }

    /**
     * A buffer whose remaining bytes are the next data bytes: at least {@code min} of them (never
     * more than the data has left), in the dtype's byte order. The caller consumes bytes by
     * advancing the buffer's position; the buffer stays valid until the next call.
     *
     * @param min the bytes needed, at most what the data has left
     * @return the buffer
     * @throws IOException if the input ends early or fails
     */
    ByteBuffer next(int min) throws IOException;

    /**
     * Reads the next {@code size} bytes into a new heap buffer. Where the source cannot vouch for
     * its length, memory grows with the bytes that actually arrive instead of trusting the header.
     *
     * @param size the bytes wanted, at most what the data has left
     * @return a buffer holding them, position 0, in the dtype's byte order
     * @throws IOException if the input ends early or fails
     */
    ByteBuffer readNew(int size) throws IOException;

    /**
     * Reads the next data bytes straight into a buffer over a Java array, where the source can
     * (a file opened for it, see {@link FileToArray}) and no bytes wait in a staging buffer; the
     * bytes land as they are stored, so the caller asks only where the array's memory takes them
     * unchanged.
     *
     * @param values the buffer, whose remaining elements take exactly {@code bytes}; its position
     *     moves to its limit
     * @param bytes the data bytes to read, at most what the data has left
     * @return whether the bytes were read; false leaves everything as it was
     * @throws IOException if the input ends early or fails
     */
    default boolean readDirect(Buffer values, long bytes) throws IOException {
        return false;
    }

    /**
     * Moves to a data offset: anywhere where {@link #seekable()}, else only forward.
     *
     * @param offset bytes from the first element's first byte
     * @throws IOException if the input ends early or fails
     */
    void seek(long offset) throws IOException;

    /** @return whether {@link #seek(long)} can move backwards */
    boolean seekable();

    /**
     * Data that ends early: names the expected and the found element counts.
     *
     * @param header the array's header
     * @param offset the stream offset where the data ends
     * @param foundBytes the data bytes found before it ends
     * @return the exception to throw
     */
    static NpyFormatException shortData(NpyHeader header, long offset, long foundBytes) {
        return new NpyFormatException(offset,
                header.elementCount() + " elements (" + header.dataBytes() + " bytes for shape "
                        + header.shapeString() + " of " + header.dtype().descr() + ")",
                "only " + foundBytes / Math.max(1, header.dtype().itemSize()) + " elements (" + foundBytes
                        + " bytes) before the end of the input");
    }
}
