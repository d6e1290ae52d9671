package org.npyfile.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point of {@code npy.jar}. */
public final class Main {

    private Main() {
    }

    /**
     * Runs {@code npy} and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        CommandLine cmd = NpyCommand.commandLine(args);
        // UTF-8 whatever the platform's default: numpy prints str values as they are
        cmd.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true));
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        System.exit(code);
    }
}
