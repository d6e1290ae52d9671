/**
 * A pickle reader that only builds data, and a pickle writer for plain values: what numpy stores in
 * the data section of an object ({@code |O}) array. Not exported; the public API wraps it.
 *
 * <p>{@link org.npyfile.internal.pickle.PickleReader} runs the pickle machine of protocols 0 to 5
 * over a byte buffer without importing, constructing or calling anything: an allowlist of data
 * constructors (numpy's array, dtype and scalar reconstruction, {@code complex}, {@code set},
 * {@code datetime}, {@code decimal}, ...) is decoded into plain Java values; an instance of any other
 * class becomes an inert {@link org.npyfile.python.PyInstance}; a call of any other global is
 * refused. Every size it allocates from is checked against the input and the
 * {@link org.npyfile.internal.pickle.PickleLimits}. {@link org.npyfile.internal.pickle.PickleWriter}
 * writes the pickle numpy itself writes for an object array.
 */
package org.npyfile.internal.pickle;

import org.npyfile.python.PyInstance;
