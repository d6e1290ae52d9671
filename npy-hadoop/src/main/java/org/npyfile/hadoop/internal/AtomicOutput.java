package org.npyfile.hadoop.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output stream to a hidden temporary file beside the target that is renamed onto the target when
 * it closes, if the bytes written form a complete file; otherwise the temporary file is deleted and the
 * target stays as it was. Hadoop file systems have no atomic replace, so an existing target is deleted
 * just before the rename (on HDFS both are single NameNode operations).
 */
public final class AtomicOutput extends FilterOutputStream {

    /** Decides, after the last byte, whether what was written is a whole file. */
    @FunctionalInterface
    public interface Completeness {
        /**
         * Whether the output is complete.
         *
         * @param bytes the bytes written
         * @param tail the last bytes written (up to {@link #TAIL_BYTES}), oldest first
         * @return true to move the file into place
         */
        boolean complete(long bytes, byte[] tail);
    }

    /** The bytes of the output's end that a {@link Completeness} check sees: a ZIP end record's size. */
    public static final int TAIL_BYTES = 22;

    private final FileSystem fs;
    private final Path target;
    private final Path temporary;
    private final Completeness completeness;
    private final byte[] tail = new byte[TAIL_BYTES];
    private long written;
    private boolean closed;

    private AtomicOutput(OutputStream out, FileSystem fs, Path target, Path temporary, Completeness completeness) {
        super(out);
        this.fs = fs;
        this.target = target;
        this.temporary = temporary;
        this.completeness = completeness;
    }

    /**
     * Creates the temporary file.
     *
     * @param fs the file system
     * @param target the file to create or replace on a complete close
     * @param completeness the check that decides on close
     * @return the stream
     * @throws IOException if the temporary file cannot be created
     */
    public static AtomicOutput create(FileSystem fs, Path target, Completeness completeness) throws IOException {
        Path temporary = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        return new AtomicOutput(fs.create(temporary, false), fs, target, temporary, completeness);
    }

    /**
     * A check that the output holds exactly a number of bytes.
     *
     * @param expected the complete file's length
     * @return the check
     */
    public static Completeness exactly(long expected) {
        return (bytes, last) -> bytes == expected;
    }

    /**
     * A check that the output ends with a ZIP end-of-central-directory record without a comment, the
     * last thing an archive writer writes when it completes an archive.
     *
     * @return the check
     */
    public static Completeness endsWithZipEndRecord() {
        return (bytes, last) -> bytes >= TAIL_BYTES && last[0] == 'P' && last[1] == 'K' && last[2] == 5
                && last[3] == 6 && last[20] == 0 && last[21] == 0;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        remember(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        remember(b, off, len);
    }

    private void remember(byte[] b, int off, int len) {
        written += len;
        if (len >= TAIL_BYTES) {
            System.arraycopy(b, off + len - TAIL_BYTES, tail, 0, TAIL_BYTES);
        } else {
            System.arraycopy(tail, len, tail, 0, TAIL_BYTES - len);
            System.arraycopy(b, off, tail, TAIL_BYTES - len, len);
        }
    }

    /**
     * Closes the temporary file, then moves it onto the target if it is complete, or deletes it.
     *
     * @throws IOException if closing, deleting or renaming fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean moved = false;
        try {
            out.close();
            if (completeness.complete(written, tail.clone())) {
                if (fs.exists(target) && !fs.delete(target, false)) {
                    throw new IOException("cannot replace " + target + ": it could not be deleted");
                }
                if (!fs.rename(temporary, target)) {
                    throw new IOException("cannot move " + temporary + " to " + target);
                }
                moved = true;
            }
        } finally {
            if (!moved) {
                fs.delete(temporary, false);
            }
        }
    }
}
