package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every {@code --help}: at most 80 columns, no word or file name split across lines, only its own exit codes. */
class HelpTextTest {

    @Test
    void noHelpSplitsAWordOrAFileName() {
        CommandLine root = NpyCommand.commandLine();
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        for (CommandLine cmd : commands) {
            String name = cmd.getCommandSpec().qualifiedName();
            String help = Cli.run((Object[]) helpArguments(cmd)).out();
            Set<String> printed = new HashSet<>(List.of(help.split("\\s+")));
            for (String word : wordsOf(cmd.getCommandSpec())) {
                assertThat(printed).as("'%s' in %s --help:%n%s", word, name, help).contains(word);
            }
            for (String line : help.split("\\R")) {
                assertThat(line.length()).as("%s --help: %s", name, line).isLessThanOrEqualTo(HelpText.WIDTH);
            }
        }
    }

    @Test
    void wrappedTableRowsContinueUnderTheirText() {
        String wrapped = HelpText.wrap("  3   " + "word ".repeat(20).strip(), 0, -1, true);
        String[] lines = wrapped.split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).hasSize(HelpText.WIDTH).startsWith("  3   word").endsWith("word");
        assertThat(lines[1]).startsWith(" ".repeat(8) + "word");
        assertThat(HelpText.wrap("x".repeat(100) + " y", 0, -1, false)).as("a long word overflows whole")
                .isEqualTo("x".repeat(100) + System.lineSeparator() + "y");
    }

    @Test
    void eachCommandListsOnlyTheExitCodesItCanEndWith() {
        for (String command : List.of("info", "show", "stats", "convert", "pack")) {
            String help = Cli.run(command, "--help").out();
            assertThat(help).as(command).contains("Exit codes:", "  0   done", "  2   usage error", "  3   a file")
                    .doesNotContain("  1   ", "verify", "extract");
        }
        assertThat(Cli.run("verify", "--help").out()).contains("  0   every file is intact", "  1   a file is damaged",
                "  3   a file could not be read (missing, no permission)");
        assertThat(Cli.run("extract", "--help").out()).contains("  1   an entry was refused");
        assertThat(Cli.run("--help").out()).contains("  1   a check failed: verify found damage");
    }

    private static String[] helpArguments(CommandLine cmd) {
        return cmd.getParent() == null ? new String[] {"--help"} : new String[] {cmd.getCommandName(), "--help"};
    }

    /** The words of every text the help shows, as written in the code. */
    private static List<String> wordsOf(CommandSpec spec) {
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        texts.addAll(spec.usageMessage().exitCodeList().values());
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            if (!arg.hidden()) {
                texts.addAll(List.of(arg.description()));
            }
        }
        List<String> words = new ArrayList<>();
        for (String text : texts) {
            for (String word : text.split("\\s+")) {
                if (!word.isEmpty() && !word.contains("${") && !word.contains("%")) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
