package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
        subcommands = {
            InfoCommand.class, ShowCommand.class, StatsCommand.class, VerifyCommand.class,
            ConvertCommand.class, ExtractCommand.class, PackCommand.class, ViewCommand.class, HistCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nArrays:%n",
        footer = {
            "  FILE         an .npy file or an .npz archive (told apart by their first bytes)",
            "  FILE:ENTRY   one array of an archive, by key or ZIP name: digits.npz:labels",
        })
final class NpyCommand implements Runnable {

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
     * The command line, ready to {@link CommandLine#execute(String...)}, with its help laid out by
     * {@link HelpText} and failures reported as one line.
     *
     * @return the command line; set its out and err writers to capture output
     */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new NpyCommand());
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
