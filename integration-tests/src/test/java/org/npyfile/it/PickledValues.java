package org.npyfile.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.npyfile.internal.pickle.NumpyDType;
import org.npyfile.internal.pickle.PickledArray;
import org.npyfile.python.PyComplex;
import org.npyfile.python.PyFraction;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.python.PyGlobal;
import org.npyfile.python.PyInstance;
import org.npyfile.python.PyRange;
import org.npyfile.python.PySlice;
import org.npyfile.python.PyTuple;

/**
 * The pickle reader's values in the tagged JSON form of numpy_fixtures.py's {@code describe_object},
 * and the pickle inside a {@code .npy} file or each {@code .npz} member, so that a test compares
 * what Java read with what {@code numpy.load(..., allow_pickle=True)} gave, value by value.
 */
final class PickledValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private PickledValues() {
    }

    /** The data section of a .npy stream, where numpy writes the pickle, and its offset. */
    record Section(ByteBuffer pickle, long offset) {
    }

    static Section dataSection(byte[] npy) {
        int major = npy[6];
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        int offset = major == 1 ? 10 + (b.getShort(8) & 0xFFFF) : 12 + b.getInt(8);
        return new Section(ByteBuffer.wrap(npy, offset, npy.length - offset), offset);
    }

    static Section dataSection(Path npy) throws IOException {
        return dataSection(Files.readAllBytes(npy));
    }

    /** Each member of an archive, by key (the name without .npy), as its bytes. */
    static Map<String, byte[]> members(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            for (Iterator<? extends ZipEntry> it = zip.entries().asIterator(); it.hasNext();) {
                ZipEntry e = it.next();
                try (var in = zip.getInputStream(e)) {
                    out.put(e.getName().replaceFirst("\\.npy$", ""), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** A value in describe_object's form. */
    static JsonNode describe(Object v) {
        ObjectNode o = JSON.objectNode();
        if (v == null) {
            o.putNull("none");
        } else if (v instanceof Boolean b) {
            o.put("bool", b);
        } else if (v instanceof Long || v instanceof BigInteger) {
            o.put("int", v.toString());
        } else if (v instanceof Double d) {
            o.put("float", bits(d));
        } else if (v instanceof String s) {
            o.put("str", s);
        } else if (v instanceof byte[] b) {
            o.put("bytes", HEX.formatHex(b));
        } else if (v instanceof PickledArray a) {
            return array(a);
        } else if (v instanceof NpyArray a) {
            return array(a);
        } else if (v instanceof DType d) {
            o.put("dtype", d.descr());
        } else if (v instanceof NumpyDType d) {
            o.put("dtype", d.descr());
        } else if (v instanceof PyTuple t) {
            o.set("tuple", all(t));
        } else if (v instanceof List<?> l) {
            o.set("list", all(l));
        } else if (v instanceof Map<?, ?> m) {
            ArrayNode pairs = JSON.arrayNode();
            m.forEach((k, x) -> pairs.add(JSON.arrayNode().add(describe(k)).add(describe(x))));
            o.set("dict", pairs);
        } else if (v instanceof Set<?> s) {
            o.set("set", all(s));
        } else if (v instanceof PyComplex c) {
            o.set("complex", JSON.arrayNode().add(bits(c.real())).add(bits(c.imag())));
        } else if (v instanceof PySlice s) {
            o.set("slice", JSON.arrayNode().add(describe(s.start())).add(describe(s.stop())).add(describe(s.step())));
        } else if (v instanceof PyRange r) {
            o.set("range", JSON.arrayNode().add(r.start().toString()).add(r.stop().toString()).add(r.step().toString()));
        } else if (v instanceof BigDecimal d) {
            o.put("decimal", d.toString());
        } else if (v instanceof PyFraction f) {
            o.set("fraction", JSON.arrayNode().add(f.numerator().toString()).add(f.denominator().toString()));
        } else if (v instanceof LocalDateTime t) {
            o.put("datetime", iso(t.toLocalDate(), t.toLocalTime(), null));
        } else if (v instanceof OffsetDateTime t) {
            o.put("datetime", iso(t.toLocalDate(), t.toLocalTime(), t.getOffset()));
        } else if (v instanceof LocalDate d) {
            o.put("date", d.toString());
        } else if (v instanceof LocalTime t) {
            o.put("time", iso(null, t, null));
        } else if (v instanceof OffsetTime t) {
            o.put("time", iso(null, t.toLocalTime(), t.getOffset()));
        } else if (v instanceof Duration d) {
            long micros = d.getSeconds() * 1_000_000 + d.getNano() / 1000;
            long days = Math.floorDiv(micros, 86_400_000_000L);
            long rest = micros - days * 86_400_000_000L;
            o.set("timedelta", JSON.arrayNode().add(days).add(rest / 1_000_000).add(rest % 1_000_000));
        } else if (v instanceof PyGlobal g) {
            o.set("global", JSON.arrayNode().add(g.module()).add(g.name()));
        } else if (v instanceof PyInstance i) {
            o.set("instance", JSON.arrayNode().add(i.type().module()).add(i.type().name()));
            o.set("state", i.state() == null ? JSON.nullNode() : describe(i.state()));
        } else {
            throw new IllegalArgumentException("no description for " + v.getClass());
        }
        return o;
    }

    private static JsonNode array(PickledArray a) {
        ObjectNode body = JSON.objectNode();
        body.put("descr", a.descr());
        if (a.scalar()) {
            body.put("data", HEX.formatHex(a.data()));
            return JSON.objectNode().set("scalar", body);
        }
        ArrayNode shape = body.putArray("shape");
        for (long d : a.shape()) {
            shape.add(d);
        }
        body.set("subclass", a.subclass() == null ? JSON.nullNode()
                : JSON.arrayNode().add(a.subclass().module()).add(a.subclass().name()));
        if (a.holdsObjects()) {
            body.set("objects", all(a.objects()));
        } else {
            body.put("fortran", a.fortranOrder());
            body.put("data", HEX.formatHex(a.data()));
        }
        return JSON.objectNode().set("ndarray", body);
    }

    /** A public array as the pickle reader's array of the same content would be described. */
    private static JsonNode array(NpyArray a) {
        ObjectNode body = JSON.objectNode();
        body.put("descr", a.dtype().descr());
        ArrayNode shape = body.putArray("shape");
        for (long d : a.shape()) {
            shape.add(d);
        }
        body.set("subclass", JSON.nullNode());
        if (a.dtype().hasObjects()) {
            body.set("objects", all(java.util.Arrays.asList(a.asObjectArray())));
        } else {
            body.put("fortran", a.fortranOrder());
            ByteBuffer data = a.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            body.put("data", HEX.formatHex(bytes));
        }
        return JSON.objectNode().set("ndarray", body);
    }

    /**
     * {@link #normalize} and, beyond it, what the public API does not keep: a numpy scalar is a 0-d
     * array, an ndarray subclass's name is dropped, and a Fortran flag counts only where the
     * layouts differ (as numpy records it in a header).
     */
    static JsonNode normalizePublic(JsonNode node) {
        JsonNode n = normalize(node);
        return publicForm(n);
    }

    private static JsonNode publicForm(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(n -> out.add(publicForm(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.has("scalar")) {
            JsonNode s = node.get("scalar");
            ObjectNode body = JSON.objectNode();
            body.put("descr", s.path("descr").asText());
            body.putArray("shape");
            body.set("subclass", JSON.nullNode());
            body.put("fortran", false);
            body.set("data", s.get("data"));
            return JSON.objectNode().set("ndarray", body);
        }
        ObjectNode out = JSON.objectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), publicForm(e.getValue())));
        if (node.has("ndarray")) {
            ObjectNode body = (ObjectNode) out.get("ndarray");
            body.set("subclass", JSON.nullNode());
            if (body.has("fortran")) {
                int larger = 0;
                boolean empty = false;
                for (JsonNode d : body.path("shape")) {
                    larger += d.asLong() > 1 ? 1 : 0;
                    empty |= d.asLong() == 0;
                }
                body.put("fortran", body.path("fortran").asBoolean() && larger > 1 && !empty);
            }
        }
        return out;
    }

    private static ArrayNode all(Iterable<?> items) {
        ArrayNode out = JSON.arrayNode();
        for (Object x : items) {
            out.add(describe(x));
        }
        return out;
    }

    private static String bits(double d) {
        return String.format("%016x", Double.doubleToRawLongBits(d));
    }

    /** Python's isoformat: seconds always, microseconds when not 0, the offset as +HH:MM[:SS]. */
    private static String iso(LocalDate date, LocalTime time, ZoneOffset offset) {
        StringBuilder s = new StringBuilder();
        if (date != null) {
            s.append(date).append('T');
        }
        s.append(String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond()));
        if (time.getNano() != 0) {
            s.append(String.format(".%06d", time.getNano() / 1000));
        }
        if (offset != null) {
            int total = offset.getTotalSeconds();
            int abs = Math.abs(total);
            s.append(total < 0 ? '-' : '+').append(String.format("%02d:%02d", abs / 3600, abs / 60 % 60));
            if (abs % 60 != 0) {
                s.append(String.format(":%02d", abs % 60));
            }
        }
        return s.toString();
    }

    /**
     * Folds the distinctions the Java values do not keep (documented in PickleReader): bytearray is
     * bytes, deque is a list, OrderedDict and defaultdict are dicts, frozenset is a set; and puts set
     * elements in one order.
     */
    static JsonNode normalize(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(n -> out.add(normalize(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = switch (e.getKey()) {
                case "bytearray" -> "bytes";
                case "deque" -> "list";
                case "OrderedDict", "defaultdict" -> "dict";
                case "frozenset" -> "set";
                default -> e.getKey();
            };
            JsonNode value = normalize(e.getValue());
            if (key.equals("set")) {
                List<JsonNode> items = new ArrayList<>();
                value.forEach(items::add);
                items.sort((a, b) -> a.toString().compareTo(b.toString()));
                ArrayNode sorted = JSON.arrayNode();
                items.forEach(sorted::add);
                value = sorted;
            }
            out.set(key, value);
        }
        return out;
    }

    static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.sort(keys);
        return keys;
    }
}
