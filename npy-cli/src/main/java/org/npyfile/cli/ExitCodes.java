package org.npyfile.cli;

/** The exit codes of {@code npy}, as {@code npy --help} lists them. */
final class ExitCodes {

    /** Everything worked; for {@code verify}: every file is intact. */
    static final int OK = 0;

    /** A check failed: {@code verify} found damage, or {@code extract} refused an entry or skipped one. */
    static final int PROBLEMS = 1;

    /** The command line is wrong: unknown option, missing argument, bad value. */
    static final int USAGE = 2;

    /** A file could not be read or written, is not a valid .npy/.npz, or holds what the command cannot handle. */
    static final int ERROR = 3;

    private ExitCodes() {
    }
}
