package org.npyfile.internal.pickle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyLimitException;

/**
 * The malformed- and hostile-pickle corpus: one case per rule the pickle reader enforces, each a
 * pickle written out opcode by opcode, with the exception it must raise and a phrase its message
 * must contain. {@link #main} writes the cases to a directory as seeds for fuzzers.
 */
final class HostilePickles {

    /**
     * A hostile pickle, the exception it must raise and a phrase of its message.
     *
     * @param name the case
     * @param bytes the pickle
     * @param type the exception
     * @param phrase a phrase the message contains
     */
    record Case(String name, byte[] bytes, Class<? extends NpyException> type, String phrase) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostilePickles() {
    }

    /** Latin-1 text as bytes: pickle opcodes are single bytes. */
    static byte[] p(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        Class<NpyFormatException> format = NpyFormatException.class;
        Class<NpyLimitException> limit = NpyLimitException.class;
        // Calls of globals outside the allowlist, by every calling opcode and global opcode.
        c.add(new Case("os-system-reduce", p("cos\nsystem\n(S'touch x'\ntR."), format, "a call of os.system (REDUCE)"));
        c.add(new Case("posix-system-reduce", p("\u0080\u0002cposix\nsystem\nX\u0001\u0000\u0000\u0000x\u0085R."), format,
                "a call of posix.system (REDUCE)"));
        c.add(new Case("eval-stack-global", p("\u0080\u0004\u008c\u0008builtins\u008c\u0004eval\u0093\u008c\u00031+1\u0085R."),
                format, "a call of builtins.eval"));
        c.add(new Case("py2-eval-mapped", p("c__builtin__\neval\n(S'1'\ntR."), format, "a call of builtins.eval"));
        c.add(new Case("popen-inst", p("(S'ls'\nisubprocess\nPopen\n."), format, "a call of subprocess.Popen (INST)"));
        c.add(new Case("system-obj", p("(cos\nsystem\nS'x'\no."), format, "a call of os.system (OBJ)"));
        c.add(new Case("getattr-chain", p("cbuiltins\ngetattr\n(cbuiltins\nobject\nS'__subclasses__'\ntR)R."), format,
                "a call of builtins.getattr"));
        c.add(new Case("call-inside-array", p("\u0080\u0002]q\u0000(NNcos\nsystem\nS'x'\n\u0085Re."), format,
                "a call of os.system"));
        c.add(new Case("reduce-of-a-list", p("](tR."), format, "a global to call"));
        c.add(new Case("newobj-of-a-str", p("\u0080\u0002X\u0001\u0000\u0000\u0000x)\u0081."), format, "a class to instantiate"));
        c.add(new Case("persistent-id", p("Pid\n."), format, "persistent id"));
        c.add(new Case("binpersid", p("N Q."), format, "opcode 0x20"));
        c.add(new Case("extension-code", p("\u0080\u0002\u0082\u0001."), format, "EXT1"));
        c.add(new Case("out-of-band-buffer", p("\u0080\u0005\u0097."), format, "NEXT_BUFFER"));
        c.add(new Case("unknown-opcode", p("\u00ff."), format, "the byte 0xff"));
        c.add(new Case("protocol-6", p("\u0080\u0006N."), format, "at most 5"));
        c.add(new Case("build-on-a-list", p("]Nb."), format, "to BUILD"));
        c.add(new Case("object-dtype-scalar", p("cnumpy.core.multiarray\nscalar\n(cnumpy\ndtype\n(S'O8'\ntRtR."), format,
                "object"));
        // Lengths the input cannot hold: refused before anything is allocated.
        c.add(new Case("empty", new byte[0], format, "a pickle"));
        c.add(new Case("no-stop", p("\u0080\u0004N"), format, "the end of the pickle"));
        c.add(new Case("binunicode-2gib", p("X\u00ff\u00ff\u00ff\u007fabc."), format, "2147483647 declared by BINUNICODE"));
        c.add(new Case("binbytes8-huge", p("\u008e\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ffab."), format,
                "18446744073709551615 declared by BINBYTES8"));
        c.add(new Case("bytearray8-past-end", p("\u0096\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0000."), format,
                "declared by BYTEARRAY8"));
        c.add(new Case("binstring-negative", p("T\u00ff\u00ff\u00ff\u00ffab."), format, "declared by BINSTRING"));
        c.add(new Case("long4-negative", p("\u008b\u00ff\u00ff\u00ff\u00ff."), format, "non-negative byte count"));
        c.add(new Case("frame-past-end", p("\u0080\u0004\u0095\u0000\u0000\u0000\u0000\u0001\u0000\u0000\u0000N."), format,
                "a frame of at most"));
        c.add(new Case("short-binbytes-past-end", p("C\u00c8ab"), format, "200 declared by SHORT_BINBYTES"));
        c.add(new Case("line-without-newline", p("I12"), format, "a line ending in"));
        // The stack and the memo.
        c.add(new Case("append-to-nothing", p("a."), format, "an empty stack"));
        c.add(new Case("tuple-without-mark", p("Nt."), format, "a MARK before TUPLE"));
        c.add(new Case("pop-across-mark", p("N(a."), format, "a MARK"));
        c.add(new Case("get-unknown-memo", p("h\u0007."), format, "a memo index that was stored"));
        c.add(new Case("put-huge-index", p("Nr\u00ff\u00ff\u00ff\u00ff."), limit, "memo index 4294967295"));
        c.add(new Case("stack-global-not-str", p("\u0080\u0004K\u0001K\u0002\u0093."), format, "a str module and name"));
        // Structures a Java value cannot be, and bounds.
        c.add(new Case("list-contains-itself", p("\u0080\u0002]q\u0000h\u0000a."), format, "contains itself"));
        c.add(new Case("dict-contains-itself", p("\u0080\u0002}q\u0000X\u0001\u0000\u0000\u0000kh\u0000s."), format,
                "contains itself"));
        c.add(new Case("array-contains-itself", p("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\n"
                + "K\u0000\u0085U\u0001b\u0087Rq\u0000(K\u0001K\u0001\u0085cnumpy\ndtype\nU\u0002O8\u0089\u0088\u0087R"
                + "\u0089]h\u0000atb."), format, "contains itself"));
        c.add(new Case("nested-10000-deep", p("]".repeat(10_000) + "a".repeat(9_999) + "."), limit, "nest deeper"));
        c.add(new Case("billion-laughs", laughs(40), limit, "counting shared references again"));
        c.add(new Case("unhashable-key", p("}]Ns."), format, "hashable"));
        c.add(new Case("unhashable-set-element", p("\u0080\u0004\u008f(]\u0090."), format, "hashable"));
        c.add(new Case("int-5000-digits", p("I" + "7".repeat(5000) + "\n."), format, "at most 4300 digits"));
        c.add(new Case("decimal-10000-digits", p("cdecimal\nDecimal\n(V" + "1".repeat(10_000) + "\ntR."), format,
                "at most 5000 characters"));
        c.add(new Case("encode-amplification", amplification(), limit, "the values' bytes reached the limit"));
        c.add(new Case("py2-str-not-ascii", p("U\u0001\u00e4."), format, "0xe4"));
        c.add(new Case("invalid-utf8", p("X\u0002\u0000\u0000\u0000\u00c3(."), format, "UTF-8"));
        // numpy's state rules.
        c.add(new Case("array-data-short", array("K\u0003\u0085", "f8", "U\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"),
                format, "24 bytes of data"));
        c.add(new Case("array-negative-dimension", array("J\u00ff\u00ff\u00ff\u00ff\u0085", "f8", "U\u0000"), format,
                "non-negative ints"));
        c.add(new Case("array-objects-short", array("K\u0003\u0085", "O8", "](NNe"), format, "3 elements"));
        c.add(new Case("array-shape-overflow", array("\u008a\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0040"
                + "\u008a\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0040\u0086", "f8", "U\u0000"), format,
                "fits in 64 bits"));
        c.add(new Case("dtype-bad-typestring", p("cnumpy\ndtype\n(S'f3'\ntR."), format, "a numpy type string"));
        c.add(new Case("dtype-state-version-9", p("cnumpy\ndtype\n(S'f8'\ntR(K\tU\u0001<NNNJ\u00ff\u00ff\u00ff\u00ff"
                + "J\u00ff\u00ff\u00ff\u00ffK\u0000tb."), format, "version"));
        c.add(new Case("dtype-fields-not-a-dict", p("cnumpy\ndtype\n(S'V8'\ntR(K\u0003U\u0001|N(U\u0001xtK\u0005"
                + "K\u0008J\u00ff\u00ff\u00ff\u00ffK\u0010tb."), format, "the dtype's fields as a dict"));
        c.add(new Case("date-state-not-bytes", p("cdatetime\ndate\n(K\u0005tR."), format, "bytes as a date state"));
        return c;
    }

