package org.npyfile;

import static org.npyfile.RawNpy.dict;
import static org.npyfile.RawNpy.npy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The malformed-input corpus: one case per rule of the format, each built from a valid file by a
 * program (never a hand-edited binary) and paired with the exception it must raise and a phrase
 * its message must contain. {@link #main} writes it to a directory, for fuzzers and other readers.
 */
final class MalformedCorpus {

    /**
     * A bad input, the exception it must raise, and a phrase naming the problem. From a stream of
     * unknown length some defects surface as another exception (a terabyte shape can only be
     * refused by the in-memory limit there): {@code streamType} says which.
     */
    record Case(String name, byte[] bytes, NpyLimits limits, Class<? extends NpyException> type, String phrase,
            Class<? extends NpyException> streamType) {

        Case(String name, byte[] bytes, NpyLimits limits, Class<? extends NpyException> type, String phrase) {
            this(name, bytes, limits, type, phrase, type);
        }

        Case fromStreamAs(Class<? extends NpyException> other) {
            return new Case(name, bytes, limits, type, phrase, other);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private MalformedCorpus() {
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        byte[] good = Npy.toBytes(NpyArray.of(new float[] {1, 2, 3, 4, 5, 6, 7}));
        NpyLimits defaults = NpyLimits.DEFAULT;

        c.add(bad("magic-0x92", patch(good, 0, 0x92), NpyFormatException.class, "\\x92NUMPY"));
        c.add(bad("magic-nul", patch(good, 0, 0x00), NpyFormatException.class, "magic"));
        c.add(bad("magic-lowercase", patch(good, 1, 'n', 'u', 'm', 'p', 'y'), NpyFormatException.class, "magic"));
        c.add(bad("magic-matlab", patch(good, 1, 'M', 'A', 'T', 'L', 'B'), NpyFormatException.class, "MATLB"));
        c.add(bad("empty", new byte[0], NpyFormatException.class, "empty input"));
        c.add(bad("magic-short", Arrays.copyOf(good, 5), NpyFormatException.class, "after 5 bytes"));
        for (int[] v : new int[][] {{1, 1}, {0, 0}, {0, 1}, {2, 2}, {4, 0}, {255, 255}}) {
            c.add(bad("version-" + v[0] + "." + v[1], patch(good, 6, v[0], v[1]), NpyFormatException.class,
                    "found " + v[0] + "." + v[1]));
        }
        c.add(bad("length-field-short", Arrays.copyOf(good, 9), NpyFormatException.class, "header length field"));
        c.add(bad("header-past-end", Arrays.copyOf(good, 100), NpyFormatException.class, "118 bytes of header text"));
        c.add(bad("header-over-limit", npy(dict("'<f4'", "False", "(1,)") + " ".repeat(10_000), new byte[4]),
                NpyLimitException.class, "limit of 10000"));
        c.add(new Case("header-v3-4gib-raised-limit", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 3, 0, 0, 0, 0, -16},
                defaults.withMaxHeaderBytes(Integer.MAX_VALUE), NpyFormatException.class, "4026531840 bytes of header text")
                .fromStreamAs(NpyLimitException.class));
        c.add(new Case("header-v2-2gib-raised-limit-short-input", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0,
            0, -1, -1, 127, '{'}, defaults.withMaxHeaderBytes(Integer.MAX_VALUE), NpyFormatException.class,
                "header text"));
        c.add(bad("header-v2-4gib", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1},
                NpyLimitException.class, "4294967295"));
        c.add(bad("header-import", header("{'descr': __import__('os').system('x'), 'fortran_order': False, 'shape': (1,)}"),
                NpyFormatException.class, "never evaluated"));
        c.add(bad("header-arithmetic", header("{'descr': '<f4', 'fortran_order': False, 'shape': (1+2,)}"),
                NpyFormatException.class, "Python literal"));
        c.add(bad("header-lowercase-false", header(dict("'<f4'", "false", "(7,)")), NpyFormatException.class,
                "'false'"));
        c.add(bad("header-unclosed-dict", header("{'descr': '<f4', 'fortran_order': False, 'shape': (7,)"),
                NpyFormatException.class, "end of the header"));
        c.add(bad("header-unclosed-string", header("{'descr': '<f4}"),
                NpyFormatException.class, "string to close"));
        c.add(bad("header-nul", header("{'descr': '<f4',\u0000 'fortran_order': False, 'shape': (7,)}"),
                NpyFormatException.class, "\\x00"));
        c.add(bad("header-latin1-outside-string", header("{'descr': '<f4', \u00e9'fortran_order': False, 'shape': (7,)}"),
                NpyFormatException.class, "never evaluated"));
        c.add(bad("header-v3-invalid-utf8", patch(npy(3, dict("'<f4'", "False", "(7,)"), new byte[28]), 14, 0xC3),
                NpyFormatException.class, "UTF-8"));
        c.add(bad("header-v3-long-suffix", npy(3, dict("'<f4'", "False", "(7L,)"), new byte[28]),
                NpyFormatException.class, "'L' suffix"));
        c.add(bad("header-deep-nesting", header("(".repeat(3000) + ")".repeat(3000)), NpyFormatException.class,
                "nested"));
        c.add(bad("header-not-a-dict", header("['<f4', False, (7,)]"), NpyFormatException.class, "header dict"));
        c.add(bad("keys-missing", header("{'descr': '<f4', 'shape': (7,)}"), NpyFormatException.class,
                "exactly the keys"));
        c.add(bad("keys-extra", header("{'descr': '<f4', 'fortran_order': False, 'shape': (7,), 'x': 1}"),
                NpyFormatException.class, "'x'"));
        c.add(bad("keys-not-str", header("{'descr': '<f4', 'fortran_order': False, 'shape': (7,), 1: 1}"),
                NpyFormatException.class, "exactly the keys"));
        c.add(bad("shape-list", header(dict("'<f4'", "False", "[7]")), NpyFormatException.class, "tuple of ints"));
        c.add(bad("shape-float", header(dict("'<f4'", "False", "(7.0,)")), NpyFormatException.class, "7.0"));
        c.add(bad("shape-str", header(dict("'<f4'", "False", "('7',)")), NpyFormatException.class, "tuple of ints"));
        // numpy's header check accepts True (a bool is an int in Python), then fails making the array.
        c.add(bad("shape-bool", header(dict("'<f4'", "False", "(True, 4)")), NpyFormatException.class, "the item True"));
        c.add(bad("shape-negative", header(dict("'<f4'", "False", "(-1,)")), NpyFormatException.class,
                "non-negative dimensions"));
        c.add(bad("shape-negative-pair", header(dict("'<f4'", "False", "(-2, -3)")), NpyFormatException.class,
                "non-negative dimensions"));
        c.add(bad("shape-product-overflows", header(dict("'<f8'", "False", "(4294967296, 4294967296)")),
                NpyFormatException.class, "64-bit byte count"));
        c.add(bad("shape-dim-over-int64", header(dict("'<f8'", "False", "(18446744073709551616,)")),
                NpyFormatException.class, "signed 64-bit integer"));
        c.add(bad("shape-terabyte", header(dict("'<f8'", "False", "(137438953472,)")), NpyFormatException.class,
                "137438953472 elements").fromStreamAs(NpyLimitException.class));
        c.add(bad("fortran-int", header(dict("'<f4'", "0", "(7,)")), NpyFormatException.class, "True or False"));
        c.add(bad("fortran-none", header(dict("'<f4'", "None", "(7,)")), NpyFormatException.class, "True or False"));
        c.add(bad("descr-invalid-size", header(dict("'<f3'", "False", "(7,)")), NpyFormatException.class,
                "valid dtype descr"));
        c.add(bad("descr-garbage", header(dict("'hello'", "False", "(7,)")), NpyFormatException.class,
                "valid dtype descr"));
        c.add(bad("descr-int", header(dict("4", "False", "(7,)")), NpyFormatException.class, "valid dtype descr"));
        c.add(bad("descr-bad-unit", header(dict("'<M8[fortnight]'", "False", "(7,)")), NpyFormatException.class,
                "fortnight"));
        c.add(bad("descr-object", header(dict("'|O'", "False", "(7,)")), NpyLimitException.class,
                "withObjectArrays(true)"));
        c.add(bad("record-duplicate-field", header(dict("[('x', '<f4'), ('x', '<f4')]", "False", "(7,)")),
                NpyFormatException.class, "more than once"));
        c.add(bad("record-object-field", header(dict("[('x', '<f4'), ('o', '|O')]", "False", "(7,)")),
                NpyLimitException.class, "('o', '|O')"));
        c.add(bad("record-bad-entry", header(dict("[('x',)]", "False", "(7,)")), NpyFormatException.class,
                "(name, descr)"));
        c.add(bad("record-negative-subarray", header(dict("[('x', '<f4', (-1,))]", "False", "(7,)")),
                NpyFormatException.class, "sub-array"));
        c.add(bad("string-2gb-item-no-data", npy(dict("'<U524886661'", "False", "(1,)"), new byte[0]),
                NpyFormatException.class, "only 0 elements"));
        c.add(bad("data-truncated", Arrays.copyOf(good, good.length - 1), NpyFormatException.class,
                "only 6 elements (27 bytes)"));
        c.add(bad("data-missing", Arrays.copyOf(good, 128), NpyFormatException.class, "only 0 elements"));
        c.add(new Case("data-trailing-strict", Arrays.copyOf(good, good.length + 1),
                defaults.withMaxTrailingBytes(0), NpyFormatException.class, "after the array's data"));
        c.add(new Case("array-over-limit", good, defaults.withMaxArrayBytes(27), NpyLimitException.class,
                "in-memory limit of 27"));
        return c;
    }

    /** Writes every case to {@code args[0]} as {@code <name>.npy}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Case c : cases()) {
            Files.write(dir.resolve(c.name() + ".npy"), c.bytes());
        }
    }

    private static Case bad(String name, byte[] bytes, Class<? extends NpyException> type, String phrase) {
        return new Case(name, bytes, NpyLimits.DEFAULT, type, phrase);
    }

    /** A version 1.0 file with this header text and 28 data bytes (seven float32). */
    private static byte[] header(String text) {
        return npy(text + "\n", new byte[28]);
    }

    private static byte[] patch(byte[] bytes, int at, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[at + i] = (byte) values[i];
        }
        return copy;
    }
}
