package org.npyfile.npz;

import java.util.Objects;

/**
 * What the ZIP metadata says about one entry of an archive, without reading its data.
 *
 * <p>From {@link NpzFile} every value comes from the central directory. From {@link NpzInputStream}
 * the values come from the local header, where a writer to an unseekable stream (numpy writing to a
 * pipe) leaves the CRC and sizes for a data descriptor after the data; they are then -1.
 *
 * @param name the ZIP entry name, for example {@code "weights.npy"} or {@code "a/b.npy"}
 * @param key the name numpy shows: {@code name} without a trailing {@code ".npy"}
 * @param method how the data is stored
 * @param compressedSize the stored bytes, or -1 if the local header defers it to a data descriptor
 * @param uncompressedSize the entry's bytes (npy header and data), or -1 if deferred
 * @param crc32 the CRC-32 of the uncompressed bytes (0 to 2^32-1), or -1 if deferred
 */
public record NpzEntry(String name, String key, Method method, long compressedSize, long uncompressedSize,
                       long crc32) {

    /** The two ZIP compression methods numpy writes and reads. */
    public enum Method {
        /** ZIP method 0: the bytes as they are ({@code numpy.savez}). */
        STORED(0),
        /** ZIP method 8: DEFLATE ({@code numpy.savez_compressed}). */
        DEFLATED(8);

        private final int code;

        Method(int code) {
            this.code = code;
        }

        /**
         * The method's number in ZIP headers.
         *
         * @return 0 or 8
         */
        public int code() {
            return code;
        }
    }

    /**
     * Checks that nothing is null.
     *
     * @param name the ZIP entry name
     * @param key the name numpy shows
     * @param method how the data is stored
     * @param compressedSize the stored bytes, or -1 if deferred
     * @param uncompressedSize the entry's bytes, or -1 if deferred
     * @param crc32 the CRC-32, or -1 if deferred
     * @throws NullPointerException if {@code name}, {@code key} or {@code method} is null
     */
    public NpzEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(method, "method");
    }

    /**
     * The key numpy shows for a ZIP entry name: the name without one trailing {@code ".npy"}
     * (Python's {@code removesuffix}).
     *
     * @param name the ZIP entry name
     * @return the key; {@code "x.npy.npy"} gives {@code "x.npy"}, {@code "notes.txt"} stays as it is
     */
    public static String keyOf(String name) {
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }
}
