package org.npyfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.npyfile.internal.Shape;
import org.npyfile.internal.AtomicFile;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.internal.HeaderReader;
import org.npyfile.internal.Source;

/** {@link Npy#append(Path, NpyArray)}: rows added along axis 0, in place where the header allows. */
final class Appender {

    private Appender() {
    }

    static void append(Path path, NpyArray rows) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            NpyHeader header = HeaderReader.read(Source.of(file, false), NpyLimits.DEFAULT);
            long[] shape = header.shape();
            if (shape.length == 0) {
                throw new NpyException("cannot append rows to the 0-d array in " + path);
            }
            if (header.fortranOrder()) {
                throw new NpyException("cannot append rows to the Fortran-order array in " + path
                        + ": its rows are not contiguous");
            }
            if (!rows.dtype().equals(header.dtype())) {
                throw new NpyTypeException("cannot append rows of dtype " + rows.dtype().descr() + " to " + path
                        + ", which holds dtype " + header.dtype().descr() + " with shape " + header.shapeString());
            }
            long end = header.dataOffset() + header.dataBytes();
            if (file.size() != end) {
                throw new NpyFormatException(end, "the end of the file after the array's data, so that rows can follow",
                        (file.size() - end) + " more bytes");
            }
            long[] rowShape = Arrays.copyOfRange(shape, 1, shape.length);
            long added = rowCount(rows.shape(), rowShape);
            long[] grown = shape.clone();
            grown[0] = Math.addExact(shape[0], added);
            byte[] preamble = NpyHeader.of(header.dtype(), grown).toBytes();
            ByteBuffer data = rows.toCOrder().heapBytes();
            if (preamble.length == header.dataOffset()) {
                inPlace(file, end, data, preamble);
            } else {
                rewrite(path, file, header, data, preamble);
            }
        }
    }

    private static long rowCount(long[] rows, long[] rowShape) {
        if (Arrays.equals(rows, rowShape)) {
            return 1;
        }
        if (rows.length == rowShape.length + 1 && Arrays.equals(Arrays.copyOfRange(rows, 1, rows.length), rowShape)) {
            return rows[0];
        }
        throw new IllegalArgumentException("rows of shape " + Shape.repr(rows)
                + " do not fit rows of shape " + Shape.repr(rowShape));
    }

    /** Data first, then the header: until the header is patched, numpy sees the old array. */
    private static void inPlace(FileChannel file, long end, ByteBuffer data, byte[] preamble) throws IOException {
        try {
            long at = end;
            while (data.hasRemaining()) {
                at += file.write(data, at);
            }
            ByteBuffer head = ByteBuffer.wrap(preamble);
            long p = 0;
            while (head.hasRemaining()) {
                p += file.write(head, p);
            }
        } catch (IOException | RuntimeException e) {
            try {
                file.truncate(end);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A header that cannot grow in place (written without numpy's growth padding): copy into a new file. */
    private static void rewrite(Path path, FileChannel file, NpyHeader header, ByteBuffer data, byte[] preamble)
            throws IOException {
        try (AtomicFile out = AtomicFile.create(path)) {
            FileChannel target = out.channel();
            ByteBuffer head = ByteBuffer.wrap(preamble);
            while (head.hasRemaining()) {
                target.write(head);
            }
            long from = header.dataOffset();
            long left = header.dataBytes();
            while (left > 0) {
                long n = file.transferTo(from, left, target);
                if (n <= 0) {
                    throw new IOException("could not copy the existing data of " + path);
                }
                from += n;
                left -= n;
            }
            while (data.hasRemaining()) {
                target.write(data);
            }
            out.commit();
        }
    }
}
