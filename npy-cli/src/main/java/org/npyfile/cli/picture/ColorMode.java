package org.npyfile.cli.picture;

import java.util.Locale;
import java.util.Map;

/**
 * How a terminal draws: 24-bit colour, the 256-colour palette, or plain ASCII characters; chosen
 * from the environment as terminals announce themselves.
 */
public enum ColorMode {
    /** 24-bit colour escapes ({@code ESC[38;2;r;g;bm}), Unicode half blocks. */
    TRUECOLOR,
    /** The xterm 256-colour palette ({@code ESC[38;5;nm}), Unicode half blocks. */
    COLOR256,
    /** No escapes and no Unicode: a ramp of ASCII characters by brightness. */
    ASCII;

    /**
     * The mode a terminal supports, from its environment: {@code NO_COLOR} (set and not empty)
     * asks for no colour; a missing or {@code dumb} {@code TERM} has none; {@code COLORTERM} of
     * {@code truecolor} or {@code 24bit}, or a {@code TERM} ending in {@code -direct}, has 24 bits;
     * a {@code TERM} naming 256 colours or an xterm, screen, tmux or rxvt has the palette; any other
     * (the Linux console, vt100) gets ASCII.
     *
     * @param env the environment, for example {@link System#getenv()}
     * @return the mode
     */
    public static ColorMode detect(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        String colorTerm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (noColor != null && !noColor.isEmpty() || term.isEmpty() || term.equals("dumb")) {
            return ASCII;
        }
        if (colorTerm.equals("truecolor") || colorTerm.equals("24bit") || term.endsWith("-direct")) {
            return TRUECOLOR;
        }
        if (term.contains("256color") || term.startsWith("xterm") || term.startsWith("screen")
                || term.startsWith("tmux") || term.startsWith("rxvt")) {
            return COLOR256;
        }
        return ASCII;
    }

    /**
     * The mode named on the command line.
     *
     * @param name {@code truecolor} (or {@code 24bit}), {@code 256} or {@code ascii}
     * @return the mode
     * @throws IllegalArgumentException for another name
     */
    public static ColorMode named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "truecolor", "24bit" -> TRUECOLOR;
            case "256" -> COLOR256;
            case "ascii" -> ASCII;
            default -> throw new IllegalArgumentException("no colour mode '" + name + "'; the modes are truecolor, 256"
                    + " and ascii");
        };
    }

    /**
     * The terminal's width in columns: {@code COLUMNS} if it is a positive number, else 80.
     *
     * @param env the environment
     * @return the width
     */
    public static int width(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // not set or not a number: the classic width
        }
        return 80;
    }
}
