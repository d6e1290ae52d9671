package org.npyfile.internal.pickle;

import java.util.Objects;

/**
 * A numpy dtype object stored as a value (for example in a dict of metadata), described by the
 * descr numpy would write for it into a {@code .npy} header: {@code "<f8"}, {@code "|O"},
 * {@code "<M8[10ms]"}, or a structured list {@code "[('x', '<i4'), ('', '|V4')]"}. A dtype with a
 * sub-array at its top ({@code dtype(('<f4', (2,)))}) is {@code "('<f4', (2,))"}.
 *
 * @param descr the descr text
 */
public record NumpyDType(String descr) {

    /**
     * Checks the text.
     *
     * @param descr the descr text
     */
    public NumpyDType {
        Objects.requireNonNull(descr, "descr");
    }
}
