package org.npyfile.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout of every {@code --help}: lines of at most {@link #WIDTH} columns, broken at spaces
 * only, so that no word, option or file name is ever split (picocli's own wrapping breaks after a
 * dot, as in {@code weights.} / {@code npy}); and each command's own exit codes.
 *
 * <p>picocli lays the sections out on lines wide enough never to wrap; each section is then
 * wrapped here, table rows (options, parameters, commands, exit codes) with their continuation
 * lines indented under the row's text, as picocli indents them.
 */
final class HelpText {

    /** Columns of the help text. */
    static final int WIDTH = 80;

    /** picocli renders at this width, which no line reaches, and leaves the wrapping to us. */
    private static final int UNWRAPPED = 1000;

    /** Sections laid out as rows of a table: a name column, then text. */
    private static final Set<String> TABLES = Set.of(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST, UsageMessageSpec.SECTION_KEY_FOOTER);

    /** Sections of running text. */
    private static final Set<String> PARAGRAPHS = Set.of(UsageMessageSpec.SECTION_KEY_HEADER,
            UsageMessageSpec.SECTION_KEY_DESCRIPTION);

    private HelpText() {
    }

    /**
     * Sets the help layout and the exit codes of a command and of all its subcommands.
     *
     * @param cmd the command line
     */
    static void install(CommandLine cmd) {
        UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
        usage.width(UNWRAPPED);
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.of(cmd.getCommandName()));
        Map<String, IHelpSectionRenderer> sections = cmd.getHelpSectionMap();
        for (String key : List.copyOf(sections.keySet())) {
            IHelpSectionRenderer original = sections.get(key);
            if (key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
                sections.put(key, help -> {
                    int heading = help.synopsisHeadingLength();
                    int indent = heading + help.commandSpec().qualifiedName().length() + 1;
                    return wrap(original.render(help), heading, indent, false);
                });
            } else if (TABLES.contains(key)) {
                sections.put(key, help -> wrap(original.render(help), 0, -1, true));
            } else if (PARAGRAPHS.contains(key)) {
                sections.put(key, help -> wrap(original.render(help), 0, -1, false));
            }
        }
        cmd.setHelpSectionMap(sections);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            install(sub);
        }
    }

    /**
     * Wraps each line of a section at spaces.
     *
     * @param text the section
     * @param first columns already used on the section's first line (by a heading)
     * @param indent the continuation indent, or -1 to take it from each line
     * @param table whether lines are table rows: continuation lines then start two columns right of
     *     the row's text column (the text after the first run of two or more spaces)
     * @return the wrapped section
     */
    static String wrap(String text, int first, int indent, boolean table) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int used = i == 0 ? first : 0;
            int continuation = indent >= 0 ? indent : table ? textColumn(line) + 2 : leadingSpaces(line);
            wrapLine(out, line, used, continuation);
            if (i + 1 < lines.length) {
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static void wrapLine(StringBuilder out, String line, int used, int continuation) {
        int start = 0;
        int available = WIDTH - used;
        while (line.length() - start > available) {
            int cut = line.lastIndexOf(' ', start + available);
            if (cut <= start || line.substring(start, cut).isBlank()) {
                // a word longer than the line: it overflows whole rather than being split
                cut = line.indexOf(' ', start + available);
                if (cut < 0) {
                    break;
                }
            }
            out.append(line, start, cut).append(System.lineSeparator()).append(" ".repeat(continuation));
            start = cut;
            while (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            available = WIDTH - continuation;
        }
        out.append(line, start, line.length());
    }

    /** Where a table row's text starts: after the first run of two or more spaces that follows a name. */
    private static int textColumn(String line) {
        int i = leadingSpaces(line);
        while (i < line.length()) {
            if (line.startsWith("  ", i)) {
                int j = i;
                while (j < line.length() && line.charAt(j) == ' ') {
                    j++;
                }
                return j;
            }
            i++;
        }
        return leadingSpaces(line);
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
