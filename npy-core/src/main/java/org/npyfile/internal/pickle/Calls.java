package org.npyfile.internal.pickle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.internal.pickle.Nodes.ArrayNode;
import org.npyfile.internal.pickle.Nodes.DTypeNode;
import org.npyfile.internal.pickle.Nodes.DictNode;
import org.npyfile.internal.pickle.Nodes.InstanceNode;
import org.npyfile.internal.pickle.Nodes.ListNode;
import org.npyfile.internal.pickle.Nodes.SetNode;
import org.npyfile.internal.pickle.Nodes.TupleNode;
import org.npyfile.python.PyGlobal;
import org.npyfile.python.PyComplex;
import org.npyfile.python.PySlice;
import org.npyfile.python.PyRange;
import org.npyfile.python.PyFraction;

/**
 * The allowlist: what a call ({@code REDUCE}, {@code INST}, {@code OBJ}) of each data constructor
 * makes, what {@code NEWOBJ} and {@code BUILD} make of everything else, and numpy's
 * {@code __setstate__} of ndarray and dtype, after {@code numpy/_core/src/multiarray/methods.c}
 * ({@code array_setstate}) and {@code descriptor.c} ({@code arraydescr_setstate}). Any other call is
 * refused, naming the global, the opcode and its offset.
 */
final class Calls {

    private static final Set<String> NUMPY_MODULES = Set.of("numpy.core.multiarray", "numpy._core.multiarray",
            "numpy.core._multiarray_umath", "numpy._core._multiarray_umath");
    private static final Set<String> NDARRAY = Set.of("numpy.ndarray", "numpy.core.multiarray.ndarray",
            "numpy._core.multiarray.ndarray");
    private static final Set<String> DATETIME_UNITS =
            Set.of("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic");
    /** Decimal text longer than this would take quadratic time to parse; Python writes far less. */
    private static final int MAX_DECIMAL_CHARS = 5000;

    private final PickleReader reader;

    Calls(PickleReader reader) {
        this.reader = reader;
    }

    /** Long when it fits, as Python's int is one type. */
    static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    // ---------------------------------------------------------------------------------------------
    // Calls

