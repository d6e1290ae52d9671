package org.npyfile.cli.picture;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * PNG through {@code javax.imageio}, without a display: 8-bit gray when every pixel is gray (so that
 * a uint8 image comes back as the same bytes), else 8-bit RGB, or RGBA for pictures with alpha.
 */
public final class Png {

    private Png() {
    }

    /**
     * Writes a picture as PNG.
     *
     * @param picture the picture
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(Picture picture, OutputStream out) throws IOException {
        // no window is ever opened: AWT must not look for a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        int w = picture.width();
        int h = picture.height();
        BufferedImage image;
        if (picture.gray()) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            // the raster, not setRGB: setRGB would convert sRGB to the linear gray colour space
            WritableRaster raster = image.getRaster();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    row[x] = picture.pixel(x, y) & 0xff;
                }
                raster.setSamples(0, y, w, 1, 0, row);
            }
        } else {
            image = new BufferedImage(w, h, picture.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, w, h, picture.pixels(), 0, w);
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java has no PNG writer (javax.imageio)");
        }
    }
}
