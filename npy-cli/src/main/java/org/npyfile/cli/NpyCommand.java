package org.npyfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
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
                + " and shapes, what values, whether they are intact; convert and repack them.",
        subcommands = {
            InfoCommand.class, ShowCommand.class, StatsCommand.class, VerifyCommand.class,
            ConvertCommand.class, ExtractCommand.class, PackCommand.class, CommandLine.HelpCommand.class,
        },
        footerHeading = "%nArrays:%n",
        footer = {
            "  FILE         an .npy file or an .npz archive (told apart by their first bytes)",
            "  FILE:ENTRY   one array of an archive, by key or ZIP name: digits.npz:labels",
        })
final class NpyCommand implements Runnable {

    /** The exit codes, as {@code --help} lists them. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace as well as the one-line message.")
    private boolean debug;

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "done; for verify: every file is intact");
        codes.put("1", "a check failed: verify found damage, extract refused or skipped an entry");
        codes.put("2", "usage error: unknown option, missing or bad argument");
        codes.put("3", "a file could not be read or written, is not a valid .npy/.npz, or holds what"
                + " the command cannot handle");
        return codes;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing COMMAND (info, show, stats, verify,"
                + " convert, extract, pack)");
    }

    /**
     * The command line, ready to {@link CommandLine#execute(String...)}, with the exit codes listed
     * in every help text and failures reported as one line.
     *
     * @return the command line; set its out and err writers to capture output
     */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new NpyCommand());
        cmd.setExecutionExceptionHandler(NpyCommand::handleFailure);
        cmd.setParameterExceptionHandler(NpyCommand::handleUsageError);
        addExitCodes(cmd);
        return cmd;
    }

    private static void addExitCodes(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addExitCodes(sub);
        }
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
