package org.npyfile.python;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple: an unmodifiable {@link List}, so that code which only needs a sequence treats
 * lists and tuples alike, while {@code instanceof PyTuple} tells a tuple from a list (a Python list
 * is any other {@code List}). Equal, as every {@code List}, to any list with equal elements.
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {

    private static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    /**
     * A tuple of these elements.
     *
     * @param items the elements, copied
     * @return the tuple
     */
    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    /**
     * A tuple of a list's elements.
     *
     * @param items the elements, copied
     * @return the tuple
     */
    public static PyTuple copyOf(List<?> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    /** Wraps an array the caller hands over and never touches again. */
    private static PyTuple wrap(Object[] items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(items, items.length, Object[].class);
    }
}
