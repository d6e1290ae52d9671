package org.npyfile.internal.pickle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyLimitException;
import org.npyfile.internal.pickle.Nodes.ArrayNode;
import org.npyfile.internal.pickle.Nodes.DTypeNode;
import org.npyfile.internal.pickle.Nodes.DictNode;
import org.npyfile.internal.pickle.Nodes.InstanceNode;
import org.npyfile.internal.pickle.Nodes.ListNode;
import org.npyfile.internal.pickle.Nodes.SetNode;
import org.npyfile.internal.pickle.Nodes.TupleNode;
import org.npyfile.python.PyTuple;
import org.npyfile.python.PyInstance;
import org.npyfile.python.PyGlobal;
import org.npyfile.python.PyComplex;
import org.npyfile.python.PySlice;
import org.npyfile.python.PyRange;
import org.npyfile.python.PyFraction;

/**
 * Python's pickle machine (protocols 0 to 5, as {@code pickle._Unpickler} and {@code _pickle.c} run
 * it) that only builds data. It never imports, constructs or calls anything: a global is only a
 * name ({@link PyGlobal}); a call of an allowlisted data constructor ({@link Calls}) makes the value
 * that constructor would make; {@code NEWOBJ}, {@code NEWOBJ_EX} and {@code BUILD} of any other
 * class make an inert {@link PyInstance}; a call of any other global is refused.
 *
 * <p>Results are plain values: {@link String} (str), {@code byte[]} (bytes and bytearray),
 * {@link Long} or {@link BigInteger} (int, {@code Long} whenever it fits), {@link Double} (float),
 * {@link Boolean}, null (None), {@link List} (list and deque; a tuple is a {@link PyTuple}),
 * {@link Map} (dict, OrderedDict, defaultdict; insertion order), {@link java.util.Set} (set and
 * frozenset; pickle order), {@link PickledArray} (ndarray and numpy scalars), {@link NumpyDType},
 * {@link PyComplex}, {@link PySlice}, {@link PyRange}, {@link PyFraction},
 * {@link java.math.BigDecimal} (a finite Decimal; NaN and infinities are {@link Double}s),
 * {@code java.time} values (date: {@code LocalDate}; datetime: {@code LocalDateTime}, or
 * {@code OffsetDateTime} with a fixed-offset tzinfo; time: {@code LocalTime} or {@code OffsetTime};
 * timedelta: {@code Duration}; timezone: {@code ZoneOffset}), {@link PyGlobal} and
 * {@link PyInstance}. Containers in the result are unmodifiable; values a pickle shares through its
 * memo are shared Java objects.
 *
 * <p>Every failure is an {@link NpyException}: {@link NpyFormatException} with the byte offset of
 * the opcode for malformed and refused pickles (unknown opcodes, truncated input, declared lengths
 * beyond the input, refused calls, recursive structures), {@link NpyLimitException} when a
 * {@link PickleLimits} bound is reached. Nothing the input says is allocated before it was checked
 * against the bytes that remain.
 */
public final class PickleReader {

    /** Python refuses to parse more decimal digits into an int ({@code sys.int_info.default_max_str_digits}). */
    static final int MAX_INT_DIGITS = 4300;

    /** The highest protocol Python writes. */
    private static final int HIGHEST_PROTOCOL = 5;

    /** A memo index at most this far past the entries so far goes into the dense array. */
    private static final int DENSE_MEMO_SLACK = 1024;

    private final ByteBuffer in;
    private final int start;
    private final int end;
    private final long base;
    private final PickleLimits limits;
    private final Python2Strings strings;
    private final Calls calls;

    private int pos;
    /** Where the opcode being run starts. */
    private int opcodeAt;
    private int opcode;
    private int protocol;

    private final ArrayList<Object> stack = new ArrayList<>();
    private int[] marks = new int[16];
    private int markCount;

    private Object[] memo = new Object[64];
    private final HashMap<Integer, Object> sparseMemo = new HashMap<>();
    private int memoEntries;

    private long bytesLeft;
    private long entries;

    private PickleReader(ByteBuffer in, long base, PickleLimits limits, Python2Strings strings) {
        this.in = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.start = in.position();
        this.end = in.limit();
        this.base = base;
        this.limits = limits;
        this.strings = strings;
        this.pos = start;
        this.bytesLeft = limits.byteBudget(end - start);
        this.calls = new Calls(this);
    }

