package org.npyfile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npyfile.NpyFormatException;
import org.npyfile.fixtures.NumpyRuntime;
import org.npyfile.Npy;
import org.npyfile.NpyLimits;
import org.npyfile.internal.pickle.PickleLimits;
import org.npyfile.internal.pickle.PickleReader;
import org.npyfile.internal.pickle.Python2Strings;

/**
 * Object arrays whose pickles run code when numpy loads them: the pickle reader refuses each one,
 * naming the global, and nothing runs (the file each payload would create stays absent); then, as
 * the control, numpy itself loads the same files with allow_pickle=True and every payload does run.
 */
class MaliciousPicklesTest {

    @Test
    void payloadsNeverRunInJavaAndDoRunInPython() throws IOException {
        var runtime = NumpyRuntime.shared();
        assumeTrue(runtime.isPresent(), () -> "no numpy to test against: " + NumpyRuntime.unavailableReason());
        NumpyRuntime numpy = runtime.get();
        Path dir = NumpyFixtures.outputDir("malicious-pickles").toAbsolutePath();
        Map<String, String> payloads = new LinkedHashMap<>();
        Map<String, String> globals = new LinkedHashMap<>();
        payloads.put("system-protocol0.npy", "npy_with_payload(b\"cos\\nsystem\\n(S'touch MARK'\\ntR.\")");
        globals.put("system-protocol0.npy", "os.system");
        payloads.put("exec-stack-global.npy", "npy_with_payload(pickle.dumps(0, 4)[:2] + b'\\x8c\\x08builtins\\x8c\\x04exec"
                + "\\x93\\x8c' + bytes([len(\"open('MARK', 'w').close()\")]) + b\"open('MARK', 'w').close()\\x85R.\")");
        globals.put("exec-stack-global.npy", "builtins.exec");
        payloads.put("call-inst.npy", "npy_with_payload(b\"((S'touch'\\nS'MARK'\\nlp0\\nisubprocess\\ncall\\n.\")");
        globals.put("call-inst.npy", "subprocess.call");
        payloads.put("element-reduce.npy", "npy_with_pickle(objarr(1, type('E', (), {'__reduce__': lambda self:"
                + " (__import__('os').system, ('touch MARK',))})(), 'x'), 4)");
        globals.put("element-reduce.npy", "posix.system");
        Map<String, String> raw = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<Path> markers = new ArrayList<>();
        for (Map.Entry<String, String> p : payloads.entrySet()) {
            Path marker = dir.resolve(p.getKey() + ".ran");
            markers.add(marker);
            files.add(dir.resolve(p.getKey()));
            raw.put(p.getKey(), p.getValue().replace("MARK", marker.toString()));
        }
        numpy.produce("pickled", dir, Map.of("raw", raw));

        for (int i = 0; i < files.size(); i++) {
            PickledValues.Section s = PickledValues.dataSection(files.get(i));
            String global = globals.get(files.get(i).getFileName().toString());
            assertThatThrownBy(() -> PickleReader.read(s.pickle(), s.offset(), PickleLimits.DEFAULT,
                    Python2Strings.ASCII))
                    .as(files.get(i).toString()).isInstanceOf(NpyFormatException.class)
                    .hasMessageContaining("a call of " + global);
        }
        for (Path file : files) {
            String global = globals.get(file.getFileName().toString());
            // The same through the public API, with object arrays allowed.
            assertThatThrownBy(() -> Npy.read(file, NpyLimits.DEFAULT.withObjectArrays(true)))
                    .isInstanceOf(NpyFormatException.class).hasMessageContaining("a call of " + global)
                    .hasMessageContaining(file.toString());
        }
        for (Path marker : markers) {
            assertThat(marker).as("nothing ran in Java").doesNotExist();
        }

        numpy.report("eval", files, Map.of("expr", "0", "allow_pickle", true));
        for (Path marker : markers) {
            assertThat(Files.exists(marker)).as("control: numpy.load with allow_pickle=True runs %s", marker).isTrue();
        }
    }
}
