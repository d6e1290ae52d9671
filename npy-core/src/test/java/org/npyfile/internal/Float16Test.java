package org.npyfile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Float16Test {

    @Test
    void decodesLandmarkValues() {
        assertThat(Float16.toFloat((short) 0x3C00)).isEqualTo(1.0f);
        assertThat(Float16.toFloat((short) 0x7BFF)).isEqualTo(65504.0f);
        assertThat(Float16.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(Float16.toFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(Float16.toFloat((short) 0x8000)).isEqualTo(-0.0f);
        assertThat(Float16.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Float16.toFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float16.toFloat((short) 0x7E00)).isNaN();
        assertThat(Float16.toFloat((short) 0xC000)).isEqualTo(-2.0f);
    }

    @Test
    void everyHalfSurvivesARoundTripThroughFloat() {
        for (int h = 0; h < 0x10000; h++) {
            short half = (short) h;
            float f = Float16.toFloat(half);
            assertThat(Float16.fromFloat(f)).as("half 0x%04x", h).isEqualTo(half);
        }
    }

    @Test
    void roundsHalfToEvenAndOverflowsToInfinity() {
        assertThat(Float16.fromFloat(1.0f + 0x1p-11f)).isEqualTo((short) 0x3C00); // tie, even stays
        assertThat(Float16.fromFloat(1.0f + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02); // tie, odd rounds up
        assertThat(Float16.fromFloat(1.0f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3C01);
        assertThat(Float16.fromFloat(65519.0f)).isEqualTo((short) 0x7BFF);
        assertThat(Float16.fromFloat(65520.0f)).isEqualTo((short) 0x7C00);
        assertThat(Float16.fromFloat(0x1p-25f)).isEqualTo((short) 0x0000); // tie to even zero
        assertThat(Float16.fromFloat(0x1.8p-25f)).isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(-1e-10f)).isEqualTo((short) 0x8000);
    }

    @Test
    void everyFloatRoundsToAHalfNoFartherThanItsNeighbours() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Math.abs(f) >= 65520f) {
                continue;
            }
            short h = Float16.fromFloat(f);
            double error = Math.abs((double) Float16.toFloat(h) - f);
            for (int neighbour : new int[] {(h & 0xFFFF) - 1, (h & 0xFFFF) + 1}) {
                float other = Float16.toFloat((short) neighbour);
                if (!Float.isNaN(other) && !Float.isInfinite(other) && Math.signum(other) == Math.signum(f)) {
                    assertThat(error).as("%s -> 0x%04x", f, h).isLessThanOrEqualTo(Math.abs((double) other - f));
                }
            }
        }
    }
}