    /** A 1-D ndarray pickle (protocol 2) with this shape tuple, dtype type string and data opcodes. */
    private static byte[] array(String shapeOps, String typestr, String dataOps) {
        return p("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\u0000\u0085U\u0001b\u0087R"
                + "(K\u0001" + shapeOps + "cnumpy\ndtype\nU" + (char) typestr.length() + typestr + "\u0089\u0088\u0087R"
                + "(K\u0003U\u0001<NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\u0000tb"
                + "\u0089" + dataOps + "tb.");
    }

    /** L0 = [None, None]; L(k+1) = [Lk, Lk]: a few bytes per level, 2^levels values when walked. */
    static byte[] laughs(int levels) {
        StringBuilder s = new StringBuilder("\u0080\u0002](NNeq\u0000");
        for (int k = 0; k < levels; k++) {
            s.append("](h").append((char) k).append('h').append((char) k).append("eq").append((char) (k + 1));
        }
        return p(s.append('.').toString());
    }

    /** One 60,000-character str, encoded to bytes a hundred times through the memo. */
    private static byte[] amplification() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(p("\u0080\u0002c_codecs\nencode\nq\u0000X"));
        int n = 60_000;
        out.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), 0, 0});
        out.writeBytes(p("x".repeat(n)));
        out.writeBytes(p("q\u0001X\u0006\u0000\u0000\u0000latin1q\u0002(N"));
        for (int i = 0; i < 100; i++) {
            out.writeBytes(p("h\u0000h\u0001h\u0002\u0086R"));
        }
        out.writeBytes(p("l."));
        return out.toByteArray();
    }

    /** Writes every case to {@code args[0]} as {@code <name>.pickle}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Case k : cases()) {
            Files.write(dir.resolve(k.name() + ".pickle"), k.bytes());
        }
    }
}
