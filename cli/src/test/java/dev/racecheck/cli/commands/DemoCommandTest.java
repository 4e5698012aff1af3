package dev.racecheck.cli.commands;

import dev.racecheck.cli.Cli;
import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.samples.Sample;
import dev.racecheck.cli.samples.SampleCatalog;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    static final Sample COUNTER = new Sample("dev.racecheck.samples.RaceCounter", "counter",
            "Three threads increment one shared counter.", List.of("Three threads increment one shared counter."),
            "race on field dev.racecheck.samples.RaceCounter.value", true);
    static final Sample ATOMIC = new Sample("dev.racecheck.samples.NoRaceCounterAtomic", "no-race-counter-atomic",
            "The counter, fixed.", List.of("The counter, fixed."), "no race", false);

    static Consumer<CommandLine> catalog(Sample... samples) {
        return cl -> ((DemoCommand) cl.getSubcommands().get("demo").getCommand()).withCatalog(SampleCatalog.of(List.of(samples)));
    }

    @Test
    void listsTheSamples() {
        Cli r = Cli.execute(catalog(ATOMIC, COUNTER), "demo");
        assertEquals(ExitCodes.OK, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Sample programs"), r.out());
        assertEquals("  counter                 race     Three threads increment one shared counter.", lines.get(2));
        assertEquals("  no-race-counter-atomic  no race  The counter, fixed.", lines.get(3));
        assertEquals("", r.err());
    }

    @Test
    void unknownNameListsTheNames() {
        Cli r = Cli.execute(catalog(ATOMIC, COUNTER), "demo", "counterz");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("racecheck demo: unknown sample 'counterz'; the samples are: counter, no-race-counter-atomic",
                r.errFirstLine());
        assertTrue(r.err().contains("Usage: racecheck demo"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void tooManyNamesIsAUsageError() {
        Cli r = Cli.execute(catalog(COUNTER), "demo", "counter", "extra");
        assertEquals(ExitCodes.USAGE, r.status());
        assertTrue(r.errFirstLine().startsWith("racecheck demo: "), r.errFirstLine());
    }

    @Test
    void expectationAndVerdict() {
        assertTrue(DemoCommand.expectation(COUNTER).startsWith("Expected: race on field dev.racecheck.samples.RaceCounter.value."));
        assertTrue(DemoCommand.expectation(COUNTER).contains("status 66"));
        assertTrue(DemoCommand.expectation(ATOMIC).contains("status 0"));
        assertTrue(DemoCommand.verdict(COUNTER, 66).contains("as expected"));
        assertTrue(DemoCommand.verdict(ATOMIC, 0).contains("as expected"));
        assertTrue(DemoCommand.verdict(COUNTER, 0).contains("expected to race"));
        assertTrue(DemoCommand.verdict(ATOMIC, 66).contains("expected to be race-free"));
        assertTrue(DemoCommand.verdict(ATOMIC, 1).contains("status 1"));
    }

    @Test
    void listsTheEmbeddedSamplesWithoutInjection() {
        Cli r = Cli.execute("demo");
        assertEquals(ExitCodes.OK, r.status(), r.err());
    }
}
