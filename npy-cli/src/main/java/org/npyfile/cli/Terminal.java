package org.npyfile.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether {@code npy} runs in a terminal: its standard input and output are both a terminal. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Whether there is a terminal to draw in.
     *
     * @return true where {@link System#console()} is a terminal; on Java 22 to 24, whose console may
     *     exist without one, as {@code Console.isTerminal()} says
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