    /**
     * Reads one pickle.
     *
     * @param pickle the bytes from its position to its limit; on return its position is just after
     *     the pickle's {@code STOP} opcode (what follows is not read)
     * @param baseOffset the byte offset of the buffer's position in the file, for messages
     * @param limits the bounds
     * @param strings what a Python 2 {@code str} becomes
     * @return the value, as the class documentation lists them
     * @throws NpyFormatException for a malformed pickle or one that would need code to run
     * @throws NpyLimitException if a bound is reached
     */
    public static Object read(ByteBuffer pickle, long baseOffset, PickleLimits limits, Python2Strings strings)
            throws NpyException {
        PickleReader reader = new PickleReader(pickle, baseOffset, limits, strings);
        Object built = reader.run();
        Object value = new Finisher(reader, limits).finish(built);
        pickle.position(reader.pos);
        return value;
    }

    private Object run() throws NpyException {
        for (;;) {
            opcodeAt = pos;
            if (pos >= end) {
                throw truncated(pos == start ? "a pickle" : "another opcode or STOP");
            }
            opcode = in.get(pos++) & 0xFF;
            if (opcode == '.') {
                return pop();
            }
            step();
        }
    }

    @SuppressWarnings("checkstyle:CyclomaticComplexity")
    private void step() throws NpyException {
        switch (opcode) {
            case 0x80 -> proto();
            case 0x95 -> frame();
            case '(' -> mark();
            case '0' -> popTop();
            case '1' -> popMark();
            case '2' -> push(peek());
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'I' -> push(textInt());
            case 'J' -> push((long) in.getInt(need(4)));
            case 'K' -> push((long) (in.get(need(1)) & 0xFF));
            case 'M' -> push((long) (in.getShort(need(2)) & 0xFFFF));
            case 'L' -> push(textLong());
            case 0x8a -> push(binaryLong(in.get(need(1)) & 0xFF));
            case 0x8b -> push(binaryLong(in.getInt(need(4))));
            case 'F' -> push(textFloat());
            case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong(need(8)))));
            case 'S' -> push(py2Str(escapedString()));
            case 'T' -> push(py2Str(bytes(in.getInt(need(4)))));
            case 'U' -> push(py2Str(bytes(in.get(need(1)) & 0xFF)));
            case 'C' -> push(bytes(in.get(need(1)) & 0xFF));
            case 'B' -> push(bytes(in.getInt(need(4)) & 0xFFFF_FFFFL));
            case 0x8e -> push(bytes(in.getLong(need(8))));
            case 0x96 -> push(bytes(in.getLong(need(8))));
            case 'V' -> push(rawUnicodeEscape(line()));
            case 0x8c -> push(utf8(in.get(need(1)) & 0xFF));
            case 'X' -> push(utf8(in.getInt(need(4)) & 0xFFFF_FFFFL));
            case 0x8d -> push(utf8(in.getLong(need(8))));
            case ')' -> push(new TupleNode(new Object[0]));
            case 0x85 -> tuple(1);
            case 0x86 -> tuple(2);
            case 0x87 -> tuple(3);
            case 't' -> push(new TupleNode(counted(popMark())));
            case ']' -> push(new ListNode());
            case 'l' -> {
                ListNode list = new ListNode();
                list.items.addAll(Arrays.asList(counted(popMark())));
                push(list);
            }
            case '}' -> push(new DictNode());
            case 'd' -> {
                DictNode dict = new DictNode();
                setItems(dict, popMark());
                push(dict);
            }
            case 0x8f -> push(new SetNode(false));
            case 0x91 -> {
                SetNode set = new SetNode(true);
                set.items.addAll(Arrays.asList(counted(popMark())));
                push(set);
            }
            case 'a' -> append(new Object[] {pop()});
            case 'e' -> append(popMark());
            case 's' -> {
                Object value = pop();
                Object key = pop();
                setItems(peek(), new Object[] {key, value});
            }
            case 'u' -> {
                Object[] keysAndValues = popMark();
                setItems(peek(), keysAndValues);
            }
            case 0x90 -> addItems(popMark());
            case 'p' -> memoPut(textIndex(), peek());
            case 'q' -> memoPut(in.get(need(1)) & 0xFF, peek());
            case 'r' -> memoPut(in.getInt(need(4)) & 0xFFFF_FFFFL, peek());
            case 0x94 -> memoPut(memoEntries, peek());
            case 'g' -> push(memoGet(textIndex()));
            case 'h' -> push(memoGet(in.get(need(1)) & 0xFF));
            case 'j' -> push(memoGet(in.getInt(need(4)) & 0xFFFF_FFFFL));
            case 'c' -> push(global(utf8Line(), utf8Line()));
            case 0x93 -> stackGlobal();
            case 'R' -> {
                Object args = pop();
                Object callable = pop();
                push(calls.call(callable, args, "REDUCE"));
            }
            case 'i' -> {
                PyGlobal callable = global(utf8Line(), utf8Line());
                push(calls.call(callable, new TupleNode(popMark()), "INST"));
            }
            case 'o' -> {
                Object[] items = popMark();
                if (items.length == 0) {
                    throw format("a class and its arguments after MARK", "nothing");
                }
                push(calls.call(items[0], new TupleNode(Arrays.copyOfRange(items, 1, items.length)), "OBJ"));
            }
            case 0x81 -> {
                Object args = pop();
                Object cls = pop();
                push(calls.newObject(cls, args, null));
            }
            case 0x92 -> {
                Object kwargs = pop();
                Object args = pop();
                Object cls = pop();
                push(calls.newObject(cls, args, kwargs));
            }
            case 'b' -> {
                Object state = pop();
                calls.build(peek(), state);
            }
            case 0x98 -> {
                if (!(peek() instanceof byte[])) {
                    throw format("bytes or a bytearray before READONLY_BUFFER", describe(peek()));
                }
            }
            case 0x97 -> throw format("no out-of-band buffer (NEXT_BUFFER): numpy never writes one into a file",
                    "NEXT_BUFFER");
            case 'P', 'Q' -> throw format("no persistent id: numpy never writes one",
                    opcode == 'P' ? "PERSID" : "BINPERSID");
            case 0x82, 0x83, 0x84 -> throw format("no extension code: they name registered classes",
                    "EXT" + (opcode == 0x82 ? 1 : opcode == 0x83 ? 2 : 4));
            default -> throw format("a pickle opcode", String.format("the byte 0x%02x", opcode));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Input

    /** The position of the next n bytes, which must be there. */
    private int need(int n) throws NpyFormatException {
        if (end - pos < n) {
            throw truncated(n + " bytes of the argument of " + opcodeName());
        }
        int at = pos;
        pos += n;
        return at;
    }

    private byte[] bytes(long length) throws NpyException {
        if (length < 0 || length > end - pos) {
            throw format("a length of at most the " + (end - pos) + " bytes left in the input",
                    Long.toUnsignedString(length) + " declared by " + opcodeName());
        }
        int n = (int) length;
        charge(n);
        byte[] b = new byte[n];
        in.get(pos, b);
        pos += n;
        return b;
    }

    /** A line ending in '\n', without it, as the bytes it holds. */
    private byte[] line() throws NpyException {
        int at = pos;
        while (at < end && in.get(at) != '\n') {
            at++;
        }
        if (at >= end) {
            throw truncated("a line ending in '\\n' as the argument of " + opcodeName());
        }
        byte[] b = bytes(at - pos);
        pos++;
        return b;
    }

    private String asciiLine() throws NpyException {
        byte[] b = line();
        for (byte x : b) {
            if (x < 0) {
                throw format("an ASCII argument of " + opcodeName(), "a byte above 0x7f");
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private String utf8Line() throws NpyException {
        byte[] b = line();
        return Utf8.decode(b, 0, b.length, this);
    }

    private String utf8(long length) throws NpyException {
        if (length < 0 || length > end - pos) {
            throw format("a length of at most the " + (end - pos) + " bytes left in the input",
                    Long.toUnsignedString(length) + " declared by " + opcodeName());
        }
        charge(2 * length);
        int from = pos;
        pos += (int) length;
        byte[] b = new byte[(int) length];
        in.get(from, b);
        return Utf8.decode(b, 0, b.length, this);
    }

    /** Counts bytes the reader allocates against the budget. */
    void charge(long n) throws NpyLimitException {
        bytesLeft -= n;
        if (bytesLeft < 0) {
            throw limit("the values' bytes reached the limit of " + limits.byteBudget(end - start)
                    + " bytes for a pickle of " + (end - start) + " bytes");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Numbers and strings from text (protocol 0)

    private Object textInt() throws NpyException {
        String text = asciiLine();
        if (text.equals("00")) {
            return Boolean.FALSE;
        }
        if (text.equals("01")) {
            return Boolean.TRUE;
        }
        return parseInt(text);
    }

    private Object textLong() throws NpyException {
        String text = asciiLine();
        if (text.endsWith("L")) {
            text = text.substring(0, text.length() - 1);
        }
        return parseInt(text);
    }

    Object parseInt(String text) throws NpyFormatException {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw format("a decimal integer as the argument of " + opcodeName(), quote(text));
        }
        if (digits.length() > MAX_INT_DIGITS) {
            throw format("at most " + MAX_INT_DIGITS + " digits, as Python's int() accepts", digits.length() + " digits");
        }
        return Calls.integer(new BigInteger(text));
    }

    private Object textFloat() throws NpyException {
        String text = asciiLine().strip();
        Double special = switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
        if (special != null) {
            return special;
        }
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") || text.length() > MAX_INT_DIGITS) {
            throw format("a float as Python writes it as the argument of FLOAT", quote(text));
        }
        return Double.parseDouble(text);
    }

    private long textIndex() throws NpyException {
        String text = asciiLine();
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw format("a memo index as the argument of " + opcodeName(), quote(text));
        }
        return Long.parseLong(text);
    }

    /** STRING's argument: a quoted Python 2 literal with backslash escapes ({@code codecs.escape_decode}). */
    private byte[] escapedString() throws NpyException {
        byte[] b = line();
        int n = b.length;
        while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == '\r' || b[n - 1] == '\t')) {
            n--;
        }
        if (n < 2 || b[0] != b[n - 1] || b[0] != '\'' && b[0] != '"') {
            throw format("a quoted string as the argument of STRING", quote(new String(b, StandardCharsets.ISO_8859_1)));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n);
        for (int i = 1; i < n - 1; i++) {
            int c = b[i] & 0xFF;
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i >= n - 1) {
                throw format("a character after '\\' in STRING", "the end of the string");
            }
            c = b[i] & 0xFF;
            switch (c) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.write(c);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case 'x' -> {
                    int hi = i + 1 < n - 1 ? Character.digit(b[i + 1], 16) : -1;
                    int lo = i + 2 < n - 1 ? Character.digit(b[i + 2], 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw format("two hex digits after '\\x' in STRING", "something else");
                    }
                    out.write(hi * 16 + lo);
                    i += 2;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int v = c - '0';
                        for (int k = 0; k < 2 && i + 1 < n - 1 && b[i + 1] >= '0' && b[i + 1] <= '7'; k++) {
                            v = v * 8 + b[++i] - '0';
                        }
                        out.write(v & 0xFF);
                    } else {
                        out.write('\\');
                        out.write(c);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** UNICODE's argument: Python's {@code raw-unicode-escape} codec. */
    private String rawUnicodeEscape(byte[] b) throws NpyFormatException {
        StringBuilder s = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c != '\\') {
                s.append((char) c);
                i++;
                continue;
            }
            int slashes = 0;
            while (i < b.length && b[i] == '\\') {
                s.append('\\');
                slashes++;
                i++;
            }
            if ((slashes & 1) == 0 || i >= b.length || b[i] != 'u' && b[i] != 'U') {
                continue;
            }
            int digits = b[i] == 'u' ? 4 : 8;
            s.setLength(s.length() - 1);
            i++;
            if (b.length - i < digits) {
                throw format(digits + " hex digits after \\" + (digits == 4 ? 'u' : 'U') + " in UNICODE", "fewer");
            }
            int cp = 0;
            for (int k = 0; k < digits; k++) {
                int d = Character.digit(b[i + k], 16);
                if (d < 0) {
                    throw format(digits + " hex digits after \\" + (digits == 4 ? 'u' : 'U') + " in UNICODE",
                            quote(new String(b, i, digits, StandardCharsets.ISO_8859_1)));
                }
                cp = cp * 16 + d;
            }
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw format("a code point of at most U+10FFFF in UNICODE", String.format("U+%X", cp & 0xFFFF_FFFFL));
            }
            s.appendCodePoint(cp);
            i += digits;
        }
        return s.toString();
    }

    /** A Python 2 str as the chosen encoding makes it. */
    private Object py2Str(byte[] b) throws NpyFormatException {
        return switch (strings) {
            case BYTES -> b;
            case LATIN1 -> new String(b, StandardCharsets.ISO_8859_1);
            case ASCII -> {
                for (byte x : b) {
                    if (x < 0) {
                        throw format("an ASCII Python 2 str (numpy's default encoding='ASCII'; read with LATIN1 or "
                                + "BYTES for other bytes)", String.format("the byte 0x%02x", x & 0xFF));
                    }
                }
                yield new String(b, StandardCharsets.ISO_8859_1);
            }
        };
    }

    private Object binaryLong(long length) throws NpyException {
        if (length < 0) {
            throw format("a non-negative byte count for LONG4", Long.toString(length));
        }
        byte[] le = bytes(length);
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return Calls.integer(new BigInteger(be));
    }

    // ---------------------------------------------------------------------------------------------
    // Stack, marks, memo

    private void proto() throws NpyFormatException {
        int p = in.get(need(1)) & 0xFF;
        if (p > HIGHEST_PROTOCOL) {
            throw format("a pickle protocol of at most " + HIGHEST_PROTOCOL, Integer.toString(p));
        }
        protocol = p;
    }

    private void frame() throws NpyFormatException {
        long length = in.getLong(need(8));
        if (length < 0 || length > end - pos) {
            throw format("a frame of at most the " + (end - pos) + " bytes left in the input",
                    Long.toUnsignedString(length) + " bytes");
        }
    }

    private void mark() {
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markCount++] = stack.size();
    }

    private int fence() {
        return markCount == 0 ? 0 : marks[markCount - 1];
    }

    void push(Object value) {
        stack.add(value);
    }

    Object pop() throws NpyFormatException {
        if (stack.size() <= fence()) {
            throw format("a value on the stack for " + opcodeName(), markCount == 0 ? "an empty stack" : "a MARK");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws NpyFormatException {
        if (stack.size() <= fence()) {
            throw format("a value on the stack for " + opcodeName(), markCount == 0 ? "an empty stack" : "a MARK");
        }
        return stack.get(stack.size() - 1);
    }

    private Object[] popMark() throws NpyFormatException {
        if (markCount == 0) {
            throw format("a MARK before " + opcodeName(), "none");
        }
        int from = marks[--markCount];
        List<Object> top = stack.subList(from, stack.size());
        Object[] items = top.toArray();
        top.clear();
        return items;
    }

    private void popTop() throws NpyFormatException {
        if (stack.size() > fence()) {
            stack.remove(stack.size() - 1);
        } else {
            popMark();
        }
    }

    private void tuple(int n) throws NpyException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        push(new TupleNode(counted(items)));
    }

    /** Counts container elements against {@link PickleLimits#maxEntries()}. */
    Object[] counted(Object[] items) throws NpyLimitException {
        countEntries(items.length);
        return items;
    }

    void countEntries(long n) throws NpyLimitException {
        entries += n;
        if (entries > limits.maxEntries()) {
            throw limit("the containers' elements reached the limit of " + limits.maxEntries());
        }
    }

    private void append(Object[] items) throws NpyException {
        Object target = peek();
        countEntries(items.length);
        if (target instanceof ListNode list) {
            list.items.addAll(Arrays.asList(items));
        } else if (target instanceof InstanceNode instance) {
            instance.listItems.items.addAll(Arrays.asList(items));
        } else {
            throw format("a list or an instance to append to", describe(target));
        }
    }

    private void setItems(Object target, Object[] keysAndValues) throws NpyException {
        if ((keysAndValues.length & 1) != 0) {
            throw format("keys and values in pairs for " + opcodeName(), keysAndValues.length + " values");
        }
        countEntries(keysAndValues.length / 2);
        DictNode dict;
        if (target instanceof DictNode d) {
            dict = d;
        } else if (target instanceof InstanceNode instance) {
            dict = instance.dictItems;
        } else {
            throw format("a dict or an instance to set items of", describe(target));
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            requireHashable(keysAndValues[i]);
        }
        dict.keysAndValues.addAll(Arrays.asList(keysAndValues));
    }

    private void addItems(Object[] items) throws NpyException {
        Object target = peek();
        if (!(target instanceof SetNode set) || set.frozen) {
            throw format("a set to add items to", describe(target));
        }
        countEntries(items.length);
        for (Object item : items) {
            requireHashable(item);
        }
        set.items.addAll(Arrays.asList(items));
    }

    /** Python refuses unhashable keys and set elements; a tuple's elements are checked at the end. */
    void requireHashable(Object key) throws NpyFormatException {
        if (key instanceof ListNode || key instanceof DictNode || key instanceof SetNode s && !s.frozen
                || key instanceof ArrayNode) {
            throw format("a hashable dict key or set element", describe(key));
        }
    }

    private void memoPut(long index, Object value) throws NpyException {
        if (index >= limits.maxMemoEntries()) {
            throw limit("memo index " + index + " reaches the limit of " + limits.maxMemoEntries() + " memo entries");
        }
        int i = (int) index;
        boolean fresh;
        if (i < memo.length || i < memoEntries + DENSE_MEMO_SLACK) {
            if (i >= memo.length) {
                memo = Arrays.copyOf(memo, Math.max(i + 1, Math.min(memo.length * 2, limits.maxMemoEntries())));
            }
            fresh = memo[i] == null && !sparseMemo.containsKey(i);
            memo[i] = value == null ? NONE : value;
        } else {
            fresh = sparseMemo.put(i, value == null ? NONE : value) == null;
        }
        if (fresh && ++memoEntries > limits.maxMemoEntries()) {
            throw limit("the memo reached the limit of " + limits.maxMemoEntries() + " entries");
        }
    }

    private Object memoGet(long index) throws NpyFormatException {
        Object value = index < memo.length ? memo[(int) index] : null;
        if (value == null && index <= Integer.MAX_VALUE) {
            value = sparseMemo.get((int) index);
        }
        if (value == null) {
            throw format("a memo index that was stored", Long.toString(index));
        }
        return value == NONE ? null : value;
    }

    /** None in the memo, told apart from an empty slot. */
    private static final Object NONE = new Object();

    // ---------------------------------------------------------------------------------------------
    // Globals

    private void stackGlobal() throws NpyException {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
            throw format("a str module and name for STACK_GLOBAL", describe(module) + " and " + describe(name));
        }
        push(global(m, n));
    }

    /** A reference to a global, with Python 2 names mapped as {@code fix_imports} maps them. */
    private PyGlobal global(String module, String name) {
        if (protocol < 3) {
            return Python2Names.map(module, name);
        }
        return new PyGlobal(module, name);
    }

    // ---------------------------------------------------------------------------------------------
    // Errors

    String opcodeName() {
        return Opcodes.name(opcode);
    }

    NpyFormatException format(String expected, String found) {
        return new NpyFormatException(base + opcodeAt - start, expected, found + " (" + opcodeName() + ")");
    }

    private NpyFormatException truncated(String expected) {
        return new NpyFormatException(base + pos - start, expected, "the end of the pickle");
    }

    NpyLimitException limit(String message) {
        return new NpyLimitException("at byte " + (base + opcodeAt - start) + " (" + opcodeName() + "): " + message);
    }

    PickleLimits limits() {
        return limits;
    }

    /** The offset of the pickle's end, for errors found after it stopped. */
    long endOffset() {
        return base + pos - start;
    }

    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof ListNode) {
            return "a list";
        }
        if (value instanceof TupleNode) {
            return "a tuple";
        }
        if (value instanceof DictNode) {
            return "a dict";
        }
        if (value instanceof SetNode s) {
            return s.frozen ? "a frozenset" : "a set";
        }
        if (value instanceof InstanceNode i) {
            return "an instance of " + i.type.qualifiedName();
        }
        if (value instanceof ArrayNode) {
            return "a numpy array";
        }
        if (value instanceof DTypeNode) {
            return "a numpy dtype";
        }
        if (value instanceof PyGlobal g) {
            return "the global " + g.qualifiedName();
        }
        if (value instanceof String s) {
            return "the str " + quote(s);
        }
        if (value instanceof byte[] b) {
            return "bytes of length " + b.length;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "the int " + abbreviate(value.toString());
        }
        if (value instanceof Double d) {
            return "the float " + d;
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return "a " + value.getClass().getSimpleName();
    }

    static String quote(String s) {
        return org.npyfile.internal.PythonRepr.str(abbreviate(s));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
