package org.npyfile.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code npy} in this JVM with captured output, as {@code Main} would run it. */
final class Cli {

    /** The bundled example data, from the module directory where the tests run. */
    static final Path EXAMPLES = Path.of("..", "examples", "data");

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(Object... args) {
        CommandLine cmd = NpyCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        int code = cmd.execute(strings);
        return new Result(code, out.toString(), err.toString());
    }
}
