package org.npyfile.internal.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npyfile.internal.pickle.HostilePickles.p;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.python.PyTuple;
import org.npyfile.python.PyInstance;
import org.npyfile.python.PyGlobal;

/**
 * The pickle reader on hand-written pickles: every hostile case refused with the promised exception
 * and message, and the machine's own rules (memo sharing, marks, stop position, offsets). Pickles
 * numpy writes are compared with numpy itself in the integration tests.
 */
class PickleReaderTest {

    static List<HostilePickles.Case> hostile() {
        return HostilePickles.cases();
    }

    private static Object read(byte[] pickle) throws NpyException {
        return PickleReader.read(ByteBuffer.wrap(pickle), 0, PickleLimits.DEFAULT, Python2Strings.ASCII);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesHostilePickles(HostilePickles.Case c) {
        assertThatThrownBy(() -> read(c.bytes())).isInstanceOf(c.type()).hasMessageContaining(c.phrase());
    }

    @Test
    void formatErrorsNameTheOffsetOfTheOpcode() {
        byte[] pickle = p("\u0080\u0002(cos\nsystem\nX\u0001\u0000\u0000\u0000x\u0085R.");
        assertThatThrownBy(() -> PickleReader.read(ByteBuffer.wrap(pickle), 1000, PickleLimits.DEFAULT,
                Python2Strings.ASCII))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("at byte 1021: expected a call of a data constructor")
                .satisfies(e -> assertThat(((NpyFormatException) e).offset()).isEqualTo(1021));
    }

    @Test
    void memoReferencesShareOneValue() throws NpyException {
        // x = [1]; [x, x] in protocol 2
        Object v = read(p("\u0080\u0002]q\u0000(]q\u0001K\u0001ah\u0001e."));
        assertThat(v).isEqualTo(List.of(List.of(1L), List.of(1L)));
        List<?> outer = (List<?>) v;
        assertThat(outer.get(0)).isSameAs(outer.get(1));
    }

    @Test
    void stopsAfterStopAndLeavesTheRest() throws NpyException {
        ByteBuffer in = ByteBuffer.wrap(p("K\u0005.trailing"));
        assertThat(PickleReader.read(in, 0, PickleLimits.DEFAULT, Python2Strings.ASCII)).isEqualTo(5L);
        assertThat(in.position()).isEqualTo(3);
    }

    @Test
    void tuplesAreTupleListsAndDictsKeepInsertionOrder() throws NpyException {
        // {'b': (1, 2), 'a': None, 'b': 3}: the duplicate key keeps its place and takes the last value
        Map<?, ?> v = (Map<?, ?>) read(p("(Vb\nK\u0001K\u0002\u0086Va\nNVb\nK\u0003d."));
        assertThat(List.copyOf(v.keySet())).isEqualTo(List.of("b", "a"));
        assertThat(v.get("b")).isEqualTo(3L);
        Object tuple = read(p("K\u0001K\u0002\u0086."));
        assertThat(tuple).isInstanceOf(PyTuple.class).isEqualTo(List.of(1L, 2L));
        assertThat(read(p("](K\u0001K\u0002e."))).isNotInstanceOf(PyTuple.class).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void integersAreLongsWheneverTheyFit() throws NpyException {
        assertThat(read(p("\u008a\u0008\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u007f."))).isEqualTo(Long.MAX_VALUE);
        assertThat(read(p("\u008a\u0009\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080\u0000.")))
                .isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(read(p("L-12345678901234567890123L\n."))).isEqualTo(new BigInteger("-12345678901234567890123"));
        assertThat(read(p("I01\n."))).isEqualTo(Boolean.TRUE);
    }

    @Test
    void python2StringsFollowTheChosenEncoding() throws NpyException {
        byte[] pickle = p("U\u0002\u00e9x.");
        assertThat(PickleReader.read(ByteBuffer.wrap(pickle), 0, PickleLimits.DEFAULT, Python2Strings.LATIN1))
                .isEqualTo("\u00e9x");
        assertThat((byte[]) PickleReader.read(ByteBuffer.wrap(pickle), 0, PickleLimits.DEFAULT, Python2Strings.BYTES))
                .containsExactly(0xe9, 'x');
    }

    @Test
    void aBareGlobalIsAnInertReference() throws NpyException {
        assertThat(read(p("cos\nsystem\n."))).isEqualTo(new PyGlobal("os", "system"));
        assertThat(read(p("\u0080\u0002c__builtin__\nxrange\n."))).isEqualTo(new PyGlobal("builtins", "range"));
    }

    @Test
    void anInstanceOfAnyClassIsOnlyDescribed() throws NpyException {
        // protocol 2: os.Evil.__new__() then BUILD {'x': 1}
        Object v = read(p("\u0080\u0002cos\nEvil\n)\u0081}X\u0001\u0000\u0000\u0000xK\u0001sb."));
        assertThat(v).isInstanceOf(PyInstance.class);
        PyInstance i = (PyInstance) v;
        assertThat(i.type()).isEqualTo(new PyGlobal("os", "Evil"));
        assertThat(i.state()).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void limitsBoundDepthAndValues() {
        PickleLimits shallow = PickleLimits.DEFAULT.withMaxDepth(3);
        assertThatThrownBy(() -> PickleReader.read(ByteBuffer.wrap(p("]]]]aaa.")), 0, shallow, Python2Strings.ASCII))
                .hasMessageContaining("limit of 3");
        PickleLimits few = PickleLimits.DEFAULT.withMaxValues(100);
        assertThatThrownBy(() -> PickleReader.read(ByteBuffer.wrap(HostilePickles.laughs(7)), 0, few,
                Python2Strings.ASCII)).hasMessageContaining("more than 100 values");
    }
}
