package org.npyfile.npz.internal.read;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.npyfile.NpyLimitException;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzLimits;
import org.npyfile.npz.internal.zip.CentralHeader;
import org.npyfile.npz.internal.zip.EntryHeader;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * The rules an entry must pass before any of its data is read, the same for both readers: random
 * access checks them on the central directory, a stream on each local header. Names were checked
 * when the header was parsed ({@link org.npyfile.npz.internal.zip.ZipNames}); here, in order:
 * <ol>
 *   <li>declared sizes and the local header offset below 2^63;</li>
 *   <li>no more entries than {@link NpzLimits#maxEntries()};</li>
 *   <li>no encryption;</li>
 *   <li>method stored or deflated, the two numpy writes;</li>
 *   <li>a stored entry's two sizes equal;</li>
 *   <li>a deflated entry's size within what DEFLATE can make of its compressed size
 *       ({@link ZipFormat#MAX_DEFLATE_RATIO}), which bounds a zip bomb before inflating;</li>
 *   <li>no name, and no key, seen before (numpy could not tell two such entries apart).</li>
 * </ol>
 * A failure names the entry and gives its local header's offset, so both readers report one defect
 * with one message. The {@linkplain #budget() total size bound} and the agreement of local and central
 * headers ({@link #checkAgreement}) are here too; the end of each entry is checked by
 * {@link EndOfEntryCheck}.
 *
 * <p>One instance per archive: it remembers the names and keys seen. Not thread-safe.
 */
public final class EntryRules {

    private final NpzLimits limits;
    private final Budget budget;
    private final Set<String> names = new HashSet<>();
    private final Map<String, String> keys = new HashMap<>();
    private int count;

    /**
     * Rules for one archive.
     *
     * @param limits the bounds
     */
    public EntryRules(NpzLimits limits) {
        this.limits = limits;
        this.budget = new Budget(limits.maxTotalBytes());
    }

    /**
     * The bound on the uncompressed bytes of all entries together.
     *
     * @return the archive's budget
     */
    public Budget budget() {
        return budget;
    }

    /**
     * Checks the next entry, in archive order.
     *
     * @param h what its header declares
     * @return the entry as the header describes it (sizes and CRC -1 where a data descriptor holds them)
     * @throws NpzFormatException if a rule fails
     * @throws NpyLimitException if the archive has too many entries
     */
    public NpzEntry admit(EntryHeader h) throws NpzFormatException, NpyLimitException {
        String name = h.name();
        long at = Math.max(h.localHeaderOffset(), -1);
        boolean declared = h.sizesDeclared();
        if (declared && (h.compressedSize() < 0 || h.size() < 0) || h.localHeaderOffset() < 0) {
            throw new NpzFormatException(name, at, "sizes and a local header offset below 2^63",
                    "compressed size " + Long.toUnsignedString(h.compressedSize()) + ", size "
                            + Long.toUnsignedString(h.size()) + ", offset " + Long.toUnsignedString(h.localHeaderOffset()));
        }
        if (++count > limits.maxEntries()) {
            throw new NpyLimitException("entry '" + name + "': the archive has more than " + limits.maxEntries()
                    + " entries (NpzLimits.maxEntries)");
        }
        if ((h.flags() & (ZipFormat.FLAG_ENCRYPTED | ZipFormat.FLAG_STRONG_ENCRYPTION)) != 0) {
            throw new NpzFormatException(name, at, "an unencrypted entry",
                    String.format("general purpose flags 0x%04x (encrypted)", h.flags()));
        }
        NpzEntry.Method method = switch (h.method()) {
            case ZipFormat.METHOD_STORED -> NpzEntry.Method.STORED;
            case ZipFormat.METHOD_DEFLATED -> NpzEntry.Method.DEFLATED;
            default -> throw new NpzFormatException(name, at, "compression method 0 (stored) or 8 (deflated), as numpy "
                    + "writes", "method " + ZipFormat.methodName(h.method()));
        };
        if (declared && method == NpzEntry.Method.STORED && h.compressedSize() != h.size()) {
            throw new NpzFormatException(name, at, "equal sizes for a stored entry",
                    "compressed size " + h.compressedSize() + " and size " + h.size());
        }
        if (declared && method == NpzEntry.Method.DEFLATED && h.size() / ZipFormat.MAX_DEFLATE_RATIO > h.compressedSize()) {
            throw new NpzFormatException(name, at, "an uncompressed size that " + h.compressedSize()
                    + " DEFLATE bytes can produce (at most " + ZipFormat.MAX_DEFLATE_RATIO + " times as many)",
                    h.size() + " bytes (a zip bomb?)");
        }
        if (!names.add(name)) {
            throw new NpzFormatException(name, at, "an entry name not seen before", "a second entry of that name");
        }
        String key = NpzEntry.keyOf(name);
        String other = keys.putIfAbsent(key, name);
        if (other != null) {
            throw new NpzFormatException(name, at, "this entry and '" + other + "' both have the key '" + key
                    + "', which numpy could not tell apart", (Throwable) null);
        }
        return new NpzEntry(name, key, method, h.compressedSize(), h.size(), h.crc());
    }

    /**
     * The rule that an entry's central directory header repeats its local header: name, method, and
     * CRC-32 and sizes (where the local header leaves those to a data descriptor, the values the
     * descriptor and the data had).
     *
     * @param entry the entry's name as the reader knows it (central for random access, local for a stream)
     * @param central the central directory header
     * @param local the local header's name
     * @param method its method
     * @param crc its CRC-32, or -1 if it declares none
     * @param compressedSize its stored size, or -1
     * @param size its size, or -1
     * @throws NpzFormatException if they differ
     */
    public static void checkAgreement(String entry, CentralHeader central, String local, int method, long crc,
                                      long compressedSize, long size) throws NpzFormatException {
        boolean valuesKnown = crc >= 0;
        if (!local.equals(central.name()) || method != central.method() || valuesKnown && (crc != central.crc()
                || compressedSize != central.compressedSize() || size != central.size())) {
            throw new NpzFormatException(entry, central.localHeaderOffset(), "a local header and a central directory "
                    + "header that agree on name, method, CRC-32 and sizes", "local header "
                    + describe(local, method, crc, compressedSize, size) + "; central directory "
                    + describe(central.name(), central.method(), central.crc(), central.compressedSize(), central.size()));
        }
    }

    private static String describe(String name, int method, long crc, long compressedSize, long size) {
        return "'" + name + "', method " + ZipFormat.methodName(method) + ", " + (crc < 0
                ? "CRC-32 and sizes in a data descriptor"
                : "CRC-32 " + ZipFormat.crcText(crc) + ", sizes " + compressedSize + "/" + size);
    }
}
