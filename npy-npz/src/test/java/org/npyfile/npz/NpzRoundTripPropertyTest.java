package org.npyfile.npz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.npyfile.DType;
import org.npyfile.NpyArray;

/** Any arrays under any keys, written any way, read back the same by both readers. */
class NpzRoundTripPropertyTest {

    private static final List<DType> DTYPES = List.of(DType.BOOL, DType.INT8, DType.UINT16,
            DType.INT32.withByteOrder(ByteOrder.BIG_ENDIAN), DType.INT64, DType.FLOAT16, DType.FLOAT32,
            DType.FLOAT64.withByteOrder(ByteOrder.BIG_ENDIAN), DType.COMPLEX64, DType.bytes(3), DType.unicode(2),
            DType.datetime64("ms"));

    @Provide
    Arbitrary<NpyArray> arrays() {
        Arbitrary<long[]> shapes = Arbitraries.longs().between(0, 6).array(long[].class).ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(DTYPES), shapes, Arbitraries.of(true, false),
                Arbitraries.longs()).as((dtype, shape, fortran, seed) -> {
                    long count = 1;
                    for (long d : shape) {
                        count *= d;
                    }
                    byte[] bytes = new byte[(int) count * dtype.itemSize()];
                    new Random(seed).nextBytes(bytes);
                    return NpyArray.of(dtype, fortran, shape, ByteBuffer.wrap(bytes));
                });
    }

    @Provide
    Arbitrary<Map<String, NpyArray>> archives() {
        Arbitrary<String> keys = Arbitraries.strings().withChars("ab/._ -\u00e9\u65e5").withChars('\uD83D')
                .ofMaxLength(8).filter(k -> !k.contains("\uD83D")).map(k -> k.replace("\u00e9\u65e5", "\uD83D\uDE00"));
        return Arbitraries.maps(keys, arrays()).ofMaxSize(5).map(LinkedHashMap::new);
    }

    @Property(tries = 60)
    void everyArchiveReadsBackAsWritten(@ForAll("archives") Map<String, NpyArray> arrays,
                                        @ForAll boolean compressed, @ForAll boolean seekable,
                                        @ForAll boolean streamedEntries) throws IOException {
        NpzWriteOptions options = compressed ? NpzWriteOptions.COMPRESSED : NpzWriteOptions.STORED;
        Archives.Mode mode = streamedEntries ? Archives.Mode.STREAMED_ENTRIES : Archives.Mode.WRITE_ALL;
        byte[] archive = seekable ? Archives.writtenSeekable(arrays, options, mode)
                : Archives.written(arrays, options, mode);
        try (NpzFile npz = NpzFile.open(new SeekableInMemoryByteChannel(archive))) {
            assertThat(npz.names()).containsExactlyElementsOf(arrays.keySet());
            assertThat(npz.readAll()).containsExactlyEntriesOf(arrays);
        }
        assertThat(Archives.readStreaming(archive)).containsExactlyEntriesOf(arrays);
    }
}
