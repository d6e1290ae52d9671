package org.npyfile.cli.picture;

/**
 * Pixels, row by row from the top, each {@code 0xAARRGGBB}; opaque unless the picture has alpha.
 *
 * @param width pixels across
 * @param height pixels down
 * @param pixels {@code width * height} colours
 * @param alpha whether any pixel may be translucent (an RGBA image)
 * @param marks per pixel {@link #NONE}, {@link #NAN}, {@link #POSITIVE_INFINITY} or
 *     {@link #NEGATIVE_INFINITY}: what a pixel in one of those colours stands for, for drawings
 *     without colour
 */
public record Picture(int width, int height, int[] pixels, boolean alpha, byte[] marks) {

    /** A pixel of a value. */
    public static final byte NONE = 0;

    /** A pixel of NaN. */
    public static final byte NAN = 1;

    /** A pixel of +inf. */
    public static final byte POSITIVE_INFINITY = 2;

    /** A pixel of -inf. */
    public static final byte NEGATIVE_INFINITY = 3;

    /**
     * What a pixel stands for.
     *
     * @param x from the left
     * @param y from the top
     * @return {@link #NONE} or the non-finite value
     */
    public byte mark(int x, int y) {
        return marks[y * width + x];
    }

    /**
     * The colour of a pixel.
     *
     * @param x from the left
     * @param y from the top
     * @return {@code 0xAARRGGBB}
     */
    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /**
     * Whether every pixel is an opaque gray, so that the picture can be stored as 8-bit gray.
     *
     * @return true for gray pictures
     */
    public boolean gray() {
        if (alpha) {
            return false;
        }
        for (int p : pixels) {
            int r = p >> 16 & 0xff;
            if (r != (p >> 8 & 0xff) || r != (p & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The picture with every pixel a {@code k x k} block (nearest neighbour).
     *
     * @param k the scale, at least 1
     * @return this picture for 1, else a new one
     */
    public Picture scaled(int k) {
        if (k == 1) {
            return this;
        }
        long size = (long) width * k * height * k;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("scaled " + k + " times, the picture would have " + size
                    + " pixels; lower --scale");
        }
        int w = width * k;
        int[] out = new int[(int) size];
        byte[] outMarks = new byte[(int) size];
        for (int y = 0; y < height * k; y++) {
            int from = y / k * width;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = pixels[from + x / k];
                outMarks[y * w + x] = marks[from + x / k];
            }
        }
        return new Picture(w, height * k, out, alpha, outMarks);
    }
}
