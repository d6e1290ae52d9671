package org.npyfile.it;

import java.lang.management.ManagementFactory;
import java.util.List;

/** When npy-core may call C through the FFM API: the condition its in-place reads and writes use. */
final class NativeAccess {

    private NativeAccess() {
    }

    /**
     * @return whether this JVM is Java 22+ on Linux x86-64 or AArch64 and was started with
     *     {@code --enable-native-access=ALL-UNNAMED}, as this module's test JVM is
     */
    static boolean enabled() {
        return Runtime.version().feature() >= 22 && "Linux".equals(System.getProperty("os.name"))
                && List.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch"))
                && ManagementFactory.getRuntimeMXBean().getInputArguments().contains("--enable-native-access=ALL-UNNAMED");
    }
}
