package org.npyfile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Codec#transpose} against the definition of the two layouts: element (i0, ..., in) lies at
 * the sum of i_k times the layout's stride of axis k, for every rank up to 5, shapes smaller and
 * larger than a tile, and element sizes with and without a fast path.
 */
class TransposeTest {

    @Test
    void movesEveryElementToItsPlaceInTheOtherLayoutAndBack() {
        Random random = new Random(20261201);
        int[] itemSizes = {1, 2, 3, 4, 8, 16};
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + random.nextInt(4);
            long[] shape = new long[n];
            long count = 1;
            for (int k = 0; k < n; k++) {
                shape[k] = 1 + random.nextInt(k == 0 || k == n - 1 ? 70 : 5);
                count *= shape[k];
            }
            int itemSize = itemSizes[random.nextInt(itemSizes.length)];
            byte[] fortran = new byte[(int) (count * itemSize)];
            random.nextBytes(fortran);
            ByteBuffer c = Codec.transpose(ByteBuffer.wrap(fortran).order(ByteOrder.BIG_ENDIAN), shape, itemSize, true);
            byte[] expected = new byte[fortran.length];
            long[] index = new long[n];
            for (long e = 0; e < count; e++) {
                long f = 0;
                long cOffset = 0;
                long fStride = 1;
                long cStride = 1;
                for (int k = 0; k < n; k++) {
                    f += index[k] * fStride;
                    fStride *= shape[k];
                    cOffset += index[n - 1 - k] * cStride;
                    cStride *= shape[n - 1 - k];
                }
                System.arraycopy(fortran, (int) (f * itemSize), expected, (int) (cOffset * itemSize), itemSize);
                for (int k = n - 1; k >= 0 && ++index[k] == shape[k]; k--) {
                    index[k] = 0;
                }
            }
            assertThat(c.array()).as("shape %s, %d-byte elements", Arrays.toString(shape), itemSize)
                    .isEqualTo(expected);
            ByteBuffer back = Codec.transpose(c, shape, itemSize, false);
            assertThat(back.array()).isEqualTo(fortran);
            assertThat(back.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        }
    }
}
