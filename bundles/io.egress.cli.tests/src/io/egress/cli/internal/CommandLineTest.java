package io.egress.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(Commands.all()).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (Command c : Commands.all()) {
            assertTrue(text.contains("  " + c.name() + " "), c.name() + " missing from\n" + text);
        }
    }

    @Test
    void everyDocumentedCommandIsRegistered() {
        // docs/cli.md lists these; a command that is written but not registered answers "unknown command"
        assertEquals(List.of("connections", "analyze", "ip", "capture", "backtest", "workspace", "diff"),
                Commands.all().stream().map(Command::name).toList());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'frobnicate'"));
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(2, run());
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        assertEquals(2, run("connections", "--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
    }

    @Test
    void badFormatChoiceNamesTheChoices() {
        assertEquals(2, run("connections", "--format", "xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("csv, json, table"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandHelpIsShownWithExitZero() {
        assertEquals(0, run("connections", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: egress connections"));
    }
}
