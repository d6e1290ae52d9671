package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.npyfile.Npy;

/**
 * The npy-core jar is multi-release, whatever JDK built it: on Java 22+ the FFM classes of
 * META-INF/versions/22 replace the Java 17 ones.
 */
class MultiReleaseTest {

    private static final String[] VERSIONED = {"org/npyfile/internal/Mapping.class", "org/npyfile/internal/ArrayToFile.class",
        "org/npyfile/internal/FileToArray.class"};

    @Test
    void theRunningJdkGetsTheClassesBuiltForIt() throws IOException {
        for (String name : VERSIONED) {
            URL url = Npy.class.getClassLoader().getResource(name);
            assertThat(url).as(name).isNotNull();
            assumeTrue(url.getProtocol().equals("jar"),
                    "npy-core is on the class path as a directory, not as its jar: multi-release does not apply");
            String jar = url.toString().substring(0, url.toString().indexOf("!/") + 2);
            try (InputStream versioned = new URL(jar + "META-INF/versions/22/" + name).openStream()) {
                assertThat(versioned).as("the jar's Java 22 " + name).isNotNull();
            }
            boolean loadedVersioned = url.toString().contains("META-INF/versions/22/");
            assertThat(loadedVersioned).as(url.toString()).isEqualTo(Runtime.version().feature() >= 22);
        }
    }
}
