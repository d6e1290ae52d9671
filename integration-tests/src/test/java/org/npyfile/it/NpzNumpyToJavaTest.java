package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.npyfile.NpyArray;
import org.npyfile.NpyHeader;
import org.npyfile.fixtures.Fixture;
import org.npyfile.fixtures.NpzFixture;
import org.npyfile.npz.Npz;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzFormatException;
import org.npyfile.npz.NpzInputStream;

/**
 * Archives numpy wrote (savez and savez_compressed; positional, keyword and mixed names; empty; nested
 * and non-ASCII names; tiny and large entries; written to a pipe; with ZIP64 records; with a member
 * that is not npy), read by {@link NpzFile} and by {@link NpzInputStream}: the keys numpy shows, in
 * its order, and every entry's header and values as numpy loads them.
 */
class NpzNumpyToJavaTest {

    @TestFactory
    Stream<DynamicTest> readsEveryArchiveNumpyWroteAtRandom() {
        return NpzNumpyFixtures.suite("npz").stream().map(a -> DynamicTest.dynamicTest(a.name(), () -> {
            try (NpzFile npz = NpzFile.open(a.file())) {
                assertThat(npz.names()).containsExactlyElementsOf(a.keys());
                NpzEntry.Method method = a.writer().startsWith("savez_compressed")
                        ? NpzEntry.Method.DEFLATED : NpzEntry.Method.STORED;
                for (Fixture f : a.entries()) {
                    assertThat(npz.entry(f.name()).method()).isEqualTo(method);
                    assertThat(npz.isNpy(f.name())).isTrue();
                    assertHeader(npz.header(f.name()), f);
                    NpyArray array = npz.read(f.name());
                    assertHeader(array.header(), f);
                    NumpyValues.assertMatches(array, f.values(), a.name() + "/" + f.name());
                    assertThat(npz.read(npz.entry(f.name()).name())).as("lookup by entry name").isEqualTo(array);
                }
                for (String key : rawKeys(a)) {
                    assertThat(npz.isNpy(key)).isFalse();
                    assertThatThrownBy(() -> npz.read(key)).isInstanceOf(NpzFormatException.class)
                            .hasMessageContaining("'" + key + "'");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> readsEveryArchiveNumpyWroteAsAStream() {
        return NpzNumpyFixtures.suite("npz").stream().map(a -> DynamicTest.dynamicTest(a.name(), () -> {
            Map<String, Fixture> byKey = new LinkedHashMap<>();
            a.entries().forEach(f -> byKey.put(f.name(), f));
            List<String> keys = new ArrayList<>();
            try (NpzInputStream in = NpzInputStream.of(Files.newInputStream(a.file()))) {
                NpzEntry e;
                while ((e = in.nextEntry()) != null) {
                    keys.add(e.key());
                    if (a.writer().endsWith("-pipe")) {
                        assertThat(e.uncompressedSize()).as("sizes wait in the data descriptor").isEqualTo(-1);
                    }
                    Fixture f = byKey.get(e.key());
                    if (f == null) {
                        assertThat(in.isNpy()).isFalse();
                        continue;
                    }
                    assertThat(in.isNpy()).isTrue();
                    assertHeader(in.header(), f);
                    NumpyValues.assertMatches(in.read(), f.values(), a.name() + "/" + f.name() + " (stream)");
                }
            }
            assertThat(keys).containsExactlyElementsOf(a.keys());
        }));
    }

    @TestFactory
    Stream<DynamicTest> loadsEveryArchiveInOneCallInNumpysOrder() {
        return NpzNumpyFixtures.suite("npz").stream().map(a -> DynamicTest.dynamicTest(a.name(), () -> {
            if (!rawKeys(a).isEmpty()) {
                assertThatThrownBy(() -> Npz.read(a.file())).isInstanceOf(NpzFormatException.class);
                return;
            }
            Map<String, NpyArray> loaded = Npz.read(a.file());
            assertThat(loaded.keySet()).containsExactlyElementsOf(a.keys());
            Map<String, NpyArray> streamed;
            try (InputStream in = Files.newInputStream(a.file())) {
                streamed = Npz.read(in);
            }
            assertThat(streamed).containsExactlyEntriesOf(loaded);
            for (Fixture f : a.entries()) {
                NumpyValues.assertMatches(loaded.get(f.name()), f.values(), a.name() + "/" + f.name() + " (load)");
            }
        }));
    }

    private static List<String> rawKeys(NpzFixture a) {
        List<String> raw = new ArrayList<>(a.keys());
        a.entries().forEach(f -> raw.remove(f.name()));
        return raw;
    }

    private static void assertHeader(NpyHeader h, Fixture f) {
        assertThat(h.dtype().descr()).isEqualTo(f.descr());
        assertThat(h.shape()).containsExactly(f.shape());
        assertThat(h.fortranOrder()).isEqualTo(f.fortranOrder());
        assertThat(h.majorVersion()).isEqualTo(f.majorVersion());
    }
}
