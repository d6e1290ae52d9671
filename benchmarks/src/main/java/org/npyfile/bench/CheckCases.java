package org.npyfile.bench;

import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Runs every benchmark method once, outside JMH, and checks what it returns before anything is
 * timed: reads against {@code make_data.py}'s checksums; writes are left in an output folder for
 * numpy to check ({@code report.py verify}). A case whose result is wrong is reported, not timed.
 *
 * <p>Usage: {@code CheckCases DATA_DIR OUT_DIR}. Writes {@code OUT_DIR/checks.properties}, one line
 * per benchmark ({@code Class.method}): {@code ok}, {@code written <file>}, {@code wrong <why>} or
 * {@code error <exception>}. Also finds benchmark classes compiled in from the optional source folders.
 */
public final class CheckCases {

    /** Benchmark classes, main source folder first; optional ones are looked up by name. */
    private static final List<String> CLASSES = List.of(
            "NpyfileBench", "NpyfileMappedBench", "NpyfileNpzBench", "JdkBaselineBench",
            "JetBrainsBench", "OpenLcaBench", "DjlBench");

    private final Inputs inputs;
    private final Map<Class<?>, Object> states = new LinkedHashMap<>();

    private CheckCases(Inputs inputs) {
        this.inputs = inputs;
        states.put(Inputs.class, inputs);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CheckCases DATA_DIR OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(out);
        Inputs inputs = new Inputs();
        inputs.dataDir = args[0];
        inputs.redirectOutputs(out);
        inputs.open();

        CheckCases check = new CheckCases(inputs);
        Map<String, String> results = new LinkedHashMap<>();
        for (String name : CLASSES) {
            Class<?> type;
            try {
                type = Class.forName(CheckCases.class.getPackageName() + "." + name);
            } catch (ClassNotFoundException e) {
                continue; // an optional source folder that was not compiled in
            }
            results.putAll(check.run(type));
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("checks.properties"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : results.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace("\n", " ") + "\n");
                System.out.printf("  %-40s %s%n", e.getKey(), e.getValue());
            }
        }
    }

    private Map<String, String> run(Class<?> type) throws ReflectiveOperationException {
        Object bench = type.getConstructor().newInstance();
        Map<String, String> results = new LinkedHashMap<>();
        for (Method setup : annotated(type, Setup.class)) {
            setup.invoke(bench, arguments(setup));
        }
        for (Method m : annotated(type, Benchmark.class)) {
            String key = type.getSimpleName() + "." + m.getName();
            try {
                results.put(key, judge(m.getName(), m.invoke(bench, arguments(m))));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                results.put(key, "error " + cause.getClass().getName() + ": " + cause.getMessage());
            }
        }
        return results;
    }

    private String judge(String kase, Object result) {
        if (result instanceof Path written) {
            return "written " + written;
        }
        if (result instanceof ByteBuffer bytes) {
            float[] values = new float[bytes.remaining() / Float.BYTES];
            bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            result = values;
        }
        if (result instanceof float[] values) {
            String key = kase.equals("npzDeflateOne") ? "deflateOne" : "main";
            return compare(key, values);
        }
        if (result instanceof float[][] entries) {
            String[] names = inputs.manyNames();
            if (entries.length != names.length) {
                return "wrong " + entries.length + " entries, expected " + names.length;
            }
            for (int i = 0; i < names.length; i++) {
                String verdict = compare("deflateMany." + names[i], entries[i]);
                if (!verdict.equals("ok")) {
                    return verdict + " (entry " + names[i] + ")";
                }
            }
            return "ok";
        }
        return "wrong unexpected result " + result;
    }

    private String compare(String key, float[] values) {
        long expected = inputs.checksum(key);
        long found = Checksums.of(values);
        if (found != expected) {
            return "wrong values: checksum " + Long.toUnsignedString(found) + ", expected "
                    + Long.toUnsignedString(expected) + " (" + values.length + " values)";
        }
        return "ok";
    }

    /** The state objects a setup or benchmark method takes, made and set up once each. */
    private Object[] arguments(Method m) throws ReflectiveOperationException {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = state(types[i]);
        }
        return args;
    }

    private Object state(Class<?> type) throws ReflectiveOperationException {
        Object existing = states.get(type);
        if (existing != null) {
            return existing;
        }
        Object made = type.getConstructor().newInstance();
        for (Method setup : annotated(type, Setup.class)) {
            setup.invoke(made, arguments(setup));
        }
        states.put(type, made);
        return made;
    }

    private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
        List<Method> found = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(a)) {
                found.add(m);
            }
        }
        found.sort(Comparator.comparing(Method::getName));
        return found;
    }
}
