package dev.racecheck.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void noCommandIsAUsageError() {
        Cli r = Cli.execute();
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("racecheck: missing command: run, demo, report, version, completion or help", r.errFirstLine());
        assertTrue(r.err().contains("Usage: racecheck"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli r = Cli.execute("frobnicate");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("racecheck: unknown command 'frobnicate'", r.errFirstLine());
        assertTrue(r.err().contains("Usage: racecheck"), r.err());
    }

    @Test
    void misspelledCommandGetsASuggestionOnTheSameLine() {
        Cli r = Cli.execute("demp");
        assertEquals(ExitCodes.USAGE, r.status());
        assertTrue(r.errFirstLine().startsWith("racecheck: unknown command 'demp'"), r.errFirstLine());
        assertTrue(r.errFirstLine().contains("demo"), r.errFirstLine());
        assertEquals("", r.err().lines().skip(1).findFirst().orElseThrow(), "one-line message, then a blank line");
    }

    @Test
    void unknownTopLevelOptionIsAUsageError() {
        Cli r = Cli.execute("--frobnicate");
        assertEquals(ExitCodes.USAGE, r.status());
        assertTrue(r.errFirstLine().startsWith("racecheck: Unknown option: '--frobnicate'"), r.errFirstLine());
    }

    @Test
    void versionCommand() {
        Cli r = Cli.execute("version");
        assertEquals(ExitCodes.OK, r.status());
        assertEquals(VersionProvider.versionLine(), r.out().strip());
        assertTrue(r.out().startsWith("racecheck "), r.out());
    }

    @Test
    void versionOptionOnEveryCommand() {
        for (String[] args : new String[][] {{"--version"}, {"run", "--version"}, {"demo", "-V"}}) {
            Cli r = Cli.execute(args);
            assertEquals(ExitCodes.OK, r.status(), String.join(" ", args));
            assertEquals(VersionProvider.versionLine(), r.out().strip(), String.join(" ", args));
        }
    }

    @Test
    void helpListsTheCommands() {
        Cli r = Cli.execute("--help");
        assertEquals(ExitCodes.OK, r.status());
        for (String command : new String[] {"run", "demo", "report", "version", "completion"}) {
            assertTrue(r.out().contains("  " + command + " "), r.out());
        }
        assertEquals("", r.err());
        assertTrue(!r.out().contains("\u001b["), "no colours when not on a terminal");
    }

    @Test
    void helpCommand() {
        Cli r = Cli.execute("help", "run");
        assertEquals(ExitCodes.OK, r.status());
        assertTrue(r.out().contains("racecheck run [OPTIONS] [--] [JVM_OPTIONS...] MAINCLASS [ARGS...]"), r.out());
    }
}
