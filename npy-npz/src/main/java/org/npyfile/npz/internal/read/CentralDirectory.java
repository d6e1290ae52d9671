package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.internal.zip.CentralHeader;
import org.npyfile.npz.internal.zip.EndRecord;
import org.npyfile.npz.internal.zip.Zip64EndRecord;
import org.npyfile.npz.internal.zip.ZipFormat;

/**
 * The central directory and the end records after it, read front to back by both readers: a stream
 * comes to it after its last entry, random access starts where the end record says it is. The
 * headers follow one another from the directory's start, then come the ZIP64 end record and its
 * locator (if any) and the end record, each of whose counts, sizes and offsets must be those of the
 * headers actually read (or, beside a ZIP64 end record, the marker that defers to it).
 *
 * @param headers the headers, in directory order
 * @param offset the archive offset of the first header
 * @param size the directory's length
 * @param endRecordOffset the archive offset of the end of central directory record
 */
public record CentralDirectory(List<CentralHeader> headers, long offset, long size, long endRecordOffset) {

    /**
     * Reads the directory and its end records.
     *
     * @param in the archive, at the directory's first byte
     * @param maxHeaders the most headers there may be; one more is refused before it is kept, so
     *     memory stays bounded by what the reader already trusts
     * @param why where that number comes from, for the message
     * @return the directory
     * @throws NpzFormatException if a record is malformed, missing or disagrees with the headers
     * @throws IOException if the archive cannot be read
     */
    public static CentralDirectory read(StreamedArchive in, long maxHeaders, String why) throws IOException {
        long start = in.position();
        List<CentralHeader> headers = new ArrayList<>();
        while (in.peekSignature("the rest of the central directory and its end record") == CentralHeader.SIGNATURE) {
            long at = in.position();
            byte[] fixed = in.readFully(CentralHeader.FIXED_LENGTH, null, "a central directory header");
            byte[] nameAndExtra = in.readFully(CentralHeader.nameAndExtraLength(fixed), null,
                    "a central directory header's name and extra field");
            in.skipFully(CentralHeader.commentLength(fixed), null, "a central directory header's comment");
            CentralHeader header = CentralHeader.parse(at, fixed, nameAndExtra);
            if (headers.size() >= maxHeaders) {
                throw new NpzFormatException(header.name(), at, maxHeaders + " central directory headers, " + why,
                        "more");
            }
            headers.add(header);
        }
        long size = in.position() - start;
        return new CentralDirectory(List.copyOf(headers), start, size, readEndRecords(in, headers.size(), start, size));
    }

    /** Reads the end records after the directory and checks them against it; returns the end record's offset. */
    private static long readEndRecords(StreamedArchive in, long count, long start, long size) throws IOException {
        boolean zip64 = false;
        long at = in.position();
        if (in.peekSignature("the end of central directory record") == Zip64EndRecord.SIGNATURE) {
            zip64 = true;
            byte[] head = in.readFully(Zip64EndRecord.HEAD_LENGTH, null, "the ZIP64 end record");
            byte[] whole = Arrays.copyOf(head, Zip64EndRecord.length(at, head));
            byte[] rest = in.readFully(whole.length - head.length, null, "the ZIP64 end record");
            System.arraycopy(rest, 0, whole, head.length, rest.length);
            Zip64EndRecord record = Zip64EndRecord.parse(at, whole);
            expect(record.count(), count, at, "the ZIP64 end record's entry count");
            expect(record.directorySize(), size, at, "the ZIP64 end record's central directory size");
            expect(record.directoryOffset(), start, at, "the ZIP64 end record's central directory offset");
            long locatorAt = in.position();
            Zip64EndRecord.Locator locator = Zip64EndRecord.Locator.parse(locatorAt,
                    in.readFully(Zip64EndRecord.Locator.LENGTH, null, "the ZIP64 end record's locator"));
            expect(locator.recordOffset(), at, locatorAt, "the ZIP64 locator's record offset");
        }
        long endAt = in.position();
        EndRecord end = EndRecord.parse(endAt, in.readFully(EndRecord.LENGTH, null, "the end of central directory "
                + "record"), 0);
        expect(end.count(), count, ZipFormat.MARK_16, zip64, endAt, "the end record's entry count");
        expect(end.directorySize(), size, ZipFormat.MARK_32, zip64, endAt, "the end record's central directory size");
        expect(end.directoryOffset(), start, ZipFormat.MARK_32, zip64, endAt, "the end record's central directory "
                + "offset");
        return endAt;
    }

    /** A field that must hold the value, or beside a ZIP64 end record the marker deferring to it. */
    private static void expect(long field, long actual, long mark, boolean zip64, long at, String what)
            throws NpzFormatException {
        if (field != actual && !(zip64 && field == mark)) {
            throw new NpzFormatException(null, at, what + " " + actual, Long.toString(field));
        }
    }

    private static void expect(long field, long actual, long at, String what) throws NpzFormatException {
        expect(field, actual, -1, false, at, what);
    }
}
