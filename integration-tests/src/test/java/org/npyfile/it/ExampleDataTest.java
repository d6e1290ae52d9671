package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.NpzFixture;
import org.npyfile.npz.Npz;

/** The example bundle committed under examples/ is exactly what the fixtures script makes with numpy. */
class ExampleDataTest {

    private static final Path DATA = Path.of("..", "examples", "data");
    private static final Path RESOURCES = Path.of("..", "examples", "src", "main", "resources", "org", "npyfile",
            "examples");

    @Test
    void bundledNpyFilesAreTheScriptsOutput() throws Exception {
        List<Fixture> made = NumpyFixtures.suite("examples");
        assertThat(made).extracting(Fixture::name).containsExactly("digits_images", "digits_labels", "sine");
        for (Fixture f : made) {
            Path committed = f.name().equals("sine") ? RESOURCES.resolve("sine.npy") : DATA.resolve(f.name() + ".npy");
            assertThat(Files.readAllBytes(committed)).as(f.name()).isEqualTo(Files.readAllBytes(f.file()));
        }
    }

    @Test
    void bundledArchiveHoldsTheScriptsArrays() throws Exception {
        List<NpzFixture> made = NpzNumpyFixtures.suite("examples");
        assertThat(made).hasSize(1);
        // Compressed bytes depend on the zlib build, so compare what the archives hold.
        assertThat(Npz.read(DATA.resolve("digits.npz"))).isEqualTo(Npz.read(made.get(0).file()));
    }
}
