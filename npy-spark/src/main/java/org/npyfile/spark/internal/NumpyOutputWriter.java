package org.npyfile.spark.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.types.StructType;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.NpyWriter;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.npz.NpzWriter;
import org.npyfile.spark.NumpyOptions;

/**
 * Writes one task's rows as one {@code .npy} (a plain array for one column, a structured array for
 * several) or one {@code .npz} (an entry per column), as {@code numpy.save} and {@code numpy.savez}
 * write them: C order, little-endian, numpy's headers.
 *
 * <p>The rows are spilled column by column to local temporary files while they arrive, because numpy's
 * header states the row count (and a string column's width) before the data; the file is assembled on
 * {@link #close()} in one sequential write to the path Spark's commit protocol gave, so any file system
 * works, seekable or not. Memory stays at a few buffers whatever the row count.
 */
final class NumpyOutputWriter extends OutputWriter {

    /** Rows are assembled into chunks of about this many bytes. */
    private static final int CHUNK_BYTES = 4 << 20;

    private final String path;
    private final Format format;
    private final NumpyOptions options;
    private final StructType schema;
    private final Configuration conf;
    private final Path spill = Path.of(System.getProperty("java.io.tmpdir"));
    private List<WriteNode> nodes;
    private long rows;

    NumpyOutputWriter(String path, Format format, NumpyOptions options, StructType schema, Configuration conf) {
        this.path = path;
        this.format = format;
        this.options = options;
        this.schema = schema;
        this.conf = conf;
    }

    @Override
    public void write(InternalRow row) {
        try {
            if (nodes == null) {
                nodes = nodes(row);
            }
            for (int i = 0; i < nodes.size(); i++) {
                nodes.get(i).add(row, i, rows);
            }
            rows++;
        } catch (IOException e) {
            throw Scala.sneakyThrow(FileErrors.named(path, e));
        }
    }

    private List<WriteNode> nodes(InternalRow first) throws IOException {
        List<WriteNode> list = new ArrayList<>();
        try {
            for (int i = 0; i < schema.size(); i++) {
                list.add(WriteNode.of(schema.fields()[i], first, i, spill));
            }
        } catch (IOException | RuntimeException e) {
            for (WriteNode n : list) {
                n.close();
            }
            throw e;
        }
        return list;
    }

    @Override
    public void close() {
        try {
            if (nodes == null) {
                nodes = nodes(null);
            }
            for (WriteNode n : nodes) {
                n.openReaders();
            }
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = target.getFileSystem(conf);
            try (OutputStream out = fs.create(target, false)) {
                if (format == Format.NPY) {
                    writeNpy(out);
                } else {
                    writeNpz(out);
                }
            }
        } catch (IOException e) {
            throw Scala.sneakyThrow(FileErrors.named(path, e));
        } finally {
            closeNodes();
        }
    }

    private void writeNpy(OutputStream out) throws IOException {
        NpyHeader header;
        if (nodes.size() == 1) {
            WriteNode n = nodes.get(0);
            header = NpyHeader.of(n.elementDtype(), shape(rows, n.dims));
        } else {
            DType.RecordBuilder record = DType.record();
            for (WriteNode n : nodes) {
                record.field(n.name, n.elementDtype(), n.dims);
            }
            header = NpyHeader.of(record.build(), rows);
        }
        try (NpyWriter writer = NpyWriter.of(out, header)) {
            writeData(writer, header, nodes);
        }
    }

    private void writeNpz(OutputStream out) throws IOException {
        try (NpzWriter npz = NpzWriter.of(out, options.npzWriteOptions())) {
            for (WriteNode n : nodes) {
                NpyHeader header = NpyHeader.of(n.elementDtype(), shape(rows, n.dims));
                try (NpyWriter entry = npz.entry(n.name, header)) {
                    writeData(entry, header, List.of(n));
                }
            }
        }
    }

    /** Streams the spilled rows of some columns into a writer, as the header's dtype lays them out. */
    private void writeData(NpyWriter writer, NpyHeader header, List<WriteNode> columns) throws IOException {
        DType dtype = header.dtype();
        long rowBytes = rows == 0 ? 0 : header.dataBytes() / rows;
        long rowElements = rows == 0 ? 0 : header.elementCount() / rows;
        if (rowBytes == 0) {
            return;
        }
        if (columns.size() == 1 && columns.get(0).isFixedLeaf()) {
            int itemSize = dtype.itemSize();
            byte[] block = new byte[Math.max(itemSize, CHUNK_BYTES / itemSize * itemSize)];
            int n;
            while ((n = columns.get(0).block(block, block.length)) > 0) {
                writer.write(NpyArray.of(dtype, false, new long[] {n / itemSize}, ByteBuffer.wrap(block, 0, n)));
            }
            return;
        }
        boolean zero = columns.stream().anyMatch(WriteNode::hasVariableWidth);
        long perChunk = Math.max(1, CHUNK_BYTES / rowBytes);
        ByteBuffer chunk = ByteBuffer.allocate(Math.toIntExact(Math.min(rows, perChunk) * rowBytes));
        long done = 0;
        while (done < rows) {
            int k = (int) Math.min(rows - done, perChunk);
            chunk.clear();
            if (zero) {
                java.util.Arrays.fill(chunk.array(), (byte) 0);
            }
            for (int r = 0; r < k; r++) {
                for (WriteNode c : columns) {
                    c.assemble(chunk);
                }
            }
            chunk.flip();
            writer.write(NpyArray.of(dtype, false, new long[] {k * rowElements}, chunk));
            done += k;
        }
    }

    private static long[] shape(long rows, long[] dims) {
        long[] shape = new long[dims.length + 1];
        shape[0] = rows;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return shape;
    }

    private void closeNodes() {
        if (nodes != null) {
            for (WriteNode n : nodes) {
                try {
                    n.close();
                } catch (IOException ignored) {
                    // a spill file that cannot be deleted is left to the executor's temporary directory
                }
            }
        }
    }

    @Override
    public String path() {
        return path;
    }
}
