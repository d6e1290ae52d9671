package org.npyfile;

/**
 * Malformed input: the bytes do not form a valid {@code .npy} stream.
 *
 * <p>The message always names the byte offset (from the start of the {@code .npy} stream), what
 * was expected there and what was found, for example
 * {@code "at byte 8: expected a header length of at most 10000 bytes, found 65535"}.
 */
public class NpyFormatException extends NpyException {
    private static final long serialVersionUID = 1L;

    /** The byte offset of the defect, or -1. */
    private final long offset;

    /**
     * Creates an exception for a defect at a byte offset.
     *
     * @param offset the byte offset of the defect from the start of the stream, or -1 if unknown
     * @param expected what the format requires there
     * @param found what the input holds there
     */
    public NpyFormatException(long offset, String expected, String found) {
        super(format(offset, expected, found));
        this.offset = offset;
    }

    /**
     * Creates an exception with a complete message.
     *
     * @param offset the byte offset of the defect, or -1 if unknown
     * @param message the message, which should say what was expected and what was found
     * @param cause the underlying failure, may be null
     */
    public NpyFormatException(long offset, String message, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /**
     * The byte offset of the defect from the start of the {@code .npy} stream.
     *
     * @return the offset, or -1 if unknown
     */
    public long offset() {
        return offset;
    }

    private static String format(long offset, String expected, String found) {
        String where = offset >= 0 ? "at byte " + offset + ": " : "";
        return where + "expected " + expected + ", found " + found;
    }
}
