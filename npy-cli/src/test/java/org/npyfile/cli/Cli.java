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
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return run(NpyCommand.commandLine(strings), strings);
    }

    /** Runs the arguments on a command line with every subcommand, whatever they name. */
    static Result runWithEverySubcommand(String... args) {
        return run(NpyCommand.commandLine(), args);
    }

    private static Result run(CommandLine cmd, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
