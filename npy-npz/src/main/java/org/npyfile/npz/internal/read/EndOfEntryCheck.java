package org.npyfile.npz.internal.read;

import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * The one check at the end of every entry, in both readers: the CRC-32 and sizes counted over the
 * bytes an entry delivered, against those a record of the archive declares for it.
 *
 * @param source the declaring record, for messages: {@code "central directory"}, {@code "local
 *     header"} or {@code "data descriptor"}
 * @param crc the declared CRC-32
 * @param compressedSize the declared stored size
 * @param size the declared size
 */
public record EndOfEntryCheck(String source, long crc, long compressedSize, long size) {

    /**
     * Compares what was counted with what is declared.
     *
     * @param entry the entry's name
     * @param at the archive offset to report: the entry's data, or the data descriptor
     * @param countedCrc the CRC-32 of the bytes delivered
     * @param countedCompressed the stored bytes consumed
     * @param countedSize the bytes delivered
     * @throws NpzFormatException if the sizes or the CRC-32 differ
     */
    public void verify(String entry, long at, long countedCrc, long countedCompressed, long countedSize)
            throws NpzFormatException {
        if (countedCompressed != compressedSize || countedSize != size) {
            throw new NpzFormatException(entry, at, "sizes " + compressedSize + "/" + size
                    + " (compressed/uncompressed), as the " + source + " declares", countedCompressed + "/" + countedSize);
        }
        if (countedCrc != crc) {
            throw new NpzFormatException(entry, at, "CRC-32 " + ZipFormat.crcText(crc) + " over its " + countedSize
                    + " bytes, as the " + source + " declares", ZipFormat.crcText(countedCrc));
        }
    }
}
