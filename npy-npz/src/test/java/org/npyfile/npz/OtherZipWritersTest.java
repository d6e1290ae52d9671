package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npyfile.NpyArray;

/**
 * Archives that ZIP writers other than CPython's lay out their own way (data descriptors with and
 * without ZIP64 sizes, ZIP64 extra fields in both headers, ZIP64 end records, no extra fields at all)
 * read the same through both readers: the records are parsed by this module alone, so another
 * writer's choices are the test.
 */
class OtherZipWritersTest {

    @TempDir
    Path dir;

    private static Map<String, NpyArray> arrays() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("weights", NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        m.put("labels", NpyArray.of(new int[] {7, 8, 9}));
        m.put("empty", NpyArray.of(new float[0], 0));
        return m;
    }

    private void readsBackInBothModes(byte[] archive) throws IOException {
        Path file = Files.write(dir.resolve("other.npz"), archive);
        assertThat(Npz.read(file)).containsExactlyEntriesOf(arrays());
        assertThat(Archives.readStreaming(archive)).containsExactlyEntriesOf(arrays());
        try (NpzFile npz = NpzFile.open(file)) {
            for (String key : npz.names()) {
                npz.verify(key);
            }
        }
    }

    @Test
    void javaUtilZipStoredAndDeflatedWithDataDescriptors() throws IOException {
        for (int method : new int[] {ZipEntry.STORED, ZipEntry.DEFLATED}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : arrays().entrySet()) {
                    byte[] npy = RawZip.npy(e.getValue());
                    ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                    entry.setMethod(method);
                    if (method == ZipEntry.STORED) { // a stream cannot patch: sizes up front
                        entry.setSize(npy.length);
                        entry.setCompressedSize(npy.length);
                        entry.setCrc(RawZip.crc(npy));
                    }
                    zip.putNextEntry(entry);
                    zip.write(npy);
                    zip.closeEntry();
                }
            }
            readsBackInBothModes(out.toByteArray());
        }
    }

    @Test
    void commonsCompressToAFileAndToAStreamWithAndWithoutZip64() throws IOException {
        for (Zip64Mode mode : List.of(Zip64Mode.AsNeeded, Zip64Mode.Always)) {
            for (int method : new int[] {ZipArchiveEntry.STORED, ZipArchiveEntry.DEFLATED}) {
                Path file = dir.resolve("cc.zip");
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
                    fill(zip, mode, method);
                }
                readsBackInBothModes(Files.readAllBytes(file));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream((OutputStream) out)) {
                    fill(zip, mode, method);
                }
                readsBackInBothModes(out.toByteArray());
            }
        }
    }

    private static void fill(ZipArchiveOutputStream zip, Zip64Mode mode, int method) throws IOException {
        zip.setUseZip64(mode);
        for (var e : arrays().entrySet()) {
            byte[] npy = RawZip.npy(e.getValue());
            ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey() + ".npy");
            entry.setMethod(method);
            if (method == ZipArchiveEntry.STORED) {
                entry.setSize(npy.length);
                entry.setCrc(RawZip.crc(npy));
            }
            zip.putArchiveEntry(entry);
            zip.write(npy);
            zip.closeArchiveEntry();
        }
    }
}
