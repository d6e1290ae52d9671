package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code npy} command: its subcommands, the options they share ({@code --help},
 * {@code --version}, {@code --debug}), and how failures become one line and an exit code.
 */
@Command(name = "npy",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = NpyCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Look inside NumPy .npy files and .npz archives without Python: what arrays, which dtypes"
                + " and shapes, what values, whether they are intact; see them as pictures and histograms;"
                + " convert and repack them.",
        footerHeading = "%nArrays:%n",
        footer = {
            "  FILE         an .npy file or an .npz archive (told apart by their first bytes)",
            "  FILE:ENTRY   one array of an archive, by key or ZIP name: digits.npz:labels",
        })
final class NpyCommand implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. Not in the {@code @Command}
     * annotation: picocli would build every one's model at start-up, the largest part of a short
     * run's time, where a run naming one subcommand needs only that one's (see {@link #commandLine}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            InfoCommand.class, ShowCommand.class, StatsCommand.class, VerifyCommand.class,
            ConvertCommand.class, ExtractCommand.class, PackCommand.class, ViewCommand.class, HistCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace as well as the one-line message.")
    private boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing COMMAND (info, show, stats, verify,"
                + " convert, extract, pack, view, hist)");
    }

    /**
     * The command line for these arguments, ready to {@link CommandLine#execute(String...)}, with
     * its help laid out by {@link HelpText} and failures reported as one line. When the first
     * argument names a subcommand, only that subcommand is added: what the run does, prints and
     * returns is the same as with all of them, and start-up is faster. Otherwise (no argument, an
     * option, {@code help}, a mistyped name) every subcommand is there, for the help, the
     * suggestions and the errors that list them.
     *
     * @param args the arguments the command line will execute
     * @return the command line; set its out and err writers to capture output
     */
    static CommandLine commandLine(String... args) {
        CommandLine cmd = new CommandLine(new NpyCommand());
        List<Class<?>> needed = SUBCOMMANDS;
        for (Class<?> subcommand : SUBCOMMANDS) {
            String name = subcommand.getAnnotation(Command.class).name();
            if (args.length > 0 && args[0].equals(name) && !name.equals("help")) {
                needed = List.of(subcommand);
                break;
            }
        }
        for (Class<?> subcommand : needed) {
            cmd.addSubcommand(subcommand);
        }
        cmd.setExecutionExceptionHandler(NpyCommand::handleFailure);
        cmd.setParameterExceptionHandler(NpyCommand::handleUsageError);
        HelpText.install(cmd);
        return cmd;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("npy: " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handleFailure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = false;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            debug |= p.hasMatchedOption("--debug");
        }
        int code;
        Throwable trace;
        if (e instanceof Failure f) {
            err.println("npy: " + f.getMessage());
            if (f.exitCode() == ExitCodes.USAGE) {
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            code = f.exitCode();
            trace = f.getCause() != null ? f.getCause() : f;
        } else if (e instanceof IOException io) {
            err.println("npy: " + Failure.reason("", io));
            code = ExitCodes.ERROR;
            trace = io;
        } else {
            err.println("npy: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            code = ExitCodes.ERROR;
            trace = e;
        }
        if (debug) {
            trace.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NpyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"npy " + (version == null ? "(development build)" : version)};
        }
    }
}
