package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's picture, docs/digits.png, is what {@code npy view} draws today (npy-cli/readme-picture.sh redraws it). */
class ReadmePictureTest {

    private static final Path PICTURE = Path.of("..", "docs", "digits.png");

    @TempDir
    Path tmp;

    @Test
    void theCommittedPictureIsWhatViewDraws() throws IOException {
        Path drawn = tmp.resolve("digits.png");
        Cli.Result result = Cli.run("view", Cli.EXAMPLES.resolve("digits.npz") + ":images", "--grid", 16, "--scale", 8,
                "-o", drawn);
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage expected = ImageIO.read(drawn.toFile());
        BufferedImage committed = ImageIO.read(PICTURE.toFile());
        assertThat(committed.getWidth()).isEqualTo(expected.getWidth());
        assertThat(committed.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(ViewMatchesNumpyTest.argb(committed, x, y))
                        .as("pixel (%d, %d); run npy-cli/readme-picture.sh to redraw docs/digits.png", x, y)
                        .isEqualTo(ViewMatchesNumpyTest.argb(expected, x, y));
            }
        }
    }
}
