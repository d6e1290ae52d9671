package org.npyfile.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.NpyWriter;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzWriteOptions;
import org.npyfile.npz.NpzWriter;

/** npyfile's readers and writers on a real in-process HDFS, against files numpy wrote and reads. */
@ExtendWith(SharedHdfs.class)
class HadoopNpyTest {

    @TempDir
    static java.nio.file.Path local;

    private static NumpyRuntime numpy;
    private static FileSystem fs;

    @BeforeAll
    static void fixtures() throws IOException {
        assumeTrue(NumpyRuntime.shared().isPresent(), NumpyRuntime.unavailableReason());
        numpy = NumpyRuntime.shared().get();
        fs = SharedHdfs.fs();
        numpy.produce("eval", local.resolve("in"), Map.of("arrays", Map.of(
                "m.npy", "(np.arange(200000).reshape(50000, 4) / 3).astype('>f8')",
                "b.npz", "{'x': np.arange(1000, dtype='<i4'), 'y': np.ones((1000, 2))}")));
        fs.mkdirs(new Path("/in"));
        fs.copyFromLocalFile(new Path(local.resolve("in/m.npy").toUri()), new Path("/in/m.npy"));
        fs.copyFromLocalFile(new Path(local.resolve("in/b.npz").toUri()), new Path("/in/b.npz"));
    }

    private static List<JsonNode> numpyOnHdfsFile(Path hdfs, String expr) throws IOException {
        java.nio.file.Path copy = Files.createTempFile(local, "copy", hdfs.getName());
        fs.copyToLocalFile(false, hdfs, new Path(copy.toUri()), true);
        JsonNode result = numpy.report("eval", List.of(copy), Map.of("expr", expr)).get(0);
        assertThat(result.has("error")).as("numpy: %s", result).isFalse();
        return List.of(result.path("value"));
    }

    @Test
    void readsTheHeaderAndARangeOfRowsByPositionalReads() throws IOException {
        Path path = new Path("/in/m.npy");
        NpyHeader header = HadoopNpy.readHeader(fs, path);
        assertThat(header.dtype().descr()).isEqualTo(">f8");
        assertThat(header.shape()).containsExactly(50000, 4);
        try (NpyReader reader = HadoopNpy.reader(fs, path)) {
            reader.seek(4 * 40000L);
            double[] row = new double[4];
            assertThat(reader.read(row, 0, 4)).isEqualTo(4);
            assertThat(row).containsExactly(160000 / 3.0, 160001 / 3.0, 160002 / 3.0, 160003 / 3.0);
            reader.seek(4);
            assertThat(reader.read(row, 0, 4)).isEqualTo(4);
            assertThat(row[0]).isEqualTo(4 / 3.0);
        }
    }

    @Test
    void opensAnArchiveAndReadsOneEntry() throws IOException {
        try (NpzFile npz = HadoopNpy.npzFile(fs, new Path("/in/b.npz"))) {
            assertThat(npz.names()).containsExactly("x", "y");
            assertThat(npz.entry("x").method()).isEqualTo(NpzEntry.Method.STORED);
            assertThat(npz.read("x").asIntArray()).hasSize(1000).startsWith(0, 1, 2).endsWith(999);
        }
    }

    @Test
    void aWriterOfKnownShapeAppearsOnlyWhenComplete() throws IOException {
        Path path = new Path("/known/known.npy");
        NpyWriter writer = HadoopNpy.writer(fs, path, NpyHeader.of(DType.INT32, 2, 3));
        writer.write(new int[] {1, 2, 3, 4, 5, 6}, 0, 6);
        assertThat(fs.exists(path)).isFalse();
        writer.close();
        assertThat(numpyOnHdfsFile(path, "[a.dtype.str, a.tolist()]").get(0).toString())
                .isEqualTo("[\"<i4\",[[1,2,3],[4,5,6]]]");

        NpyWriter incomplete = HadoopNpy.writer(fs, path, NpyHeader.of(DType.INT32, 2, 3));
        incomplete.write(new int[] {9}, 0, 1);
        assertThatThrownBy(incomplete::close).hasMessageContaining("incomplete");
        assertThat(HadoopNpy.readHeader(fs, path).shape()).containsExactly(2, 3);
        assertThat(fs.listStatus(new Path("/known"))).extracting(s -> s.getPath().getName()).containsExactly("known.npy");
    }

