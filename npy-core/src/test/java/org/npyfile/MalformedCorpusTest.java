package org.npyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus case, through every entry point: the promised exception, naming the problem. */
class MalformedCorpusTest {

    @TempDir
    static Path dir;

    static List<MalformedCorpus.Case> cases() {
        return MalformedCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fromBytes(MalformedCorpus.Case c) {
        assertThatThrownBy(() -> Npy.read(c.bytes(), c.limits()))
                .isInstanceOf(c.type()).hasMessageContaining(c.phrase());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fromAStream(MalformedCorpus.Case c) {
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(c.bytes()), c.limits()))
                .isInstanceOf(c.streamType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fromAFile(MalformedCorpus.Case c) throws Exception {
        Path file = dir.resolve(c.name() + ".npy");
        Files.write(file, c.bytes());
        assertThatThrownBy(() -> Npy.read(file, c.limits()))
                .isInstanceOf(c.type()).hasMessageContaining(c.phrase());
    }

    @Test
    void formatErrorsNameAByteOffset() {
        for (MalformedCorpus.Case c : cases()) {
            try {
                Npy.read(c.bytes(), c.limits());
            } catch (NpyFormatException e) {
                assertThat(e.offset()).as(c.name()).isNotNegative();
                assertThat(e.getMessage()).as(c.name()).startsWith("at byte " + e.offset() + ": expected ");
            } catch (NpyException e) {
                assertThat(e).as(c.name()).isNotInstanceOf(NpyFormatException.class);
            }
        }
    }

    @Test
    void corpusNamesAreUnique() {
        assertThat(cases()).extracting(MalformedCorpus.Case::name).doesNotHaveDuplicates();
    }
}
