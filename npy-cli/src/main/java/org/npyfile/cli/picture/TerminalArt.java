package org.npyfile.cli.picture;

/**
 * A picture drawn with characters, two pixel rows per line: in colour, each character is the upper
 * half block {@code ▀} with the upper pixel as its foreground and the lower one as its background
 * (24-bit, or the nearest of the xterm palette's 240 colours); in ASCII, one character of the ramp
 * {@value #RAMP} by the pair's mean brightness (Rec. 709 luma), {@code ?} for NaN, {@code ^} for
 * +inf and {@code v} for -inf. Translucent pixels are drawn over black.
 */
public final class TerminalArt {

    /** The ASCII ramp, from dark to bright. */
    public static final String RAMP = " .:-=+*#%@";

    private static final char UPPER_HALF = '\u2580';
    private static final String ESC = "\u001b[";
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private TerminalArt() {
    }

    /**
     * Draws a picture.
     *
     * @param picture the picture
     * @param mode how
     * @return the lines, each ending in a newline ({@code \n}); colour is reset at each line's end
     */
    public static String draw(Picture picture, ColorMode mode) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < picture.height(); y += 2) {
            boolean lower = y + 1 < picture.height();
            int foreground = -1;
            int background = -1;
            for (int x = 0; x < picture.width(); x++) {
                int top = opaque(picture.pixel(x, y));
                int bottom = lower ? opaque(picture.pixel(x, y + 1)) : -1;
                if (mode == ColorMode.ASCII) {
                    out.append(ascii(picture, x, y, top, bottom));
                    continue;
                }
                if (top != foreground) {
                    out.append(ESC).append(mode == ColorMode.TRUECOLOR ? "38;2;" + rgb(top) : "38;5;" + xterm256(top))
                            .append('m');
                    foreground = top;
                }
                if (bottom != background) {
                    out.append(ESC).append(bottom < 0 ? "49"
                            : mode == ColorMode.TRUECOLOR ? "48;2;" + rgb(bottom) : "48;5;" + xterm256(bottom)).append('m');
                    background = bottom;
                }
                out.append(UPPER_HALF);
            }
            if (mode != ColorMode.ASCII) {
                out.append(ESC).append("0m");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static char ascii(Picture picture, int x, int y, int top, int bottom) {
        // of the pair, NaN before +inf before -inf (the marks' order)
        byte upper = picture.mark(x, y);
        byte under = bottom >= 0 ? picture.mark(x, y + 1) : Picture.NONE;
        byte mark = upper == Picture.NONE ? under : under == Picture.NONE ? upper : (byte) Math.min(upper, under);
        switch (mark) {
            case Picture.NAN:
                return '?';
            case Picture.POSITIVE_INFINITY:
                return '^';
            case Picture.NEGATIVE_INFINITY:
                return 'v';
            default:
                break;
        }
        int luma = bottom < 0 ? luma(top) : (luma(top) + luma(bottom)) / 2;
        return RAMP.charAt(luma * RAMP.length() / 256);
    }

    /** Rec. 709 luma of an sRGB colour, 0 to 255. */
    static int luma(int rgb) {
        return ((rgb >> 16 & 0xff) * 2126 + (rgb >> 8 & 0xff) * 7152 + (rgb & 0xff) * 722) / 10000;
    }

    /** The colour drawn over black: {@code 0xRRGGBB}. */
    private static int opaque(int argb) {
        int a = argb >>> 24;
        if (a == 0xff) {
            return argb & 0xffffff;
        }
        int r = Math.round((argb >> 16 & 0xff) * a / 255f);
        int g = Math.round((argb >> 8 & 0xff) * a / 255f);
        int b = Math.round((argb & 0xff) * a / 255f);
        return r << 16 | g << 8 | b;
    }

    private static String rgb(int rgb) {
        return (rgb >> 16 & 0xff) + ";" + (rgb >> 8 & 0xff) + ";" + (rgb & 0xff);
    }

    /**
     * The nearest colour of the xterm palette's 6x6x6 cube (16 to 231) and gray ramp (232 to 255).
     *
     * @param rgb {@code 0xRRGGBB}
     * @return the palette index
     */
    static int xterm256(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int ir = cubeIndex(r);
        int ig = cubeIndex(g);
        int ib = cubeIndex(b);
        int cube = 16 + 36 * ir + 6 * ig + ib;
        int cubeDistance = square(r - CUBE[ir]) + square(g - CUBE[ig]) + square(b - CUBE[ib]);
        int mean = (r + g + b) / 3;
        int step = Math.min(23, Math.max(0, (mean - 3) / 10));
        int level = 8 + 10 * step;
        int grayDistance = square(r - level) + square(g - level) + square(b - level);
        return grayDistance < cubeDistance ? 232 + step : cube;
    }

    private static int cubeIndex(int v) {
        return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40;
    }

    private static int square(int v) {
        return v * v;
    }
}
