package org.npyfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npyfile.NpyLimits;
import org.npyfile.NpyReader;
import org.npyfile.npz.NpzEntry;
import org.npyfile.npz.NpzFile;
import org.npyfile.npz.NpzLimits;

/**
 * What the commands read: {@code FILE} or {@code FILE:ENTRY} arguments, told apart as numpy's
 * {@code load} tells them apart, by their first bytes ({@code \x93NUMPY} or a ZIP signature), never
 * by their names.
 */
final class Inputs {

    /**
     * The longest npy header accepted. numpy's own default (10,000) refuses the format 2.0 files numpy
     * writes for records of thousands of fields; a tool for looking at files accepts them, within a
     * bound that keeps a lying header from exhausting memory.
     */
    static final int MAX_HEADER_BYTES = 16 << 20;

    /** The limits every command reads with. */
    static final NpyLimits LIMITS = NpyLimits.DEFAULT.withMaxHeaderBytes(MAX_HEADER_BYTES);

    /** The archive limits every command reads with. */
    static final NpzLimits NPZ_LIMITS = NpzLimits.of(LIMITS);

    /** The option that lets a command decode object arrays' pickles, and how its help describes it. */
    static final String OBJECTS_OPTION = "--objects";

    /** The help text of {@link #OBJECTS_OPTION}. */
    static final String OBJECTS_HELP = "Decode object arrays (dtype object: Python values numpy stores as a pickle),"
            + " as numpy.load(..., allow_pickle=True) does, but without running anything: only data is built.";

    /** Bytes per chunk when a command copies or checks array data: bulk reads in constant memory. */
    static final int CHUNK_BYTES = 1 << 20;

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY_ARCHIVE = {'P', 'K', 5, 6};

    private Inputs() {
    }

    /** The two kinds of file the commands read. */
    enum Kind {
        /** A {@code .npy} file. */
        NPY,
        /** An {@code .npz} archive. */
        NPZ
    }

    /**
     * A command-line argument naming a file or an archive entry.
     *
     * @param argument the argument as given, used in messages
     * @param file the file
     * @param entry the entry after the colon, or null
     */
    record Target(String argument, Path file, String entry) {
    }

    /**
     * Splits {@code FILE[:ENTRY]}: the argument is a file if it exists as given; otherwise the
     * shortest prefix before a colon that is an existing file is the archive and the rest the entry
     * (so entry names may hold colons, and {@code C:\data\x.npy} stays a path).
     *
     * @param argument the argument
     * @return the target; its file need not exist (reading it then fails with "no such file")
     * @throws Failure ({@link ExitCodes#USAGE}) if the argument cannot be a path at all
     */
    static Target target(String argument) throws Failure {
        Path whole = path(argument);
        if (Files.exists(whole)) {
            return new Target(argument, whole, null);
        }
        for (int colon = argument.indexOf(':'); colon > 0; colon = argument.indexOf(':', colon + 1)) {
            Path file;
            try {
                file = Path.of(argument.substring(0, colon));
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.isRegularFile(file)) {
                String entry = argument.substring(colon + 1);
                return new Target(argument, file, entry.isEmpty() ? null : entry);
            }
        }
        return new Target(argument, whole, null);
    }

    /**
     * The target itself, or for an archive without {@code :ENTRY} its only npy entry: for commands
     * that take one array.
     *
     * @param target the target
     * @return a target naming one array
     * @throws Failure ({@link ExitCodes#USAGE}) if the archive holds more or fewer than one array,
     *     naming its keys; or if the file cannot be read
     */
    static Target single(Target target) throws Failure {
        String input = target.argument();
        if (target.entry() != null || kind(target.file(), input) != Kind.NPZ) {
            return target;
        }
        List<String> keys = new ArrayList<>();
        try (NpzFile npz = NpzFile.open(target.file(), NPZ_LIMITS)) {
            for (NpzEntry e : npz.entries()) {
                if (npz.isNpy(e.name())) {
                    keys.add(e.key());
                }
            }
        } catch (IOException e) {
            throw Failure.of(input, e);
        }
        if (keys.size() != 1) {
            throw new Failure(ExitCodes.USAGE, input + " holds " + keys.size() + " arrays " + keys
                    + "; name one as " + input + ":KEY");
        }
        return new Target(input + ":" + keys.get(0), target.file(), keys.get(0));
    }

