package org.npyfile.npz;

import org.npyfile.NpyFormatException;

/**
 * Malformed archive: the bytes do not form a valid {@code .npz}, or an entry does not hold what the
 * archive says it holds.
 *
 * <p>Thrown for a corrupt CRC-32, a truncated archive, an entry that is not an npy stream where an
 * array is required, an entry that inflates beyond (or stops short of) its declared size, entries that
 * overlap, local and central headers that disagree, duplicate names, and malformed npy streams inside
 * entries. It extends {@link NpyFormatException}, so one {@code catch} covers malformed {@code .npy}
 * and {@code .npz} input alike. The message starts with the entry's name when the defect belongs to
 * one entry, then says where, what was expected and what was found, for example
 * {@code "entry 'w.npy': at archive byte 1234: expected CRC-32 0x1c291ca3, found 0x8d4b0f02"}.
 *
 * <p>Where the failure concerns a named archive, {@link #file()} names it and the message starts
 * with it ({@code "data/run.npz: entry 'w.npy': ..."}). A reader handed out for one entry names
 * itself {@code archive.npz:w.npy}, or {@code w.npy} for a stream; where {@link #file()} so names the
 * entry already, the message does not name it a second time ({@code "data/run.npz:w.npy: at archive
 * byte 1234: ..."}).
 */
public class NpzFormatException extends NpyFormatException {
    private static final long serialVersionUID = 1L;

    /** The ZIP name of the entry the defect belongs to, or null. */
    private final String entryName;

    /** The message after the entry's name: where, and what is wrong. */
    private final String detail;

    /**
     * Creates an exception for a defect at a byte offset of the archive.
     *
     * @param entryName the ZIP name of the entry the defect belongs to, or null for the archive as a whole
     * @param offset the byte offset of the defect from the start of the archive, or -1 if unknown
     * @param expected what the format requires there
     * @param found what the input holds there
     */
    public NpzFormatException(String entryName, long offset, String expected, String found) {
        this(entryName, offset, "expected " + expected + ", found " + found, (Throwable) null);
    }

    /**
     * Creates an exception with a message of its own.
     *
     * @param entryName the ZIP name of the entry the defect belongs to, or null for the archive as a whole
     * @param offset the byte offset of the defect from the start of the archive, or -1 if unknown
     * @param message what is wrong; the entry's name and the offset are put in front of it
     * @param cause the underlying failure, may be null
     */
    public NpzFormatException(String entryName, long offset, String message, Throwable cause) {
        super(offset, entryPrefix(entryName) + where(offset) + message, cause);
        this.entryName = entryName;
        this.detail = where(offset) + message;
    }

    /**
     * The entry the defect belongs to.
     *
     * @return the entry's ZIP name (for example {@code "w.npy"}), or null for a defect of the archive
     *     as a whole
     */
    public String entryName() {
        return entryName;
    }

    /**
     * The failure, after the file's name where one is known; the entry's name only where the file's
     * name does not end with it.
     *
     * @return for example {@code "run.npz: entry 'w.npy': at archive byte 1234: ..."}, or
     *     {@code "run.npz:w.npy: at archive byte 1234: ..."}
     */
    @Override
    public String getMessage() {
        String file = file();
        if (file != null && entryName != null && (file.equals(entryName) || file.endsWith(":" + entryName))) {
            return file + ": " + detail;
        }
        return super.getMessage();
    }

    private static String entryPrefix(String entryName) {
        return entryName == null ? "" : "entry '" + entryName + "': ";
    }

    private static String where(long offset) {
        return offset >= 0 ? "at archive byte " + offset + ": " : "";
    }
}
