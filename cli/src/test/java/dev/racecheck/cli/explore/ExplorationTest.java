package dev.racecheck.cli.explore;

import dev.racecheck.cli.Findings;
import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.TestFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorationTest {
    private static final List<Race> RACES = Findings.newKinds().races();
    /** Two different races, as the agent writes them: without seed, then with the run's. */
    private static final Race A = RACES.get(0).withSeed(null);
    private static final Race B = RACES.get(1);

    private static RaceReport report(int status, Race... races) {
        return new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Main", List.of(races), status);
    }

    private static Exploration.Run run(int n, int status, Race... races) {
        long seed = 100 + n - 1;
        Race[] seeded = new Race[races.length];
        for (int i = 0; i < races.length; i++) seeded[i] = races[i].withSeed(seed);
        return new Exploration.Run(n, seed, status, report(status, seeded), null);
    }

    @Test
    void everyRaceOnceWithTheFirstSeedThatFoundItAndHowManyRuns() {
        Exploration e = new Exploration(List.of(run(1, 0), run(2, 0, A), run(3, 0, A, B), run(4, 0, B)), 4);
        RaceReport merged = e.merged();
        assertEquals(2, merged.races().size());
        assertEquals(101L, merged.races().get(0).seed());
        assertEquals(102L, merged.races().get(1).seed());
        assertEquals(2, e.runsPerRace().get(Fingerprint.of(A)));
        assertEquals(2, e.runsPerRace().get(Fingerprint.of(B)));
        assertEquals(0, merged.exitStatus());
        assertEquals(66, e.exitStatus(Baseline.EMPTY, 66));
        assertEquals(7, e.exitStatus(Baseline.EMPTY, 7));
        assertEquals(0, e.exitStatus(Baseline.EMPTY, 0));
    }

    @Test
    void racesInTheBaselineDoNotFailTheExploration() {
        Exploration e = new Exploration(List.of(run(1, 0, A), run(2, 0, A)), 2);
        Baseline known = Baseline.of(report(66, A));
        assertEquals(0, e.exitStatus(known, 66));
        Exploration more = new Exploration(List.of(run(1, 0, A), run(2, 0, B)), 2);
        assertEquals(66, more.exitStatus(known, 66));
    }

    @Test
    void theProgramsOwnStatusWinsAndDisagreementsAreNamed() {
        Exploration e = new Exploration(List.of(run(1, 0, A), run(2, 0), run(3, 3), run(4, 0), run(5, 3)), 5);
        assertEquals(3, e.programStatus());
        assertEquals(3, e.exitStatus(Baseline.EMPTY, 66));
        assertEquals("racecheck: the program's exit status differed between runs: 0 in runs 1-2, 4 (seeds 100-101, 103);"
                + " 3 in runs 3, 5 (seeds 102, 104)", e.statusDisagreement());
        assertNull(new Exploration(List.of(run(1, 0), run(2, 0)), 2).statusDisagreement());
        assertEquals("racecheck: the program's exit status differed between runs: 0 in run 1 (seed 100); 1 in run 2"
                + " (seed 101)", new Exploration(List.of(run(1, 0), run(2, 1)), 2).statusDisagreement());
    }

    @Test
    void aRunWithoutAReportCountsByItsStatusOnly() {
        Exploration e = new Exploration(List.of(run(1, 0, A), new Exploration.Run(2, 101, 134, null, null)), 2);
        assertEquals(1, e.merged().races().size());
        assertEquals(134, e.exitStatus(Baseline.EMPTY, 66));
        assertTrue(Exploration.progressLine(e.runs().get(1), 2).equals(
                "racecheck: run 2 of 2 (seed 101): no report (the JVM wrote none), exit status 134"));
        assertEquals("racecheck: run 1 of 2 (seed 100): 1 data race, exit status 0",
                Exploration.progressLine(e.runs().get(0), 2));
    }

    @Test
    void theTextHasTheBlocksTheRunsPerRaceAndTheSummary() {
        Exploration e = new Exploration(List.of(run(1, 0, A), run(2, 0, A, B), run(3, 0)), 5);
        String text = e.text(TestFrames.ELIDE);
        assertEquals(2, text.split("WARNING: DATA RACE", -1).length - 1, text);
        assertTrue(text.contains("Found with schedule seed 100 (replay it: racecheck run --seed 100 ...)"), text);
        assertTrue(text.contains("racecheck: explored 3 schedules of 5 (seeds 100-102)\n"), text);
        assertTrue(text.contains("\n  found in 2 of 3 runs: "), text);
        assertTrue(text.contains("\n  found in 1 of 3 runs: "), text);
        assertTrue(text.endsWith("racecheck: found 2 data race(s)\n"), text);
    }

    @Test
    void rangesOfNumbers() {
        assertEquals("1-4, 6", Exploration.ranges(List.of(1L, 2L, 3L, 4L, 6L)));
        assertEquals("7", Exploration.ranges(List.of(7L)));
        assertEquals("1, 3, 5-6", Exploration.ranges(List.of(1L, 3L, 5L, 6L)));
        assertEquals("", Exploration.ranges(List.of()));
    }
}
