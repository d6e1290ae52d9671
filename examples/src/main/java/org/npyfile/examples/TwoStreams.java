package org.npyfile.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.npyfile.NpyReader;

/**
 * Streams matching items from two files in lockstep, from an offset: 8x8 digit images and their
 * labels, each image printed as grey ANSI blocks. The original module's {@code two_streams.py},
 * for the JVM: neither file is read whole.
 */
public final class TwoStreams {

    private TwoStreams() {
    }

    /**
     * Prints {@code count} images and labels starting at item {@code offset}.
     *
     * @param out where to print
     * @param images an {@code (n, 8, 8)} uint8 file, values 0..16
     * @param labels an {@code (n,)} integer file
     * @param offset the first item
     * @param count how many items
     * @throws IOException if a file cannot be read or the two do not match
     */
    public static void run(PrintStream out, Path images, Path labels, long offset, int count) throws IOException {
        try (NpyReader imageReader = NpyReader.open(images); NpyReader labelReader = NpyReader.open(labels)) {
            long[] shape = imageReader.header().shape();
            int pixels = (int) (shape[1] * shape[2]);
            imageReader.seek(offset * pixels);
            labelReader.seek(offset);
            byte[] image = new byte[pixels];
            long[] label = new long[1];
            for (int item = 0; item < count; item++) {
                if (imageReader.read(image, 0, pixels) < pixels || labelReader.read(label, 0, 1) < 1) {
                    break;
                }
                out.println("item " + (offset + item) + ": label " + label[0]);
                for (int row = 0; row < shape[1]; row++) {
                    StringBuilder line = new StringBuilder();
                    for (int col = 0; col < shape[2]; col++) {
                        int value = image[(int) (row * shape[2] + col)] & 0xFF;
                        int grey = 232 + Math.round(value / 16f * 23);
                        line.append("\u001b[48;5;").append(grey).append("m  ");
                    }
                    out.println(line.append("\u001b[0m"));
                }
            }
        }
    }

    /**
     * Runs the example.
     *
     * @param args images file, labels file, offset and count (defaults: the bundled digits, 10, 3)
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path images = Path.of(args.length > 0 ? args[0] : "examples/data/digits_images.npy");
        Path labels = Path.of(args.length > 1 ? args[1] : "examples/data/digits_labels.npy");
        long offset = args.length > 2 ? Long.parseLong(args[2]) : 10;
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        run(System.out, images, labels, offset, count);
    }
}
