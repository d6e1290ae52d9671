package org.npyfile.internal.pickle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Turns what the pickle machine built into the result's immutable values, after checking the
 * whole structure once: no container may contain itself (Python can represent such a structure;
 * a Java value cannot, and {@code equals}, {@code hashCode} and {@code toString} would not
 * return), nesting stays within {@link PickleLimits#maxDepth()}, and the values a caller walking
 * the result visits, every shared reference counted again, stay within
 * {@link PickleLimits#maxValues()}. Both passes recurse at most {@code maxDepth} levels deep.
 */
final class Finisher {

    private final PickleReader reader;
    private final PickleLimits limits;
    /** Height and expanded size of every container measured so far. */
    private final IdentityHashMap<Object, long[]> measured = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Boolean> visiting = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Object> finished = new IdentityHashMap<>();

    Finisher(PickleReader reader, PickleLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    Object finish(Object root) throws NpyException {
        measure(root, 1);
        return convert(root);
    }

    private static boolean isContainer(Object node) {
        return node instanceof ListNode || node instanceof TupleNode || node instanceof DictNode
                || node instanceof SetNode || node instanceof InstanceNode || node instanceof ArrayNode;
    }

    private static List<Object> children(Object node) {
        if (node instanceof ListNode list) {
            return list.items;
        }
        if (node instanceof TupleNode tuple) {
            return java.util.Arrays.asList(tuple.items);
        }
        if (node instanceof DictNode dict) {
            return dict.keysAndValues;
        }
        if (node instanceof SetNode set) {
            return set.items;
        }
        if (node instanceof InstanceNode instance) {
            List<Object> all = new ArrayList<>();
            all.add(instance.args);
            all.add(instance.kwargs);
            all.add(instance.state);
            all.add(instance.listItems);
            all.add(instance.dictItems);
            return all;
        }
        ArrayNode array = (ArrayNode) node;
        return array.objects == null ? List.of() : array.objects.items;
    }

    /** Returns the height of the node (0 for a leaf), after checking depth, cycles and the value count. */
    private long measure(Object node, int depth) throws NpyException {
        if (!isContainer(node)) {
            return 0;
        }
        long[] known = measured.get(node);
        if (known == null) {
            if (depth > limits.maxDepth()) {
                throw tooDeep();
            }
            if (visiting.put(node, Boolean.TRUE) != null) {
                throw new NpyFormatException(reader.endOffset(), "a structure without cycles",
                        PickleReader.describe(node) + " that contains itself");
            }
            long height = 0;
            long size = 1;
            for (Object child : children(node)) {
                height = Math.max(height, measure(child, depth + 1) + 1);
                long[] c = isContainer(child) ? measured.get(child) : null;
                size += c == null ? 1 : c[1];
                if (size > limits.maxValues()) {
                    throw new NpyLimitException("at byte " + reader.endOffset() + ": the result holds more than "
                            + limits.maxValues() + " values, counting shared references again");
                }
            }
            visiting.remove(node);
            known = new long[] {height, size};
            measured.put(node, known);
        }
        if (depth + known[0] > limits.maxDepth()) {
            throw tooDeep();
        }
        return known[0];
    }

    private NpyLimitException tooDeep() {
        return new NpyLimitException("at byte " + reader.endOffset() + ": containers nest deeper than the limit of "
                + limits.maxDepth());
    }

    private Object convert(Object node) throws NpyException {
        if (node instanceof DTypeNode dtype) {
            return new NumpyDType(descr(dtype.spec()));
        }
        if (!isContainer(node)) {
            return node;
        }
        Object done = finished.get(node);
        if (done != null) {
            return done;
        }
        Object value;
        if (node instanceof ListNode list) {
            value = Collections.unmodifiableList(convertAll(list.items));
        } else if (node instanceof TupleNode tuple) {
            value = PyTuple.copyOf(convertAll(java.util.Arrays.asList(tuple.items)));
        } else if (node instanceof DictNode dict) {
            value = map(dict);
        } else if (node instanceof SetNode set) {
            Set<Object> items = new LinkedHashSet<>();
            for (Object item : set.items) {
                items.add(hashable(convert(item)));
            }
            value = Collections.unmodifiableSet(items);
        } else if (node instanceof InstanceNode i) {
            value = new PyInstance(i.type, (PyTuple) convert(i.args), map(i.kwargs), convert(i.state),
                    Collections.unmodifiableList(convertAll(i.listItems.items)), map(i.dictItems));
        } else {
            value = array((ArrayNode) node);
        }
        finished.put(node, value);
        return value;
    }

    private List<Object> convertAll(List<Object> items) throws NpyException {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(convert(item));
        }
        return out;
    }

    private Map<Object, Object> map(DictNode dict) throws NpyException {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < dict.keysAndValues.size(); i += 2) {
            map.put(hashable(convert(dict.keysAndValues.get(i))), convert(dict.keysAndValues.get(i + 1)));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Python's rule for dict keys and set elements: no list, dict, set or array, also inside a tuple. */
    private Object hashable(Object key) throws NpyFormatException {
        if (key instanceof PyTuple tuple) {
            for (Object item : tuple) {
                hashable(item);
            }
        } else if (key instanceof List || key instanceof Map || key instanceof PickledArray) {
            throw new NpyFormatException(reader.endOffset(), "a hashable dict key or set element",
                    "a " + (key instanceof List ? "list" : key instanceof Map ? "dict" : "numpy array"));
        }
        return key;
    }

    private PickledArray array(ArrayNode a) throws NpyException {
        List<Object> objects = a.objects == null ? null : Collections.unmodifiableList(convertAll(a.objects.items));
        return new PickledArray(descr(a.dtype), a.shape, a.fortranOrder, objects == null ? a.data : null, objects,
                a.scalar, a.subclass);
    }

    private String descr(DTypeSpec spec) throws NpyFormatException {
        try {
            return spec.descr();
        } catch (IllegalStateException e) {
            throw new NpyFormatException(reader.endOffset(), "fields in offset order without overlaps, as a .npy descr "
                    + "needs them", e.getMessage());
        }
    }
}
