package org.npyfile.spark.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npyfile.DType;

/**
 * One leaf of a written column (a number, a string, ...) spilled to a local temporary file while a task
 * receives its rows, since a {@code .npy} header needs the row count (and a string dtype its longest
 * value) before the first data byte. Fixed-width values are spilled in their final little-endian form;
 * strings as lengths and UTF-8, turned into numpy's fixed width when the file is assembled.
 */
final class LeafSpill implements Closeable {

    /** The leaf's dtype, or null for a string or byte string whose width is known only at the end. */
    private final DType fixed;
    private final boolean unicode;
    private final Path file;
    private final DataOutputStream out;
    private final ByteBuffer element;
    private int longest;
    private long count;

    private LeafSpill(DType fixed, boolean unicode, Path directory) throws IOException {
        this.fixed = fixed;
        this.unicode = unicode;
        this.file = Files.createTempFile(directory, "npy-column-", ".spill");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        this.element = ByteBuffer.allocate(fixed == null ? 0 : fixed.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A spill of fixed-width values of a dtype. */
    static LeafSpill fixed(DType dtype, Path directory) throws IOException {
        return new LeafSpill(dtype, false, directory);
    }

    /** A spill of strings ({@code U}) or byte strings ({@code S}). */
    static LeafSpill strings(boolean unicode, Path directory) throws IOException {
        return new LeafSpill(null, unicode, directory);
    }

    /** The element buffer to fill with one fixed-width value, then {@link #commitElement()}. */
    ByteBuffer element() {
        return element.clear();
    }

    void commitElement() throws IOException {
        out.write(element.array(), 0, element.capacity());
        count++;
    }

    /** Spills a string as UTF-8; its width in code points counts towards the dtype. */
    void putString(byte[] utf8, int codePoints) throws IOException {
        out.writeInt(utf8.length);
        out.write(utf8);
        longest = Math.max(longest, codePoints);
        count++;
    }

    /** Spills a byte string; its length counts towards the dtype. */
    void putBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
        longest = Math.max(longest, bytes.length);
        count++;
    }

    boolean isFixed() {
        return fixed != null;
    }

    /** The leaf's final dtype: for strings the longest value's width, at least 1 as numpy gives. */
    DType dtype() {
        if (fixed != null) {
            return fixed;
        }
        return unicode ? DType.unicode(Math.max(1, longest)) : DType.bytes(Math.max(1, longest));
    }

    /** Ends the spill and opens it for reading in the order written. */
    Reader reader() throws IOException {
        out.close();
        return new Reader(new BufferedInputStream(Files.newInputStream(file), 1 << 20), dtype());
    }

    /** Reads a spill back, element by element in the final encoding, or in raw blocks for fixed widths. */
    final class Reader implements Closeable {
        private final DataInputStream in;
        private final DType dtype;
        private byte[] text = new byte[64];

        Reader(InputStream in, DType dtype) {
            this.in = new DataInputStream(in);
            this.dtype = dtype;
        }

        /** Copies the next element's final bytes into {@code dst} at its position. */
        void next(ByteBuffer dst) throws IOException {
            if (fixed != null) {
                in.readFully(dst.array(), dst.arrayOffset() + dst.position(), fixed.itemSize());
                dst.position(dst.position() + fixed.itemSize());
                return;
            }
            int length = in.readInt();
            if (text.length < length) {
                text = new byte[Math.max(length, text.length * 2)];
            }
            in.readFully(text, 0, length);
            int start = dst.position();
            int width = dtype.itemSize();
            if (unicode) {
                String s = new String(text, 0, length, StandardCharsets.UTF_8);
                ByteBuffer le = dst.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                s.codePoints().forEach(le::putInt);
            } else {
                dst.put(text, 0, length);
            }
            dst.position(start + width);
        }

        /** Reads up to {@code max} raw bytes of a fixed-width spill; 0 at the end. */
        int block(byte[] dst, int max) throws IOException {
            return in.readNBytes(dst, 0, max);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
