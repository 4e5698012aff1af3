package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceReportTest {

    private static RaceReport run(Integer status, List<Race> races, List<Deadlock> deadlocks) {
        return new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "bank.Bank", races, deadlocks, status);
    }

    @Test
    void aReportWithoutDeadlocksHasAnEmptyList() {
        RaceReport r = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(Samples.counterRace()), 66);
        assertEquals(List.of(), r.deadlocks());
        assertNull(r.races().get(0).predicted());
        assertNull(r.races().get(0).seed());
    }

    @Test
    void mergeDedupsByFingerprintSumsCountsAndKeepsTheFirstSeed() {
        Race seed7 = Samples.counterRace().withSeed(7L).withOccurrences(2);
        Race sameMovedSeed9 = Samples.counterRace(5).withSeed(9L).withOccurrences(3);
        Race staticNoSeed = Samples.staticRace();
        Race staticSeed11 = Samples.staticRace().withSeed(11L);
        RaceReport merged = RaceReport.merge(List.of(
                run(66, List.of(seed7, staticNoSeed), List.of(Samples.potentialDeadlock())),
                run(0, List.of(), List.of()),
                run(66, List.of(sameMovedSeed9, staticSeed11, Samples.arrayRace()),
                        List.of(Samples.potentialDeadlock(4), Samples.actualDeadlock()))));
        assertEquals(3, merged.races().size());
        assertEquals(seed7.withOccurrences(5), merged.races().get(0), "the first race's stacks, counts summed");
        assertEquals(staticNoSeed.withOccurrences(6).withSeed(11L), merged.races().get(1),
                "the first seed any run has");
        assertEquals(Samples.arrayRace(), merged.races().get(2));
        assertEquals(List.of(Samples.potentialDeadlock().withOccurrences(2), Samples.actualDeadlock()),
                merged.deadlocks());
        assertEquals(66, merged.exitStatus());
        assertEquals("bank.Bank", merged.command());
        assertEquals(RaceReport.FORMAT_VERSION, merged.formatVersion());
    }

    @Test
    void mergedExitStatusIsTheFirstNonZero() {
        assertEquals(3, RaceReport.merge(List.of(run(null, List.of(), List.of()), run(0, List.of(), List.of()),
                run(3, List.of(), List.of()), run(66, List.of(), List.of()))).exitStatus());
        assertEquals(0, RaceReport.merge(List.of(run(0, List.of(), List.of()), run(null, List.of(), List.of())))
                .exitStatus());
        assertNull(RaceReport.merge(List.of(run(null, List.of(), List.of()))).exitStatus());
        assertThrows(IllegalArgumentException.class, () -> RaceReport.merge(List.of()));
    }
}
