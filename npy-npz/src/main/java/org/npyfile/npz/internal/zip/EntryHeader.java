package org.npyfile.npz.internal.zip;

/**
 * What a local file header or a central directory header says about an entry: the values the entry
 * rules are checked on, whichever record a reader walks.
 */
public interface EntryHeader {

    /**
     * The entry's name.
     *
     * @return the name, decoded as CPython decodes it
     */
    String name();

    /**
     * The general purpose flags.
     *
     * @return the flags (encryption, data descriptor, UTF-8 name)
     */
    int flags();

    /**
     * The compression method.
     *
     * @return the method number
     */
    int method();

    /**
     * Whether the CRC-32 and the sizes are given here; a local header leaves them to a data
     * descriptor when flag bit 3 is set.
     *
     * @return whether {@link #crc()}, {@link #compressedSize()} and {@link #size()} are known
     */
    boolean sizesDeclared();

    /**
     * The CRC-32 of the entry's bytes.
     *
     * @return the CRC-32, or -1 if not {@linkplain #sizesDeclared() declared} here
     */
    long crc();

    /**
     * The bytes the entry occupies in the archive.
     *
     * @return the compressed size (values of 2^63 and more are negative), or -1 if not declared here
     */
    long compressedSize();

    /**
     * The entry's length.
     *
     * @return the uncompressed size (values of 2^63 and more are negative), or -1 if not declared here
     */
    long size();

    /**
     * Where the entry's local header is: the archive offset all messages about the entry give.
     *
     * @return the local header's archive offset (values of 2^63 and more are negative)
     */
    long localHeaderOffset();
}
