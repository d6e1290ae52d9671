package org.npyfile.python;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inert description of an instance of a class outside the allowlist, made the way pickle makes
 * plain instances ({@code NEWOBJ}, {@code NEWOBJ_EX}, {@code copyreg._reconstructor},
 * {@code copyreg.__newobj__}) and filled by {@code BUILD}, {@code APPEND(S)} and
 * {@code SETITEM(S)}. Nothing of the class runs: these are only the values the pickle holds. A
 * scipy sparse matrix, for example, is {@code scipy.sparse._csr.csr_matrix} with its
 * {@code __dict__} as {@link #state()}: {@code data}, {@code indices} and {@code indptr} arrays,
 * {@code _shape}, {@code maxprint}.
 *
 * @param type the class
 * @param args the arguments pickle would pass to {@code cls.__new__} (for
 *     {@code copyreg._reconstructor} with a base other than {@code object}: the base and its state)
 * @param kwargs keyword arguments of {@code NEWOBJ_EX}, in order
 * @param state the argument of {@code BUILD} ({@code __setstate__} or the instance dict; a
 *     {@code (dict, slots)} tuple for classes with slots), or null if there was none
 * @param listItems what {@code APPEND}/{@code APPENDS} added (for list subclasses), in order
 * @param dictItems what {@code SETITEM}/{@code SETITEMS} added (for dict subclasses), in order
 */
public record PyInstance(PyGlobal type, List<Object> args, Map<Object, Object> kwargs, Object state,
        List<Object> listItems, Map<Object, Object> dictItems) {

    /**
     * Checks the parts.
     *
     * @param type the class
     * @param args the constructor arguments
     * @param kwargs the keyword arguments
     * @param state the state, or null
     * @param listItems appended items
     * @param dictItems set items
     */
    public PyInstance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(kwargs, "kwargs");
        Objects.requireNonNull(listItems, "listItems");
        Objects.requireNonNull(dictItems, "dictItems");
    }

    @Override
    public String toString() {
        return type.qualifiedName() + "(args=" + args + (state == null ? "" : ", state=" + state)
                + (listItems.isEmpty() ? "" : ", items=" + listItems)
                + (dictItems.isEmpty() ? "" : ", dict=" + dictItems) + ")";
    }
}
