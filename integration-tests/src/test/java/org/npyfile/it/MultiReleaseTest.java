package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import org.junit.jupiter.api.Test;
import org.npyfile.Npy;

/** The npy-core jar is multi-release: on Java 22+ the FFM mapping replaces the Java 17 one. */
class MultiReleaseTest {

    @Test
    void theRunningJdkGetsTheMappingBuiltForIt() {
        URL mapping = Npy.class.getClassLoader().getResource("org/npyfile/internal/Mapping.class");
        assertThat(mapping).isNotNull();
        assumeTrue(mapping.getProtocol().equals("jar"),
                "npy-core is on the class path as a directory, not as its jar: multi-release does not apply");
        boolean versioned = mapping.toString().contains("META-INF/versions/22/");
        if (Runtime.version().feature() >= 22) {
            assumeTrue(hasVersionedEntry(mapping), "this npy-core jar was built on Java 17, without the FFM mapping");
            assertThat(versioned).as(mapping.toString()).isTrue();
        } else {
            assertThat(versioned).as(mapping.toString()).isFalse();
        }
    }

    private static boolean hasVersionedEntry(URL mapping) {
        String jar = mapping.toString().substring(0, mapping.toString().indexOf("!/") + 2);
        try {
            return new URL(jar + "META-INF/versions/22/org/npyfile/internal/Mapping.class").openStream() != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
