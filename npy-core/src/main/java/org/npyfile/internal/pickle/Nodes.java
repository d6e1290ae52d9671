package org.npyfile.internal.pickle;

import java.util.ArrayList;
import org.npyfile.python.PyGlobal;

/**
 * The mutable objects the pickle machine builds and the memo shares: pickle fills containers after
 * it made them (and after other containers took a reference), and {@code BUILD} sets an array's or
 * a dtype's state after its constructor ran. {@link Finisher} turns them into the immutable values
 * of the result once the pickle has stopped. Leaves (String, byte[], numbers, {@link PyGlobal}, ...)
 * are final values from the start.
 */
final class Nodes {

    private Nodes() {
    }

    /** A Python list, or a {@code collections.deque}. */
    static final class ListNode {
        final ArrayList<Object> items = new ArrayList<>();
    }

    /** A Python tuple: immutable, but its elements may still be nodes. */
    static final class TupleNode {
        final Object[] items;

        TupleNode(Object[] items) {
            this.items = items;
        }
    }

    /** A dict, OrderedDict or defaultdict: keys and values alternating, in insertion order. */
    static final class DictNode {
        final ArrayList<Object> keysAndValues = new ArrayList<>();
    }

    /** A set or frozenset, elements in the pickle's order. */
    static final class SetNode {
        final ArrayList<Object> items = new ArrayList<>();
        final boolean frozen;

        SetNode(boolean frozen) {
            this.frozen = frozen;
        }
    }

    /** An instance of a class outside the allowlist: only what the pickle says about it. */
    static final class InstanceNode {
        final PyGlobal type;
        final TupleNode args;
        final DictNode kwargs;
        Object state;
        boolean built;
        final ListNode listItems = new ListNode();
        final DictNode dictItems = new DictNode();

        InstanceNode(PyGlobal type, TupleNode args, DictNode kwargs) {
            this.type = type;
            this.args = args;
            this.kwargs = kwargs;
        }
    }

    /** {@code numpy.dtype(spec, align, copy)}, until BUILD gives it its state. */
    static final class DTypeNode {
        /** The dtype the constructor alone makes (native byte order, no fields). */
        final DTypeSpec initial;
        DTypeSpec built;

        DTypeNode(DTypeSpec initial) {
            this.initial = initial;
        }

        DTypeSpec spec() {
            return built != null ? built : initial;
        }
    }

    /** {@code numpy._reconstruct(subtype, (0,), b'b')} or a numpy scalar, until BUILD gives it its state. */
    static final class ArrayNode {
        final PyGlobal subclass;
        boolean built;
        boolean scalar;
        DTypeSpec dtype = DTypeSpec.initialArray();
        long[] shape = {0};
        boolean fortranOrder;
        byte[] data = new byte[0];
        /** The state's list of elements, for a dtype that holds objects. */
        ListNode objects;

        ArrayNode(PyGlobal subclass) {
            this.subclass = subclass;
        }
    }
}
