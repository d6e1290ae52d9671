package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code npy info}: what a file holds, from headers only; no array data is read. */
@Command(name = "info",
        header = "Show dtype, shape, order, version and sizes, from headers only.",
        description = "Show the dtype, shape, memory order, format version and data size of .npy files, and of"
                + " every entry of .npz archives with its stored and compressed size. Reads headers only,"
                + " never array data. For an object array (Python values, which numpy stores as a pickle) the"
                + " data size is the pickle's, marked '(pickle)'.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    private boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .npy files and .npz archives.")
    private List<String> files;

    @Override
    public Integer call() throws Failure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Object> documents = new ArrayList<>();
        int code = ExitCodes.OK;
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i);
            try {
                Path file = Inputs.path(name);
                Inputs.Kind kind = Inputs.kind(file, name);
                long size = Files.size(file);
                Map<String, Object> doc = kind == Inputs.Kind.NPY ? npy(file, name, size) : npz(file, name, size);
                if (json) {
                    documents.add(doc);
                } else {
                    if (i > 0) {
                        out.println();
                    }
                    printText(out, doc);
                }
            } catch (Failure f) {
                if (f.exitCode() == ExitCodes.USAGE) {
                    throw f;
                }
                err.println("npy: " + f.getMessage());
                code = ExitCodes.ERROR;
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("file", name);
                    doc.put("error", f.getMessage());
                    documents.add(doc);
                }
            } catch (IOException e) {
                err.println("npy: " + name + ": " + Failure.reason(name, e));
                code = ExitCodes.ERROR;
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("file", name);
                    doc.put("error", name + ": " + Failure.reason(name, e));
                    documents.add(doc);
                }
            }
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("files", documents);
            out.println(Json.write(root));
        }
        out.flush();
        err.flush();
        return code;
    }

    private static Map<String, Object> npy(Path file, String name, long size) throws Failure {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", name);
        doc.put("format", "npy");
        doc.put("fileBytes", size);
        try (NpyReader reader = NpyReader.open(file, Inputs.LIMITS)) {
            NpyHeader h = reader.header();
            doc.putAll(Describe.header(h));
            if (h.dtype().hasObjects()) {
                // where the pickle ends, and what follows it, only decoding it tells
                doc.put("pickleBytes", size - h.dataOffset());
            } else {
                doc.put("trailingBytes", size - h.dataOffset() - h.dataBytes());
            }
        } catch (IOException e) {
            throw Failure.of(name, e);
        }
        return doc;
    }

    private static Map<String, Object> npz(Path file, String name, long size) throws Failure {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", name);
        doc.put("format", "npz");
        doc.put("fileBytes", size);
        List<Object> entries = new ArrayList<>();
        try (NpzFile npz = NpzFile.open(file, Inputs.NPZ_LIMITS)) {
            for (NpzEntry e : npz.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", e.key());
                m.put("name", e.name());
                m.put("method", e.method() == NpzEntry.Method.STORED ? "stored" : "deflated");
                m.put("entryBytes", e.uncompressedSize());
                m.put("compressedBytes", e.compressedSize());
                m.put("crc32", e.crc32());
                boolean npy = npz.isNpy(e.name());
                m.put("npy", npy);
                if (npy) {
                    NpyHeader h = npz.header(e.name());
                    m.putAll(Describe.header(h));
                    if (h.dtype().hasObjects()) {
                        m.put("pickleBytes", e.uncompressedSize() - h.dataOffset());
                    }
                }
                entries.add(m);
            }
        } catch (IOException e) {
            throw Failure.of(name, e);
        }
        doc.put("entries", entries);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, Map<String, Object> doc) {
        String file = (String) doc.get("file");
        if ("npy".equals(doc.get("format"))) {
            out.println(file + ": npy file, " + doc.get("fileBytes") + " bytes");
            Table table = new Table("dtype", "shape", "order", "version", ">elements", ">data bytes", ">data offset");
            table.row(str(doc.get("dtype")), shape((long[]) doc.get("shape")),
                    (Boolean) doc.get("fortranOrder") ? "Fortran" : "C", str(doc.get("version")), str(doc.get("elements")),
                    dataBytes(doc), str(doc.get("dataOffset")));
            table.lines("  ").forEach(out::println);
            long trailing = doc.containsKey("trailingBytes") ? (Long) doc.get("trailingBytes") : 0;
            if (trailing > 0) {
                out.println("  " + trailing + " bytes follow the data (numpy ignores them)");
            }
            return;
        }
        List<Object> entries = (List<Object>) doc.get("entries");
        out.println(file + ": npz archive, " + entries.size() + (entries.size() == 1 ? " entry, " : " entries, ")
                + doc.get("fileBytes") + " bytes");
        if (entries.isEmpty()) {
            return;
        }
        Table table = new Table("key", "dtype", "shape", "order", "version", ">data bytes", ">stored", ">compressed");
        for (Object o : entries) {
            Map<String, Object> e = (Map<String, Object>) o;
            long stored = (Long) e.get("entryBytes");
            String compressed = "stored".equals(e.get("method")) ? "(stored)"
                    : e.get("compressedBytes") + " (" + percent((Long) e.get("compressedBytes"), stored) + ")";
            if (!(Boolean) e.get("npy")) {
                table.row(str(e.get("key")), "(not an npy stream)", "", "", "", "", str(stored), compressed);
                continue;
            }
            table.row(str(e.get("key")), str(e.get("dtype")), shape((long[]) e.get("shape")),
                    (Boolean) e.get("fortranOrder") ? "Fortran" : "C", str(e.get("version")),
                    dataBytes(e), str(stored), compressed);
        }
        table.lines("  ").forEach(out::println);
    }

    /** The data size: the header's, or for an object array its pickle's, marked as such. */
    private static String dataBytes(Map<String, Object> header) {
        return header.containsKey("pickleBytes") ? header.get("pickleBytes") + " (pickle)" : str(header.get("dataBytes"));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }

    private static String shape(long[] shape) {
        return org.npyfile.cli.repr.PythonText.tuple(shape);
    }
}