    /**
     * A path argument.
     *
     * @param argument the argument
     * @return the path
     * @throws Failure ({@link ExitCodes#USAGE}) if it cannot be a path (a NUL character, say)
     */
    static Path path(String argument) throws Failure {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new Failure(ExitCodes.USAGE, "'" + argument + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /**
     * Which kind of file this is, by its first bytes.
     *
     * @param file the file
     * @param label the name for messages
     * @return the kind
     * @throws Failure if the file cannot be read or is neither
     */
    static Kind kind(Path file, String label) throws Failure {
        byte[] first = new byte[NPY_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(first, 0, first.length);
        } catch (IOException e) {
            throw Failure.of(label, e);
        }
        if (n == NPY_MAGIC.length && Arrays.equals(first, NPY_MAGIC)) {
            return Kind.NPY;
        }
        if (n >= 4 && (Arrays.equals(first, 0, 4, ZIP_LOCAL_HEADER, 0, 4)
                || Arrays.equals(first, 0, 4, ZIP_EMPTY_ARCHIVE, 0, 4))) {
            return Kind.NPZ;
        }
        String found = n == 0 ? "an empty file" : "a file starting with " + hex(first, n);
        throw new Failure(ExitCodes.ERROR, label + ": neither an .npy file (magic \\x93NUMPY) nor an .npz archive"
                + " (ZIP signature PK\\x03\\x04): " + found);
    }

    /** Keys for a message: all of them, or the first ten and how many there are. */
    private static String abbreviated(List<String> keys) {
        int shown = 10;
        return keys.size() <= shown ? keys.toString()
                : "[" + String.join(", ", keys.subList(0, shown)) + ", ... (" + keys.size() + " in all)]";
    }

    private static String hex(byte[] bytes, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(String.format("%02x", bytes[i] & 0xff));
        }
        return "0x" + out;
    }

    /**
     * The limits a command reads with.
     *
     * @param objects whether object arrays' pickles are decoded ({@value #OBJECTS_OPTION})
     * @return {@link #LIMITS}, with object arrays allowed if asked
     */
    static NpyLimits limits(boolean objects) {
        return objects ? LIMITS.withObjectArrays(true) : LIMITS;
    }

    /**
     * The archive limits a command reads with.
     *
     * @param objects whether object arrays' pickles are decoded
     * @return {@link #NPZ_LIMITS}, with object arrays allowed if asked
     */
    static NpzLimits npzLimits(boolean objects) {
        return objects ? NpzLimits.of(limits(true)) : NPZ_LIMITS;
    }

    /**
     * The failure for an object array a command does not decode.
     *
     * @param label the array's name: {@code FILE} or {@code FILE:KEY}
     * @param how what the user can do instead, or null if the command cannot handle such arrays at all
     * @return an {@link ExitCodes#ERROR} failure
     */
    static Failure objectArray(String label, String how) {
        return new Failure(ExitCodes.ERROR, label + ": an object array (Python values, which numpy stores as a"
                + " pickle); " + (how == null ? "this command reads arrays of fixed-size values only" : how));
    }

    /**
     * How many elements of a dtype to read at once.
     *
     * @param dtype the dtype
     * @return about {@link #CHUNK_BYTES} worth of elements, at least one
     */
    static int chunkElements(org.npyfile.DType dtype) {
        return Math.max(1, CHUNK_BYTES / Math.max(1, dtype.itemSize()));
    }

    /** What a command does with each array it reads. */
    @FunctionalInterface
    interface ArrayAction {
        /**
         * Handles one array.
         *
         * @param label the array's name for output and messages: {@code FILE} or {@code FILE:KEY}
         * @param reader the array, at its first element; closed by the caller
         * @throws IOException if reading fails
         * @throws Failure if the command cannot handle the array
         */
        void accept(String label, NpyReader reader) throws IOException, Failure;
    }

    /** What a command does with an archive entry that is not an npy stream. */
    @FunctionalInterface
    interface SkipAction {
        /**
         * Notes a skipped entry.
         *
         * @param label {@code FILE:KEY}
         */
        void skipped(String label);
    }

    /**
     * Runs an action on every array a target names: the {@code .npy} file, the named entry, or
     * every npy entry of an archive in archive order.
     *
     * @param target the target
     * @param action what to do with each array
     * @param skip told about archive entries that are not npy streams (only when no entry is named)
     * @throws Failure if a file cannot be read or the action fails
     */
    static void forEachArray(Target target, ArrayAction action, SkipAction skip) throws Failure {
        forEachArray(target, false, action, skip);
    }

    /**
     * Runs an action on every array a target names, reading object arrays' pickles if asked; see
     * {@link #forEachArray(Target, ArrayAction, SkipAction)}.
     *
     * @param target the target
     * @param objects whether object arrays are decoded ({@value #OBJECTS_OPTION})
     * @param action what to do with each array
     * @param skip told about archive entries that are not npy streams
     * @throws Failure if a file cannot be read or the action fails
     */
    static void forEachArray(Target target, boolean objects, ArrayAction action, SkipAction skip) throws Failure {
        Kind kind = kind(target.file(), target.file().toString());
        String label = target.argument();
        if (kind == Kind.NPY) {
            if (target.entry() != null) {
                throw new Failure(ExitCodes.USAGE, label + ": " + target.file()
                        + " is an .npy file, not an .npz archive, so it has no entry '" + target.entry() + "'");
            }
            try (NpyReader reader = NpyReader.open(target.file(), limits(objects))) {
                action.accept(label, reader);
            } catch (IOException e) {
                throw Failure.of(label, e);
            }
            return;
        }
        try (NpzFile npz = NpzFile.open(target.file(), npzLimits(objects))) {
            if (target.entry() != null) {
                if (!npz.contains(target.entry())) {
                    throw new Failure(ExitCodes.ERROR, label + ": no entry '" + target.entry() + "' in the archive;"
                            + " its keys are " + abbreviated(npz.names()));
                }
                try (NpyReader reader = npz.reader(target.entry())) {
                    action.accept(label, reader);
                }
                return;
            }
            for (NpzEntry entry : npz.entries()) {
                String entryLabel = target.file() + ":" + entry.key();
                if (!npz.isNpy(entry.name())) {
                    skip.skipped(entryLabel);
                    continue;
                }
                try (NpyReader reader = npz.reader(entry.name())) {
                    action.accept(entryLabel, reader);
                } catch (IOException e) {
                    throw Failure.of(entryLabel, e);
                }
            }
        } catch (IOException e) {
            throw Failure.of(label, e);
        }
    }
}
