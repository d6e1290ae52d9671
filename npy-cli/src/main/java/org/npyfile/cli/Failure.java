package org.npyfile.cli;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.NoSuchElementException;
import org.npyfile.NpyException;
import org.npyfile.NpyUsageException;

/**
 * A failure {@code npy} reports as one line, {@code npy: <file>: <reason>}, with the exit code it
 * ends the program with. The cause, if any, is printed as a stack trace only with {@code --debug}.
 */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    Failure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    Failure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    int exitCode() {
        return exitCode;
    }

    /**
     * A failure of one file, with the reason taken from the exception.
     *
     * @param what the file (or {@code file:entry}) as the user named it
     * @param e what went wrong
     * @return an {@link ExitCodes#ERROR} failure
     */
    static Failure of(String what, Exception e) {
        return new Failure(ExitCodes.ERROR, what + ": " + reason(what, e), e);
    }

    /**
     * The reason an I/O exception gives, in words: the file system's reason (naming the file only if
     * it is not {@code what}), npyfile's own messages as they are.
     *
     * @param what the file the message is about
     * @param e the exception
     * @return one line
     */
    static String reason(String what, Exception e) {
        if (e instanceof NoSuchFileException f) {
            return "no such file or directory" + otherFile(what, f);
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied" + otherFile(what, f);
        }
        if (e instanceof NotDirectoryException f) {
            return "not a directory" + otherFile(what, f);
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists" + otherFile(what, f);
        }
        if (e instanceof DirectoryNotEmptyException f) {
            return "directory not empty" + otherFile(what, f);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + otherFile(what, f);
        }
        if (e instanceof EOFException) {
            return "the file ends early" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof NpyException n && n.file() != null) {
            // The line already starts with what the user named; the exception's own name of the
            // file would say it twice.
            return oneLine(withoutFile(n.getMessage(), n.file()));
        }
        if (e instanceof NpyUsageException n && n.file() != null) {
            return oneLine(withoutFile(n.getMessage(), n.file()));
        }
        if (e instanceof NpyException || e instanceof NoSuchElementException || e instanceof IOException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
        }
        return e.toString();
    }

    private static String withoutFile(String message, String file) {
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String otherFile(String what, FileSystemException f) {
        if (f.getFile() == null || f.getFile().equals(what) && f.getOtherFile() == null) {
            return "";
        }
        return " (" + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ")";
    }

    private static String oneLine(String message) {
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
