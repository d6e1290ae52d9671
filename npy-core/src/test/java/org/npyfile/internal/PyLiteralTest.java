package org.npyfile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyLiteralTest {

    private static Object parse(String text) throws PyLiteral.SyntaxError {
        return PyLiteral.parse(text, true);
    }

    @Test
    void readsTheDictNumpyWrites() throws Exception {
        Object v = parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }          \n");
        assertThat(v).isEqualTo(Map.of("descr", "<f8", "fortran_order", false,
                "shape", new PyLiteral.Tuple(List.of(BigInteger.valueOf(3), BigInteger.valueOf(4)))));
    }

    @Test
    void readsOldMultiLinePprintHeaders() throws Exception {
        Object v = parse("{'descr': '<i8',\n 'fortran_order': True,\n 'shape': (2L,\n 3L)}");
        assertThat(((Map<?, ?>) v).get("shape"))
                .isEqualTo(new PyLiteral.Tuple(List.of(BigInteger.TWO, BigInteger.valueOf(3))));
    }

    @Test
    void tellsTuplesFromParenthesesAndLists() throws Exception {
        assertThat(parse("()")).isEqualTo(new PyLiteral.Tuple(List.of()));
        assertThat(parse("(7,)")).isEqualTo(new PyLiteral.Tuple(List.of(BigInteger.valueOf(7))));
        assertThat(parse("(7)")).isEqualTo(BigInteger.valueOf(7));
        assertThat(parse("[('x', '<f4'), ('y', '>i2', (2, 3))]")).isInstanceOf(List.class);
    }

    @Test
    void letTheLastOfDuplicateKeysWinAsPythonDoes() throws Exception {
        assertThat(parse("{'a': 1, 'a': 2}")).isEqualTo(Map.of("a", BigInteger.TWO));
    }

    @Test
    void readsStringEscapesAndAdjacentLiterals() throws Exception {
        assertThat(parse("'a\\x41\\u00e9\\U0001F600\\n\\'' \"b\"")).isEqualTo("aA\u00e9\uD83D\uDE00\n'b");
        assertThat(parse("r'\\x41'")).isEqualTo("\\x41");
    }

    @Test
    void readsNumbersInEveryLiteralForm() throws Exception {
        assertThat(parse("-12")).isEqualTo(BigInteger.valueOf(-12));
        assertThat(parse("0x1F")).isEqualTo(BigInteger.valueOf(31));
        assertThat(parse("1_000")).isEqualTo(BigInteger.valueOf(1000));
        assertThat(parse("99999999999999999999999")).isEqualTo(new BigInteger("99999999999999999999999"));
        assertThat(parse("1.5e3")).isEqualTo(1500.0);
        assertThat(parse("True")).isEqualTo(true);
        assertThat(parse("None")).isSameAs(PyLiteral.NONE);
    }

    @Test
    void neverEvaluatesNamesCallsOrOperators() {
        for (String hostile : new String[] {"__import__('os').system('x')", "{'a': false}", "1+2", "{'a': os}",
                "[1, 2", "{'a' 1}", "'unterminated", "(1, 2))", "{[1]: 2}",
                "0x_", "0b", "1__0", "7_", "1_.5"}) {
            assertThatThrownBy(() -> parse(hostile)).as(hostile).isInstanceOf(PyLiteral.SyntaxError.class);
        }
    }

    @Test
    void refusesPython2LongSuffixWhereNumpyDoes() {
        assertThatThrownBy(() -> PyLiteral.parse("(3L,)", false))
                .isInstanceOf(PyLiteral.SyntaxError.class)
                .hasMessageContaining("'L' suffix");
    }

    @Test
    void boundsNestingInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(100_000) + ")".repeat(100_000);
        assertThatThrownBy(() -> parse(deep))
                .isInstanceOf(PyLiteral.SyntaxError.class)
                .hasMessageContaining("nested");
    }

    @Test
    void reportsWhereTheErrorIs() {
        assertThatThrownBy(() -> parse("{'descr': nope}"))
                .isInstanceOfSatisfying(PyLiteral.SyntaxError.class, e -> assertThat(e.index()).isEqualTo(10));
    }

    @Test
    void aSignAppliesOnlyToANumberAndNeverRecursesUnbounded() throws PyLiteral.SyntaxError {
        // Found in review: 9,000 minus signs overflowed the stack; '--3' was accepted.
        assertThat(parse("-(3)")).isEqualTo(BigInteger.valueOf(-3));
        assertThatThrownBy(() -> parse("--3")).isInstanceOf(PyLiteral.SyntaxError.class);
        // Found by the CI fuzz run after that fix: a sign before a lone '.' reached Double.valueOf.
        assertThatThrownBy(() -> parse("{'a': -.}")).isInstanceOf(PyLiteral.SyntaxError.class);
        assertThat(parse("-.5")).isEqualTo(-0.5);
        assertThatThrownBy(() -> parse("(" + "-".repeat(9000) + "0,)")).isInstanceOf(PyLiteral.SyntaxError.class);
    }
}
