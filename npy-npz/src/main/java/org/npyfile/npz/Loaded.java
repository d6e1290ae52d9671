package org.npyfile.npz;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.npyfile.NpyArray;

/**
 * What {@link Numpy#load(Path)} found in a file: one array ({@code .npy}) or the arrays of an archive
 * ({@code .npz}), as {@code numpy.load} returns an {@code ndarray} or an {@code NpzFile}.
 *
 * <pre>{@code
 * Loaded loaded = Numpy.load(path);
 * if (loaded instanceof Loaded.Array a) {
 *     use(a.array());
 * } else if (loaded instanceof Loaded.Archive z) {
 *     z.arrays().forEach((key, array) -> use(array));
 * }
 * }</pre>
 */
public sealed interface Loaded permits Loaded.Array, Loaded.Archive {

    /**
     * One array, from an {@code .npy} file (or, with object arrays allowed, a bare pickle of an array
     * such as {@code ndarray.dump} writes).
     *
     * @param array the array
     */
    record Array(NpyArray array) implements Loaded {

        /**
         * Checks that the array is there.
         *
         * @param array the array
         * @throws NullPointerException if it is null
         */
        public Array {
            Objects.requireNonNull(array, "array");
        }
    }

    /**
     * The arrays of an {@code .npz} archive.
     *
     * @param arrays the arrays by key ({@code "x"} for the entry {@code "x.npy"}), in archive order;
     *     unmodifiable
     */
    record Archive(Map<String, NpyArray> arrays) implements Loaded {

        /**
         * Keeps an unmodifiable copy, in the given map's order.
         *
         * @param arrays the arrays by key
         * @throws NullPointerException if the map, a key or an array is null
         */
        public Archive {
            Map<String, NpyArray> copy = new LinkedHashMap<>();
            arrays.forEach((key, array) -> copy.put(Objects.requireNonNull(key, "key"),
                    Objects.requireNonNull(array, "array")));
            arrays = Collections.unmodifiableMap(copy);
        }
    }
}
