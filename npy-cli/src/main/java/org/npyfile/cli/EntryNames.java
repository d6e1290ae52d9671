package org.npyfile.cli;

/**
 * Which archive keys {@code extract} turns into files. A key becomes the path {@code <key>.npy}
 * under the target directory, its {@code /} separating subdirectories; a key that could name
 * anything outside that directory is refused, whatever system the archive was made on or is
 * extracted on.
 */
final class EntryNames {

    private EntryNames() {
    }

    /**
     * Why a key cannot be extracted.
     *
     * @param key the key (the ZIP name without {@code .npy})
     * @return null if the key is safe, else the reason
     */
    static String problem(String key) {
        if (key.isEmpty()) {
            return "the name is empty";
        }
        if (key.indexOf('\0') >= 0) {
            return "the name contains a NUL character";
        }
        if (key.indexOf('\\') >= 0) {
            return "the name contains a backslash, a path separator on Windows";
        }
        if (key.startsWith("/")) {
            return "the name is an absolute path";
        }
        if (key.length() >= 2 && key.charAt(1) == ':' && Character.isLetter(key.charAt(0))) {
            return "the name starts with a drive letter";
        }
        for (String part : key.split("/", -1)) {
            if (part.equals("..")) {
                return "the name climbs out of the directory with '..'";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "the name has an empty or '.' path component";
            }
        }
        return null;
    }
}
