package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which archive keys {@code extract} may turn into files under its directory. */
class EntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"images", "layer1/weights", "a.b", "..x", "x..", "name with spaces", "\u65e5\u672c",
        "C", "C-3PO"})
    void namesThatStayInsideAreSafe(String key) {
        assertThat(EntryNames.problem(key)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../x", "a/../../x", "a/..", "/etc/passwd", "\\\\server\\share", "C:/x",
        "c:x", "c:", "a\\b", "a//b", "a/", "./a", "a/./b", "nul\0byte"})
    void namesThatCouldEscapeAreRefused(String key) {
        assertThat(EntryNames.problem(key)).isNotNull();
    }
}
