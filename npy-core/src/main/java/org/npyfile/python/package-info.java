/**
 * Python values that an object array's pickle holds and Java has no type for, as inert records:
 * {@link org.npyfile.python.PyTuple} (a list that was a tuple), {@link org.npyfile.python.PyComplex},
 * {@link org.npyfile.python.PySlice}, {@link org.npyfile.python.PyRange},
 * {@link org.npyfile.python.PyFraction}, a bare class or function reference
 * ({@link org.npyfile.python.PyGlobal}) and an instance of a class outside the allowlist
 * ({@link org.npyfile.python.PyInstance}: its class and pickled state, nothing of it run).
 * {@link org.npyfile.NpyArray#asObjectArray()} hands them out; {@link org.npyfile.NpyArray#ofObjects}
 * takes the writable ones back.
 */
package org.npyfile.python;