    Object call(Object callable, Object argsValue, String via) throws NpyException {
        if (!(callable instanceof PyGlobal global)) {
            throw reader.format("a global to call", PickleReader.describe(callable));
        }
        if (!(argsValue instanceof TupleNode tuple)) {
            throw reader.format("a tuple of arguments for " + global.qualifiedName(),
                    PickleReader.describe(argsValue));
        }
        Object[] args = tuple.items;
        String module = global.module();
        String name = global.name();
        if (NUMPY_MODULES.contains(module) || module.equals("numpy.core._internal")) {
            switch (name) {
                case "_reconstruct" -> {
                    return reconstruct(args);
                }
                case "dtype" -> {
                    if (!module.equals("numpy.core._internal")) {
                        return dtype(args);
                    }
                }
                case "scalar" -> {
                    if (!module.equals("numpy.core._internal")) {
                        return scalar(args);
                    }
                }
                default -> { }
            }
        }
        switch (global.qualifiedName()) {
            case "numpy.dtype" -> {
                return dtype(args);
            }
            case "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer" -> {
                return fromBuffer(args);
            }
            case "builtins.complex" -> {
                return complex(args);
            }
            case "builtins.set", "builtins.frozenset" -> {
                return set(args, name.equals("frozenset"));
            }
            case "builtins.bytearray", "builtins.bytes" -> {
                return bytes(args, name);
            }
            case "builtins.slice" -> {
                return slice(args);
            }
            case "builtins.range" -> {
                return range(args);
            }
            case "collections.OrderedDict" -> {
                return orderedDict(args);
            }
            case "collections.defaultdict" -> {
                return defaultDict(args);
            }
            case "collections.deque" -> {
                return deque(args);
            }
            case "datetime.datetime" -> {
                return datetime(args);
            }
            case "datetime.date" -> {
                return date(args);
            }
            case "datetime.time" -> {
                return time(args);
            }
            case "datetime.timedelta" -> {
                return timedelta(args);
            }
            case "datetime.timezone" -> {
                return timezone(args);
            }
            case "decimal.Decimal", "_pydecimal.Decimal" -> {
                return decimal(args);
            }
            case "fractions.Fraction" -> {
                return fraction(args);
            }
            case "_codecs.encode", "codecs.encode" -> {
                return encode(args, "encode");
            }
            case "copyreg._reconstructor" -> {
                return reconstructor(args);
            }
            case "copyreg.__newobj__" -> {
                if (args.length == 0) {
                    throw reader.format("a class for copyreg.__newobj__", "no arguments");
                }
                Object[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
                return newObject(args[0], new TupleNode(rest), null);
            }
            case "copyreg.__newobj_ex__" -> {
                arity(args, 3, 3, global);
                return newObject(args[0], args[1], args[2]);
            }
            default -> throw reader.format("a call of a data constructor on the allowlist (nothing is executed)",
                    "a call of " + global.qualifiedName());
        }
    }

    /** {@code cls.__new__(cls, *args, **kwargs)} of any class: an inert description. */
    Object newObject(Object cls, Object args, Object kwargs) throws NpyException {
        if (!(cls instanceof PyGlobal type)) {
            throw reader.format("a class to instantiate", PickleReader.describe(cls));
        }
        if (!(args instanceof TupleNode tuple)) {
            throw reader.format("a tuple of arguments for " + type.qualifiedName(), PickleReader.describe(args));
        }
        DictNode keywords;
        if (kwargs == null) {
            keywords = new DictNode();
        } else if (kwargs instanceof DictNode d) {
            keywords = d;
        } else {
            throw reader.format("a dict of keyword arguments for " + type.qualifiedName(),
                    PickleReader.describe(kwargs));
        }
        return new InstanceNode(type, tuple, keywords);
    }

    /** BUILD: numpy's setstate for arrays and dtypes, the state of an inert instance, else refused. */
    void build(Object target, Object state) throws NpyException {
        if (target instanceof ArrayNode array) {
            if (array.built || array.scalar) {
                throw reader.format("one BUILD of a numpy array", "a second one");
            }
            arrayState(array, state);
        } else if (target instanceof DTypeNode dtype) {
            if (dtype.built != null) {
                throw reader.format("one BUILD of a numpy dtype", "a second one");
            }
            dtype.built = dtypeState(dtype, state);
        } else if (target instanceof InstanceNode instance) {
            if (instance.built) {
                throw reader.format("one BUILD of an instance", "a second one");
            }
            instance.built = true;
            instance.state = state;
        } else {
            throw reader.format("a numpy array, dtype or instance to BUILD", PickleReader.describe(target));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // numpy

    private Object reconstruct(Object[] args) throws NpyException {
        if (args.length != 3 || !(args[0] instanceof PyGlobal subtype)) {
            throw reader.format("_reconstruct(subtype, shape, dtype) with a class as subtype",
                    args.length + " arguments");
        }
        return new ArrayNode(NDARRAY.contains(subtype.qualifiedName()) ? null : subtype);
    }

    private DTypeNode dtype(Object[] args) throws NpyException {
        if (args.length < 1 || args.length > 3) {
            throw reader.format("dtype(spec[, align[, copy]])", args.length + " arguments");
        }
        Object spec = args[0];
        if (spec instanceof PyGlobal g && (g.name().equals("record") || g.name().equals("void"))
                && g.module().startsWith("numpy")) {
            return new DTypeNode(DTypeSpec.plain('V', 0, '|', ""));
        }
        String text = text(spec, "a dtype type string");
        return new DTypeNode(typeString(text));
    }

    /** A typestr as dtype.__reduce__ writes it: kind and size ({@code f8}, {@code U3}, {@code O8}). */
    private DTypeSpec typeString(String text) throws NpyFormatException {
        String t = text;
        char order = DTypeSpec.NATIVE;
        if (!t.isEmpty() && "<>|=".indexOf(t.charAt(0)) >= 0) {
            order = t.charAt(0) == '<' || t.charAt(0) == '>' ? t.charAt(0) : DTypeSpec.NATIVE;
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 11 || !t.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw reader.format("a numpy type string such as 'f8' or 'U3'", PickleReader.quote(text));
        }
        char kind = t.charAt(0) == 'a' ? 'S' : t.charAt(0);
        long size = t.length() == 1 ? -1 : Long.parseLong(t.substring(1));
        boolean ok = switch (kind) {
            case 'b' -> size == 1;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 2 || size == 4 || size == 8 || size == 12 || size == 16;
            case 'c' -> size == 8 || size == 16 || size == 24 || size == 32;
            case 'M', 'm' -> size == 8;
            case 'O' -> true;
            case 'S', 'V' -> size <= Integer.MAX_VALUE;
            case 'U' -> size <= Integer.MAX_VALUE / 4;
            default -> false;
        };
        if (!ok) {
            throw reader.format("a numpy type string such as 'f8' or 'U3'", PickleReader.quote(text));
        }
        int itemSize = switch (kind) {
            case 'O' -> 8;
            case 'U' -> (int) Math.max(size, 0) * 4;
            default -> (int) Math.max(size, 0);
        };
        return DTypeSpec.plain(kind, itemSize, order, "");
    }

    /** numpy's arraydescr_setstate. */
    private DTypeSpec dtypeState(DTypeNode node, Object stateValue) throws NpyException {
        if (!(stateValue instanceof TupleNode tuple)) {
            throw reader.format("a tuple as a numpy dtype's state", PickleReader.describe(stateValue));
        }
        Object[] s = tuple.items;
        int version;
        Object endian;
        Object subarray;
        Object names;
        Object fields;
        Object elsize;
        Object metadata = null;
        switch (s.length) {
            case 9, 8, 7 -> {
                version = (int) integerIn(s[0], "the dtype state's version", 0, 4);
                endian = s[1];
                subarray = s[2];
                names = s[3];
                fields = s[4];
                elsize = s[5];
                if (s.length == 9) {
                    metadata = s[8];
                }
            }
            case 6 -> {
                version = (int) integerIn(s[0], "the dtype state's version", 0, 4);
                endian = s[1];
                subarray = s[2];
                fields = s[3];
                elsize = s[4];
                names = null;
            }
            case 5 -> {
                version = 0;
                endian = s[0];
                subarray = s[1];
                fields = s[2];
                elsize = s[3];
                names = null;
            }
            default -> throw reader.format("a numpy dtype state of 5 to 9 items", s.length + " items");
        }
        if (s.length <= 6 || version <= 1) {
            if (fields instanceof DictNode dict && version <= 1) {
                names = takeLegacyNames(dict);
            } else if (fields != null && s.length <= 6) {
                throw reader.format("fields None or a dict with its names under -1", PickleReader.describe(fields));
            }
        }
        char order = byteOrder(endian);
        DTypeSpec initial = node.initial;
        char kind = initial.kind();
        int itemSize = initial.itemSize();
        if (kind == 'S' || kind == 'U' || kind == 'V') {
            itemSize = (int) integerIn(elsize, "the dtype's item size", 0, Integer.MAX_VALUE);
        }
        String unit = "";
        if (kind == 'M' || kind == 'm') {
            unit = datetimeUnit(metadata);
        }
        if ((fields == null) != (names == null)) {
            throw reader.format("fields and names both None or both given", "only one");
        }
        DTypeSpec result;
        if (subarray != null) {
            if (kind != 'V' || fields != null) {
                throw reader.format("a sub-array only in a plain void dtype", "a sub-array of kind " + kind);
            }
            result = subArray(subarray, itemSize);
        } else if (fields != null) {
            if (kind != 'V') {
                throw reader.format("fields only in a void dtype", "fields in kind " + kind);
            }
            if (!(fields instanceof DictNode dict)) {
                throw reader.format("the dtype's fields as a dict", PickleReader.describe(fields));
            }
            result = record(names, dict, itemSize);
        } else {
            result = DTypeSpec.plain(kind, itemSize, order, unit);
        }
        if (result.depth() > reader.limits().maxDepth()) {
            throw reader.limit("a dtype nested " + result.depth() + " deep passes the limit of "
                    + reader.limits().maxDepth());
        }
        if (result.weight() > reader.limits().maxValues()) {
            throw reader.limit("a dtype of " + result.weight() + " fields passes the limit of "
                    + reader.limits().maxValues() + " values");
        }
        return result;
    }

    private Object takeLegacyNames(DictNode fields) {
        for (int i = 0; i < fields.keysAndValues.size(); i += 2) {
            if (Long.valueOf(-1).equals(fields.keysAndValues.get(i))) {
                Object names = fields.keysAndValues.get(i + 1);
                fields.keysAndValues.remove(i);
                fields.keysAndValues.remove(i);
                return names instanceof ListNode list ? new TupleNode(list.items.toArray()) : names;
            }
        }
        return null;
    }

    private char byteOrder(Object endian) throws NpyFormatException {
        String e = endian instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                : endian instanceof String s ? s : null;
        if (e == null || e.length() != 1 || "<>|=".indexOf(e.charAt(0)) < 0) {
            throw reader.format("a byte order '<', '>', '|' or '=' in the dtype's state", PickleReader.describe(endian));
        }
        char c = e.charAt(0);
        return c == '<' || c == '>' ? c : DTypeSpec.NATIVE;
    }

    private String datetimeUnit(Object metadata) throws NpyException {
        if (metadata == null) {
            return "";
        }
        if (!(metadata instanceof TupleNode pair) || pair.items.length != 2
                || !(pair.items[1] instanceof TupleNode info) || info.items.length != 4) {
            throw reader.format("datetime metadata (dict, (unit, num, den, events))", PickleReader.describe(metadata));
        }
        String unit = text(info.items[0], "a datetime unit");
        long num = integerIn(info.items[1], "a datetime unit's multiplier", 1, 999_999_999);
        if (!DATETIME_UNITS.contains(unit)) {
            throw reader.format("a datetime unit (Y M W D h m s ms us ns ps fs as)", PickleReader.quote(unit));
        }
        if (unit.equals("generic")) {
            return "";
        }
        return num == 1 ? unit : num + unit;
    }

    private DTypeSpec subArray(Object subarray, int itemSize) throws NpyException {
        if (!(subarray instanceof TupleNode pair) || pair.items.length != 2
                || !(pair.items[0] instanceof DTypeNode baseNode)) {
            throw reader.format("a sub-array as (dtype, shape)", PickleReader.describe(subarray));
        }
        long[] shape = pair.items[1] instanceof Long n ? new long[] {n} : shape(pair.items[1], "a sub-array shape");
        DTypeSpec base = baseNode.spec();
        long bytes = base.itemSize();
        for (long d : shape) {
            bytes = d == 0 ? 0 : bytes > Long.MAX_VALUE / d ? -1 : bytes * d;
        }
        if (bytes != itemSize) {
            throw reader.format("a sub-array whose elements fill its item size of " + itemSize + " bytes",
                    DTypeSpec.shapeRepr(shape) + " of " + base.itemSize() + "-byte elements");
        }
        return DTypeSpec.subArray(base, shape, itemSize);
    }

    private DTypeSpec record(Object namesValue, DictNode fields, int itemSize) throws NpyException {
        if (!(namesValue instanceof TupleNode names)) {
            throw reader.format("a tuple of field names", PickleReader.describe(namesValue));
        }
        List<DTypeSpec.Field> list = new ArrayList<>(names.items.length);
        Set<String> seen = new java.util.HashSet<>();
        for (Object n : names.items) {
            String name = text(n, "a field name");
            if (!seen.add(name)) {
                throw reader.format("distinct field names", "'" + name + "' twice");
            }
            Object entry = null;
            for (int i = 0; i < fields.keysAndValues.size(); i += 2) {
                Object key = fields.keysAndValues.get(i);
                if (name.equals(key) || key instanceof byte[] b && name.equals(new String(b, StandardCharsets.ISO_8859_1))) {
                    entry = fields.keysAndValues.get(i + 1);
                }
            }
            if (!(entry instanceof TupleNode t) || t.items.length < 2 || t.items.length > 3
                    || !(t.items[0] instanceof DTypeNode fieldType)) {
                throw reader.format("(dtype, offset[, title]) for field " + PickleReader.quote(name),
                        PickleReader.describe(entry));
            }
            long offset = integerIn(t.items[1], "a field offset", 0, Integer.MAX_VALUE);
            String title = t.items.length == 3 && t.items[2] != null ? text(t.items[2], "a field title") : null;
            DTypeSpec type = fieldType.spec();
            if (offset + type.itemSize() > itemSize) {
                throw reader.format("field " + PickleReader.quote(name) + " within the record's " + itemSize + " bytes",
                        type.itemSize() + " bytes at offset " + offset);
            }
            list.add(new DTypeSpec.Field(name, title, type, offset));
        }
        return DTypeSpec.record(itemSize, list);
    }

    /** numpy's array_setstate. */
    private void arrayState(ArrayNode array, Object stateValue) throws NpyException {
        if (!(stateValue instanceof TupleNode tuple) || tuple.items.length != 5 && tuple.items.length != 4) {
            throw reader.format("(version, shape, dtype, is_fortran, data) as an ndarray's state",
                    PickleReader.describe(stateValue));
        }
        Object[] s = tuple.items;
        int at = 0;
        if (s.length == 5) {
            integerIn(s[0], "ndarray pickle version 0 or 1", 0, 1);
            at = 1;
        }
        long[] shape = shape(s[at], "an ndarray's shape");
        if (!(s[at + 1] instanceof DTypeNode dtypeNode)) {
            throw reader.format("a numpy dtype in an ndarray's state", PickleReader.describe(s[at + 1]));
        }
        boolean fortran = truth(s[at + 2]);
        Object raw = s[at + 3];
        DTypeSpec dtype = dtypeNode.spec();
        if (dtype.subBase() != null) {
            throw reader.format("an ndarray dtype without a sub-array (numpy moves it into the shape)", dtype.descr());
        }
        long count = elementCount(shape);
        array.dtype = dtype;
        array.shape = shape;
        array.fortranOrder = fortran;
        array.built = true;
        if (dtype.hasObject()) {
            if (!(raw instanceof ListNode list)) {
                throw reader.format("a list of elements for an object array", PickleReader.describe(raw));
            }
            if (list.items.size() != count) {
                throw reader.format(count + " elements for shape " + DTypeSpec.shapeRepr(shape),
                        list.items.size() + " elements");
            }
            array.objects = list;
            array.data = null;
        } else {
            array.data = rawBytes(raw, count, dtype, shape);
            if (dtype.order() != '|' && dtype.order() != DTypeSpec.NATIVE && !dtype.structured()) {
                array.data = toNative(array.data, dtype);
                array.dtype = DTypeSpec.plain(dtype.kind(), dtype.itemSize(), DTypeSpec.NATIVE, dtype.unit());
            }
        }
    }

    /**
     * numpy's array_setstate swaps a non-native array to native order as it loads it ("byte-swap on
     * pickle-read"): each number, each half of a complex, each UCS-4 character.
     */
    private byte[] toNative(byte[] data, DTypeSpec dtype) throws NpyException {
        int unit = switch (dtype.kind()) {
            case 'c' -> dtype.itemSize() / 2;
            case 'U' -> 4;
            default -> dtype.itemSize();
        };
        reader.charge(data.length);
        byte[] swapped = new byte[data.length];
        for (int at = 0; at + unit <= data.length; at += unit) {
            for (int k = 0; k < unit; k++) {
                swapped[at + k] = data[at + unit - 1 - k];
            }
        }
        return swapped;
    }

    private byte[] rawBytes(Object raw, long count, DTypeSpec dtype, long[] shape) throws NpyException {
        byte[] data;
        if (raw instanceof byte[] b) {
            data = b;
        } else if (raw instanceof String text) {
            data = latin1(text, "an ndarray's data");
        } else {
            throw reader.format("bytes as an ndarray's data", PickleReader.describe(raw));
        }
        long nbytes = count == 0 ? 0 : dtype.itemSize() == 0 ? 0
                : count > Long.MAX_VALUE / dtype.itemSize() ? -1 : count * dtype.itemSize();
        if (nbytes != data.length) {
            throw reader.format(nbytes < 0 ? "a shape whose byte size fits in 64 bits"
                    : nbytes + " bytes of data for shape " + DTypeSpec.shapeRepr(shape) + " of " + dtype.descr(),
                    data.length + " bytes");
        }
        return data;
    }

    private long elementCount(long[] shape) throws NpyFormatException {
        long count = 1;
        for (long d : shape) {
            if (d == 0) {
                return 0;
            }
            if (count > Long.MAX_VALUE / d) {
                throw reader.format("a shape whose element count fits in 64 bits", DTypeSpec.shapeRepr(shape));
            }
            count *= d;
        }
        return count;
    }

    private Object scalar(Object[] args) throws NpyException {
        if (args.length < 1 || args.length > 2 || !(args[0] instanceof DTypeNode dtypeNode)) {
            throw reader.format("scalar(dtype[, obj])", args.length + " arguments");
        }
        DTypeSpec dtype = dtypeNode.spec();
        ArrayNode scalar = new ArrayNode(null);
        scalar.scalar = true;
        scalar.built = true;
        scalar.dtype = dtype;
        scalar.shape = new long[0];
        if (dtype.kind() == 'O') {
            throw reader.format("a scalar of a dtype other than object (numpy: Cannot unpickle a scalar with object "
                    + "dtype)", "object");
        }
        if (dtype.subBase() != null) {
            throw reader.format("a scalar dtype without a sub-array", dtype.descr());
        }
        if (dtype.hasObject()) {
            if (args.length < 2 || !(args[1] instanceof ArrayNode array) || array.objects == null
                    || !array.dtype.equals(dtype) || array.objects.items.isEmpty()) {
                throw reader.format("an array of the same structured dtype for a structured scalar with objects",
                        args.length < 2 ? "nothing" : PickleReader.describe(args[1]));
            }
            ListNode first = new ListNode();
            first.items.add(array.objects.items.get(0));
            scalar.objects = first;
            scalar.data = null;
            return scalar;
        }
        if (args.length == 1) {
            reader.charge(dtype.itemSize());
            scalar.data = new byte[dtype.itemSize()];
            return scalar;
        }
        byte[] raw = args[1] instanceof String text ? latin1(text, "a scalar's data")
                : args[1] instanceof byte[] b ? b : null;
        if (raw == null) {
            throw reader.format("bytes as a scalar's data", PickleReader.describe(args[1]));
        }
        if (raw.length < dtype.itemSize()) {
            throw reader.format("at least " + dtype.itemSize() + " bytes for a " + dtype.descr() + " scalar",
                    raw.length + " bytes");
        }
        scalar.data = raw.length == dtype.itemSize() ? raw : java.util.Arrays.copyOf(raw, dtype.itemSize());
        return scalar;
    }

    private Object fromBuffer(Object[] args) throws NpyException {
        if (args.length != 4 || !(args[1] instanceof DTypeNode dtypeNode)) {
            throw reader.format("_frombuffer(buffer, dtype, shape, order)", args.length + " arguments");
        }
        DTypeSpec dtype = dtypeNode.spec();
        if (dtype.hasObject() || dtype.subBase() != null) {
            throw reader.format("a plain or structured dtype for _frombuffer", dtype.descr());
        }
        long[] shape = shape(args[2], "the shape for _frombuffer");
        String order = text(args[3], "the order 'C' or 'F'");
        if (!order.equals("C") && !order.equals("F")) {
            throw reader.format("the order 'C' or 'F'", PickleReader.quote(order));
        }
        ArrayNode array = new ArrayNode(null);
        array.built = true;
        array.dtype = dtype;
        array.shape = shape;
        array.fortranOrder = order.equals("F");
        array.data = rawBytes(args[0], elementCount(shape), dtype, shape);
        return array;
    }

    // ---------------------------------------------------------------------------------------------
    // builtins and the standard library

    private Object complex(Object[] args) throws NpyException {
        if (args.length > 2) {
            throw reader.format("complex(real[, imag])", args.length + " arguments");
        }
        double real = args.length > 0 ? number(args[0], "complex's real part") : 0;
        double imag = args.length > 1 ? number(args[1], "complex's imaginary part") : 0;
        return new PyComplex(real, imag);
    }

    private SetNode set(Object[] args, boolean frozen) throws NpyException {
        if (args.length > 1) {
            throw reader.format("set(iterable)", args.length + " arguments");
        }
        SetNode set = new SetNode(frozen);
        if (args.length == 1) {
            for (Object item : items(args[0], "an iterable for a set")) {
                reader.requireHashable(item);
                set.items.add(item);
            }
            reader.countEntries(set.items.size());
        }
        return set;
    }

    private Object bytes(Object[] args, String name) throws NpyException {
        if (args.length == 0) {
            return new byte[0];
        }
        if (args.length == 1 && args[0] instanceof byte[] b) {
            reader.charge(b.length);
            return b.clone();
        }
        if (args.length >= 2 && args[0] instanceof String) {
            return encode(args, name);
        }
        throw reader.format(name + "(), " + name + "(bytes) or " + name + "(str, encoding)",
                args.length + " arguments starting with " + PickleReader.describe(args[0]));
    }

    private Object encode(Object[] args, String name) throws NpyException {
        if (args.length < 1 || args.length > 3 || !(args[0] instanceof String text)) {
            throw reader.format(name + "(str[, encoding[, errors]])", args.length + " arguments");
        }
        String encoding = args.length > 1 ? text(args[1], "an encoding") : "utf-8";
        if (args.length > 2 && !"strict".equals(args[2])) {
            throw reader.format("errors='strict'", PickleReader.describe(args[2]));
        }
        reader.charge(text.length() * 4L);
        return switch (encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1" -> latin1(text, "text to encode as latin-1");
            case "utf-8", "utf8" -> Utf8.encode(text);
            case "ascii" -> {
                if (!text.chars().allMatch(c -> c < 0x80)) {
                    throw reader.format("ASCII text to encode", "a character above U+007F");
                }
                yield text.getBytes(StandardCharsets.US_ASCII);
            }
            default -> throw reader.format("the encoding latin1, utf-8 or ascii", PickleReader.quote(encoding));
        };
    }

    private byte[] latin1(String text, String what) throws NpyFormatException {
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw reader.format("Latin-1 characters in " + what, String.format("U+%04X", (int) c));
            }
            b[i] = (byte) c;
        }
        return b;
    }

    private Object slice(Object[] args) throws NpyException {
        if (args.length < 1 || args.length > 3) {
            throw reader.format("slice(stop) or slice(start, stop[, step])", args.length + " arguments");
        }
        Number[] parts = new Number[3];
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && !(args[i] instanceof Long) && !(args[i] instanceof BigInteger)) {
                throw reader.format("None or an int in a slice", PickleReader.describe(args[i]));
            }
            parts[i] = (Number) args[i];
        }
        return args.length == 1 ? new PySlice(null, parts[0], null) : new PySlice(parts[0], parts[1], parts[2]);
    }

    private Object range(Object[] args) throws NpyException {
        if (args.length < 1 || args.length > 3) {
            throw reader.format("range(stop) or range(start, stop[, step])", args.length + " arguments");
        }
        BigInteger[] v = new BigInteger[args.length];
        for (int i = 0; i < args.length; i++) {
            v[i] = bigInteger(args[i], "an int in a range");
        }
        if (args.length == 1) {
            return new PyRange(BigInteger.ZERO, v[0], BigInteger.ONE);
        }
        BigInteger step = args.length == 3 ? v[2] : BigInteger.ONE;
        if (step.signum() == 0) {
            throw reader.format("a range step other than 0", "0");
        }
        return new PyRange(v[0], v[1], step);
    }

    private DictNode orderedDict(Object[] args) throws NpyException {
        if (args.length > 1) {
            throw reader.format("OrderedDict() or OrderedDict(items)", args.length + " arguments");
        }
        DictNode dict = new DictNode();
        if (args.length == 1) {
            pairsInto(args[0], dict);
        }
        return dict;
    }

    private void pairsInto(Object source, DictNode dict) throws NpyException {
        if (source instanceof DictNode d) {
            reader.countEntries(d.keysAndValues.size() / 2);
            dict.keysAndValues.addAll(d.keysAndValues);
            return;
        }
        for (Object pair : items(source, "a sequence of (key, value) pairs")) {
            List<Object> kv = items(pair, "a (key, value) pair");
            if (kv.size() != 2) {
                throw reader.format("a (key, value) pair", kv.size() + " items");
            }
            reader.requireHashable(kv.get(0));
            dict.keysAndValues.addAll(kv);
        }
        reader.countEntries(dict.keysAndValues.size() / 2);
    }

    private DictNode defaultDict(Object[] args) throws NpyException {
        if (args.length > 2 || args.length >= 1 && args[0] != null && !(args[0] instanceof PyGlobal)) {
            throw reader.format("defaultdict(factory[, items]) with a class or function as factory",
                    args.length + " arguments");
        }
        DictNode dict = new DictNode();
        if (args.length == 2) {
            pairsInto(args[1], dict);
        }
        return dict;
    }

    private ListNode deque(Object[] args) throws NpyException {
        if (args.length > 2 || args.length == 2 && args[1] != null && !(args[1] instanceof Long)) {
            throw reader.format("deque(iterable[, maxlen])", args.length + " arguments");
        }
        ListNode list = new ListNode();
        if (args.length >= 1) {
            list.items.addAll(items(args[0], "an iterable for a deque"));
            reader.countEntries(list.items.size());
        }
        return list;
    }

    private Object datetime(Object[] args) throws NpyException {
        try {
            if (args.length >= 1 && args.length <= 2 && (args[0] instanceof byte[] || args[0] instanceof String)) {
                byte[] b = stateBytes(args[0], 10, "datetime");
                LocalDateTime local = LocalDateTime.of((b[0] & 0xFF) << 8 | b[1] & 0xFF, b[2] & 0x7F, b[3] & 0xFF,
                        b[4] & 0xFF, b[5] & 0xFF, b[6] & 0xFF, micros(b, 7) * 1000);
                return withZone(local, args.length == 2 ? args[1] : null);
            }
            if (args.length >= 3 && args.length <= 8) {
                int[] f = new int[7];
                for (int i = 0; i < Math.min(args.length, 7); i++) {
                    f[i] = (int) integerIn(args[i], "a datetime field", 0, 999_999);
                }
                LocalDateTime local = LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6] * 1000);
                return withZone(local, args.length == 8 ? args[7] : null);
            }
        } catch (DateTimeException e) {
            throw reader.format("a valid datetime", e.getMessage());
        }
        throw reader.format("datetime(state[, tzinfo]) or datetime(year, month, day, ...)", args.length + " arguments");
    }

    private Object withZone(LocalDateTime local, Object tz) throws NpyFormatException {
        if (tz == null) {
            return local;
        }
        if (tz instanceof ZoneOffset offset) {
            return OffsetDateTime.of(local, offset);
        }
        throw reader.format("None or a datetime.timezone as tzinfo (other tzinfo classes need code)",
                PickleReader.describe(tz));
    }

    private Object date(Object[] args) throws NpyException {
        try {
            if (args.length == 1) {
                byte[] b = stateBytes(args[0], 4, "date");
                return LocalDate.of((b[0] & 0xFF) << 8 | b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF);
            }
            if (args.length == 3) {
                return LocalDate.of((int) integerIn(args[0], "a year", 1, 9999), (int) integerIn(args[1], "a month", 1, 12),
                        (int) integerIn(args[2], "a day", 1, 31));
            }
        } catch (DateTimeException e) {
            throw reader.format("a valid date", e.getMessage());
        }
        throw reader.format("date(state) or date(year, month, day)", args.length + " arguments");
    }

    private Object time(Object[] args) throws NpyException {
        try {
            LocalTime local;
            Object tz = null;
            if (args.length >= 1 && args.length <= 2 && (args[0] instanceof byte[] || args[0] instanceof String)) {
                byte[] b = stateBytes(args[0], 6, "time");
                local = LocalTime.of(b[0] & 0x7F, b[1] & 0xFF, b[2] & 0xFF, micros(b, 3) * 1000);
                tz = args.length == 2 ? args[1] : null;
            } else if (args.length <= 5) {
                int[] f = new int[4];
                for (int i = 0; i < Math.min(args.length, 4); i++) {
                    f[i] = (int) integerIn(args[i], "a time field", 0, 999_999);
                }
                local = LocalTime.of(f[0], f[1], f[2], f[3] * 1000);
                tz = args.length == 5 ? args[4] : null;
            } else {
                throw reader.format("time(state[, tzinfo]) or time(hour, minute, ...)", args.length + " arguments");
            }
            if (tz == null) {
                return local;
            }
            if (tz instanceof ZoneOffset offset) {
                return OffsetTime.of(local, offset);
            }
            throw reader.format("None or a datetime.timezone as tzinfo", PickleReader.describe(tz));
        } catch (DateTimeException e) {
            throw reader.format("a valid time", e.getMessage());
        }
    }

    private byte[] stateBytes(Object value, int length, String what) throws NpyFormatException {
        byte[] b;
        if (value instanceof String s) {
            b = latin1(s, "a " + what + " state");
        } else if (value instanceof byte[] bytes) {
            b = bytes;
        } else {
            throw reader.format("bytes as a " + what + " state", PickleReader.describe(value));
        }
        if (b.length != length) {
            throw reader.format(length + " bytes of " + what + " state", b.length + " bytes");
        }
        return b;
    }

    private static int micros(byte[] b, int at) {
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at + 2] & 0xFF;
    }

    private Object timedelta(Object[] args) throws NpyException {
        if (args.length > 3) {
            throw reader.format("timedelta(days, seconds, microseconds)", args.length + " arguments");
        }
        long days = args.length > 0 ? integerIn(args[0], "timedelta days", -999_999_999, 999_999_999) : 0;
        long seconds = args.length > 1 ? integerIn(args[1], "timedelta seconds", -(1L << 40), 1L << 40) : 0;
        long micros = args.length > 2 ? integerIn(args[2], "timedelta microseconds", -(1L << 50), 1L << 50) : 0;
        return Duration.ofDays(days).plusSeconds(seconds).plusNanos(micros * 1000);
    }

    private Object timezone(Object[] args) throws NpyException {
        if (args.length < 1 || args.length > 2 || !(args[0] instanceof Duration offset)) {
            throw reader.format("timezone(offset[, name]) with a timedelta offset", args.length + " arguments");
        }
        if (offset.getNano() != 0 || Math.abs(offset.getSeconds()) > ZoneOffset.MAX.getTotalSeconds()) {
            throw reader.format("a whole-second offset within 18 hours (java.time.ZoneOffset)", offset.toString());
        }
        return ZoneOffset.ofTotalSeconds((int) offset.getSeconds());
    }

    private Object decimal(Object[] args) throws NpyException {
        if (args.length < 1 || args.length > 2) {
            throw reader.format("Decimal(value)", args.length + " arguments");
        }
        Object v = args[0];
        if (v instanceof Long || v instanceof BigInteger) {
            return new BigDecimal(bigInteger(v, "an int"));
        }
        String text = text(v, "Decimal's text").strip();
        if (text.length() > MAX_DECIMAL_CHARS) {
            throw reader.format("Decimal text of at most " + MAX_DECIMAL_CHARS + " characters", text.length() + " characters");
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String magnitude = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (magnitude.equals("inf") || magnitude.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (magnitude.matches("s?nan\\d*")) {
            return Double.NaN;
        }
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?")) {
            throw reader.format("Decimal text", PickleReader.quote(text));
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw reader.format("a Decimal whose exponent fits java.math.BigDecimal", PickleReader.quote(text));
        }
    }

    private Object fraction(Object[] args) throws NpyException {
        if (args.length == 2) {
            BigInteger d = bigInteger(args[1], "a fraction's denominator");
            if (d.signum() == 0) {
                throw reader.format("a denominator other than 0", "0");
            }
            return PyFraction.of(bigInteger(args[0], "a fraction's numerator"), d);
        }
        if (args.length == 1) {
            if (args[0] instanceof Long || args[0] instanceof BigInteger) {
                return PyFraction.of(bigInteger(args[0], "an int"), BigInteger.ONE);
            }
            String text = text(args[0], "a fraction's text").strip();
            if (!text.matches("[+-]?\\d{1,4300}(/\\d{1,4300})?")) {
                throw reader.format("a fraction as 'n' or 'n/d'", PickleReader.quote(text));
            }
            int slash = text.indexOf('/');
            BigInteger n = new BigInteger(slash < 0 ? text : text.substring(0, slash));
            BigInteger d = slash < 0 ? BigInteger.ONE : new BigInteger(text.substring(slash + 1));
            if (d.signum() == 0) {
                throw reader.format("a denominator other than 0", "0");
            }
            return PyFraction.of(n, d);
        }
        throw reader.format("Fraction(numerator, denominator) or Fraction(text)", args.length + " arguments");
    }

    private Object reconstructor(Object[] args) throws NpyException {
        if (args.length != 3 || !(args[0] instanceof PyGlobal cls) || !(args[1] instanceof PyGlobal baseClass)) {
            throw reader.format("copyreg._reconstructor(cls, base, state) with classes", args.length + " arguments");
        }
        if (baseClass.qualifiedName().equals("builtins.object")) {
            if (args[2] != null) {
                throw reader.format("state None for a base of object", PickleReader.describe(args[2]));
            }
            return new InstanceNode(cls, new TupleNode(new Object[0]), new DictNode());
        }
        return new InstanceNode(cls, new TupleNode(new Object[] {baseClass, args[2]}), new DictNode());
    }

    // ---------------------------------------------------------------------------------------------
    // Arguments

    private void arity(Object[] args, int min, int max, PyGlobal global) throws NpyFormatException {
        if (args.length < min || args.length > max) {
            throw reader.format(min + (min == max ? "" : ".." + max) + " arguments for " + global.qualifiedName(),
                    Integer.toString(args.length));
        }
    }

    private List<Object> items(Object value, String what) throws NpyFormatException {
        if (value instanceof ListNode list) {
            return list.items;
        }
        if (value instanceof TupleNode tuple) {
            return java.util.Arrays.asList(tuple.items);
        }
        if (value instanceof SetNode set) {
            return set.items;
        }
        throw reader.format(what, PickleReader.describe(value));
    }

    private String text(Object value, String what) throws NpyFormatException {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] b) {
            for (byte x : b) {
                if (x < 0) {
                    throw reader.format("ASCII bytes as " + what, "a byte above 0x7f");
                }
            }
            return new String(b, StandardCharsets.US_ASCII);
        }
        throw reader.format("a str as " + what, PickleReader.describe(value));
    }

    private long[] shape(Object value, String what) throws NpyFormatException {
        if (!(value instanceof TupleNode tuple)) {
            throw reader.format("a tuple of ints as " + what, PickleReader.describe(value));
        }
        long[] shape = new long[tuple.items.length];
        for (int i = 0; i < shape.length; i++) {
            if (!(tuple.items[i] instanceof Long d) || d < 0) {
                throw reader.format("non-negative ints in " + what, PickleReader.describe(tuple.items[i]));
            }
            shape[i] = d;
        }
        return shape;
    }

    private boolean truth(Object value) throws NpyFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long n) {
            return n != 0;
        }
        throw reader.format("a bool as an ndarray's is_fortran flag", PickleReader.describe(value));
    }

    private long integerIn(Object value, String what, long min, long max) throws NpyFormatException {
        if (!(value instanceof Long n) || n < min || n > max) {
            throw reader.format(what + " as an int in " + min + ".." + max, PickleReader.describe(value));
        }
        return n;
    }

    private BigInteger bigInteger(Object value, String what) throws NpyFormatException {
        if (value instanceof Long n) {
            return BigInteger.valueOf(n);
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        throw reader.format(what, PickleReader.describe(value));
    }

    private double number(Object value, String what) throws NpyFormatException {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
            double d = bigInteger(value, what).doubleValue();
            if (Double.isInfinite(d)) {
                throw reader.format(what + " that fits a float", "an int too large");
            }
            return d;
        }
        throw reader.format("a number as " + what, PickleReader.describe(value));
    }
}