    @Test
    void aGrowingWriterSpillsWhereTheFileSystemCannotSeek() throws IOException {
        Path path = new Path("/out/grown.npy");
        try (NpyWriter writer = HadoopNpy.growingWriter(fs, path, local, DType.FLOAT32, 3)) {
            for (int i = 0; i < 1000; i++) {
                writer.write(new float[] {i, i + 0.5f, -i}, 0, 3);
            }
        }
        assertThat(numpyOnHdfsFile(path, "[a.shape, float(a[999, 1]), open(path, 'rb').read()[:128] == "
                + "(lambda b: (np.save(b, np.zeros((1000, 3), '<f4')), b.getvalue())[1])(__import__('io').BytesIO())[:128]]")
                .get(0).toString()).isEqualTo("[[1000,3],999.5,true]");
        try (var spills = Files.list(local)) {
            assertThat(spills.filter(p -> p.getFileName().toString().startsWith("npy-spill-"))).isEmpty();
        }
    }

    @Test
    void aGrowingWriterOnALocalFileSystemWritesInPlace() throws IOException {
        LocalFileSystem localFs = FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        Path path = new Path(local.resolve("grown-local.npy").toUri());
        try (NpyWriter writer = HadoopNpy.growingWriter(localFs, path, DType.INT64)) {
            writer.write(new long[] {5, 6, 7}, 0, 3);
        }
        assertThat(numpy.report("eval", List.of(local.resolve("grown-local.npy")), Map.of("expr", "a.tolist()"))
                .get(0).path("value").toString()).isEqualTo("[5,6,7]");
    }

    @Test
    void anArchiveAppearsOnCloseAndNotAfterAbort() throws IOException {
        Path path = new Path("/out/saved.npz");
        try (NpzWriter npz = HadoopNpy.npzWriter(fs, path, NpzWriteOptions.COMPRESSED)) {
            npz.write("a", NpyArray.of(new double[] {1, 2, 3}));
            npz.write("b", NpyArray.of(new short[] {7}, 1, 1));
        }
        assertThat(numpyOnHdfsFile(path, "{k: a[k].tolist() for k in a.files}").get(0).toString())
                .isEqualTo("{\"a\":[1.0,2.0,3.0],\"b\":[[7]]}");
        Path aborted = new Path("/out/aborted.npz");
        NpzWriter npz = HadoopNpy.npzWriter(fs, aborted, NpzWriteOptions.STORED);
        npz.write("a", NpyArray.of(new double[] {1}));
        npz.abort();
        assertThat(fs.exists(aborted)).isFalse();
    }

    @Test
    void truncatedAndMalformedFilesFailNamingTheFile() throws IOException {
        byte[] whole = Files.readAllBytes(local.resolve("in/m.npy"));
        Path truncated = new Path("/bad/truncated.npy");
        try (FSDataOutputStream out = fs.create(truncated)) {
            out.write(whole, 0, whole.length - 9);
        }
        assertThatThrownBy(() -> HadoopNpy.reader(fs, truncated)).isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(truncated.toString() + ": ")
                .hasMessageContaining("200000 elements");
        Path garbage = new Path("/bad/garbage.npz");
        try (FSDataOutputStream out = fs.create(garbage)) {
            out.write("PK not really a zip".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> HadoopNpy.npzFile(fs, garbage)).isInstanceOf(NpzFormatException.class)
                .hasMessageStartingWith(garbage.toString() + ": ");
    }
}
