package org.npyfile.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.npyfile.DType;
import org.npyfile.NpyHeader;
import org.npyfile.cli.repr.DTypeText;

/** How the commands name dtypes, shapes and headers in text and JSON. */
final class Describe {

    private Describe() {
    }

    /**
     * A dtype as numpy names it after {@code dtype=} in a repr, without quotes.
     *
     * @param d the dtype
     * @return for example {@code uint8}, {@code float32}, {@code >f8}, {@code <U7},
     *     {@code datetime64[ns]}, or the field list of a record
     */
    static String dtype(DType d) {
        String repr = DTypeText.shortRepr(d);
        return repr.length() > 1 && repr.startsWith("'") && repr.endsWith("'") ? repr.substring(1, repr.length() - 1)
                : repr;
    }

    /**
     * What a command that computes with doubles adds when it refuses a dtype: long doubles are
     * floats, but wider than it takes.
     *
     * @param d the refused dtype
     * @return {@code " up to float64"} for {@code float128}, else nothing
     */
    static String float64Limit(DType d) {
        return d.kind() == DType.Kind.FLOAT && d.isLongDouble() ? " up to float64" : "";
    }

    /**
     * The layout of a header.
     *
     * @param h the header
     * @return {@code C} or {@code Fortran}
     */
    static String order(NpyHeader h) {
        return h.fortranOrder() ? "Fortran" : "C";
    }

    /**
     * The format version of a header.
     *
     * @param h the header
     * @return for example {@code 1.0}
     */
    static String version(NpyHeader h) {
        return h.majorVersion() + "." + h.minorVersion();
    }

    /**
     * A header as JSON fields.
     *
     * @param h the header
     * @return descr, dtype, shape, fortranOrder, version, dataOffset, dataBytes, elements
     */
    static Map<String, Object> header(NpyHeader h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("descr", h.dtype().descr());
        m.put("dtype", dtype(h.dtype()));
        m.put("shape", h.shape());
        m.put("fortranOrder", h.fortranOrder());
        m.put("version", version(h));
        m.put("dataOffset", h.dataOffset());
        m.put("dataBytes", h.dataBytes());
        m.put("elements", h.elementCount());
        return m;
    }
}
