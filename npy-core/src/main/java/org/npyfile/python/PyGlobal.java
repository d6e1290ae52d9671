package org.npyfile.python;

import java.util.Objects;

/**
 * An inert reference to a Python class or function that a pickle stores as a value (for example
 * {@code builtins.range} itself, not a range): only its module and qualified name. Nothing is
 * imported or looked up.
 *
 * @param module the module, after Python 2 names are mapped as Python 3's unpickler maps them
 *     ({@code __builtin__} is {@code builtins})
 * @param name the qualified name within the module
 */
public record PyGlobal(String module, String name) {

    /**
     * Checks the names.
     *
     * @param module the module
     * @param name the qualified name
     */
    public PyGlobal {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The dotted name, as Python prints it.
     *
     * @return {@code module.name}
     */
    public String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return "<" + qualifiedName() + ">";
    }
}
