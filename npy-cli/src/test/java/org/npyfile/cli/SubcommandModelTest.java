package org.npyfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A run whose first argument names a subcommand builds only that subcommand's model, for a faster
 * start: it must do, print and return exactly what a command line with every subcommand does.
 */
class SubcommandModelTest {

    private static final String LABELS = Cli.EXAMPLES.resolve("digits_labels.npy").toString();
    private static final String ARCHIVE = Cli.EXAMPLES.resolve("digits.npz").toString();

    @Test
    void aRunNamingOneSubcommandDoesWhatItDoesWithEverySubcommand() {
        List<String[]> runs = List.of(
                new String[] {"info", LABELS},
                new String[] {"info", "--json", LABELS, ARCHIVE},
                new String[] {"info"},
                new String[] {"info", "--help"},
                new String[] {"info", "--version"},
                new String[] {"info", "--no-such-option", LABELS},
                new String[] {"info", "no-such-file.npy"},
                new String[] {"info", "--debug", "no-such-file.npy"},
                new String[] {"show", LABELS},
                new String[] {"stats", ARCHIVE + ":labels"},
                new String[] {"verify", ARCHIVE},
                new String[] {"convert", "--help"},
                new String[] {"extract", "--help"},
                new String[] {"pack", "--help"},
                new String[] {"view", "--help"},
                new String[] {"hist", "--help"});
        for (String[] args : runs) {
            assertThat(Cli.run((Object[]) args)).as(String.join(" ", args)).isEqualTo(Cli.runWithEverySubcommand(args));
        }
    }

    @Test
    void theHelpListsEverySubcommand() {
        String help = Cli.run("--help").out();
        for (Class<?> subcommand : NpyCommand.SUBCOMMANDS) {
            assertThat(help).contains("  " + subcommand.getAnnotation(Command.class).name() + " ");
        }
        assertThat(Cli.run("help", "info").out()).isEqualTo(Cli.run("info", "--help").out());
    }
}
