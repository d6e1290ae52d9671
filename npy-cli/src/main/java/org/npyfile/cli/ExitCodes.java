package org.npyfile.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of {@code npy}, and which of them each command's {@code --help} lists. */
final class ExitCodes {

    /** Everything worked; for {@code verify}: every file is intact. */
    static final int OK = 0;

    /** A check failed: {@code verify} found damage, or {@code extract} refused an entry or skipped one. */
    static final int PROBLEMS = 1;

    /** The command line is wrong: unknown option, missing argument, bad value. */
    static final int USAGE = 2;

    /** A file could not be read or written, is not a valid .npy/.npz, or holds what the command cannot handle. */
    static final int ERROR = 3;

    private static final String USAGE_TEXT = "usage error: unknown option, missing or bad argument";
    private static final String ERROR_TEXT = "a file could not be read or written, is not a valid .npy/.npz, or"
            + " holds what the command cannot handle";

    private ExitCodes() {
    }

    /**
     * The exit codes a command can end with, as its {@code --help} lists them.
     *
     * @param command the command's name: {@code npy} for all of them, or a subcommand's name
     * @return code to meaning, in order
     */
    static Map<String, String> of(String command) {
        Map<String, String> codes = new LinkedHashMap<>();
        switch (command) {
            case "npy" -> {
                codes.put("0", "done; for verify: every file is intact");
                codes.put("1", "a check failed: verify found damage, extract refused or skipped an entry");
                codes.put("2", USAGE_TEXT);
                codes.put("3", ERROR_TEXT);
            }
            case "verify" -> {
                codes.put("0", "every file is intact");
                codes.put("1", "a file is damaged or is neither an .npy file nor an .npz archive");
                codes.put("2", USAGE_TEXT);
                codes.put("3", "a file could not be read (missing, no permission)");
            }
            case "extract" -> {
                codes.put("0", "every entry was written");
                codes.put("1", "an entry was refused (its key or a link could lead out of DIR) or skipped (not an npy"
                        + " stream)");
                codes.put("2", USAGE_TEXT);
                codes.put("3", ERROR_TEXT);
            }
            case "help" -> {
                codes.put("0", "done");
                codes.put("2", "no such command");
            }
            default -> {
                codes.put("0", "done");
                codes.put("2", USAGE_TEXT);
                codes.put("3", ERROR_TEXT);
            }
        }
        return codes;
    }
}
