package dev.racecheck.cli.it;

import dev.racecheck.cli.it.programs.Handshake;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.json.JsonReportReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code racecheck run --explore N} and {@code --seed S} end to end on issue #15's example ({@link Handshake}), the
 * program run by JDK 17 and by JDK 25 ({@code --java}).
 */
class ExploreIT {
    private static final Pattern RUN_LINE = Pattern.compile("racecheck: run (\\d+) of 10 \\(seed (\\d+)\\): (\\d+) data races?, exit status (\\d+)");

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void exploringMergesEveryRunsRacesAndNamesTheirSeeds(int jdk) throws Exception {
        Path dir = Jvm.workDir("explore-" + jdk);
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", java(jdk), "--explore", "10", "--seed", "100",
                "--report", "merged.json", "-cp", programs(), Handshake.class.getName());
        assertEquals(66, r.status(), r.describe());
        assertTrue(r.err().startsWith("racecheck: exploring schedules: 10 runs, seeds 100 to 109\n"), r.describe());
        // The first run's output passes through, the others' is kept back.
        assertEquals("steps = 2\n", r.out(), r.describe());

        Matcher m = RUN_LINE.matcher(r.err());
        Set<Long> racySeeds = new HashSet<>();
        int runs = 0;
        while (m.find()) {
            runs++;
            assertEquals(runs, Integer.parseInt(m.group(1)), r.describe());
            assertEquals(99 + runs, Long.parseLong(m.group(2)), r.describe());
            assertEquals("0", m.group(4), r.describe());
            if (!m.group(3).equals("0")) racySeeds.add(Long.parseLong(m.group(2)));
        }
        assertEquals(10, runs, r.describe());
        assertFalse(racySeeds.isEmpty(), "no run found the race:\n" + r.describe());

        RaceReport merged = JsonReportReader.read(dir.resolve("merged.json"));
        assertEquals(66, merged.exitStatus());
        assertFalse(merged.races().isEmpty());
        Set<String> fingerprints = new HashSet<>();
        for (Race race : merged.races()) {
            assertTrue(fingerprints.add(Fingerprint.of(race)), "a race twice in the merged report: " + race);
            assertNotNull(race.seed(), "a merged race without its seed: " + race);
            assertTrue(racySeeds.contains(race.seed()), race.seed() + " is not a run that found races: " + racySeeds);
            assertTrue(race.current().stack().get(0).toString().contains("Handshake"), race.toString());
        }
        // The merged text report: each race once with its seed, how many runs found it, the summary.
        assertEquals(merged.races().size(), count(r.err(), "WARNING: DATA RACE"), r.describe());
        assertTrue(r.err().contains("racecheck: explored 10 schedules (seeds 100-109)\n"), r.describe());
        assertEquals(merged.races().size(), count(r.err(), "\n  found in "), r.describe());
        assertTrue(r.err().contains("Found with schedule seed " + merged.races().get(0).seed()
                + " (replay it: racecheck run --seed " + merged.races().get(0).seed() + " ...)"), r.describe());
        assertTrue(r.err().endsWith("racecheck: found " + merged.races().size() + " data race(s)\n"), r.describe());

        // racecheck report renders the seeds of the merged report.
        Jvm.Result report = Jvm.racecheck(dir, "report", "merged.json");
        assertEquals(0, report.status(), report.describe());
        assertEquals(merged.races().size(), count(report.out(), "Found with schedule seed "), report.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aSeedReplaysItsRun(int jdk) throws Exception {
        Path dir = Jvm.workDir("seed-" + jdk);
        Jvm.Result explored = Jvm.racecheck(dir, "run", "--java", java(jdk), "--explore", "10", "--seed", "300",
                "-cp", programs(), Handshake.class.getName());
        Long racy = null;
        Long clean = null;
        Matcher m = RUN_LINE.matcher(explored.err());
        while (m.find()) {
            if (m.group(3).equals("0")) clean = clean == null ? Long.valueOf(m.group(2)) : clean;
            else racy = racy == null ? Long.valueOf(m.group(2)) : racy;
        }
        assertNotNull(racy, "no run found the race:\n" + explored.describe());
        assertNotNull(clean, "every run found the race:\n" + explored.describe());
        // The same decisions again: the race with the seed that found it, none with the seed that did not.
        for (int i = 0; i < 2; i++) {
            Jvm.Result replay = Jvm.racecheck(dir, "run", "--java", java(jdk), "--seed", racy.toString(),
                    "-cp", programs(), Handshake.class.getName());
            assertEquals(66, replay.status(), "replay of seed " + racy + ":\n" + replay.describe());
            assertTrue(replay.err().contains("Found with schedule seed " + racy + " "), replay.describe());
            Jvm.Result quiet = Jvm.racecheck(dir, "run", "--java", java(jdk), "--seed", clean.toString(),
                    "-cp", programs(), Handshake.class.getName());
            assertEquals(0, quiet.status(), "replay of seed " + clean + ":\n" + quiet.describe());
            assertFalse(quiet.err().contains("WARNING: DATA RACE"), quiet.describe());
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17})
    void aRaceFreeProgramKeepsItsStatusAndReportsNoRace(int jdk) throws Exception {
        Path dir = Jvm.workDir("explore-clean-" + jdk);
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", java(jdk), "--explore", "3", "--seed", "1",
                "-cp", Jvm.property("racecheck.samples.dir"), "dev.racecheck.samples.NoRaceWaitNotify");
        assertEquals(0, r.status(), r.describe());
        assertFalse(r.err().contains("WARNING: DATA RACE"), r.describe());
        assertTrue(r.err().endsWith("racecheck: explored 3 schedules (seeds 1-3)\nracecheck: found 0 data race(s)\n"),
                r.describe());
        assertTrue(r.out().length() > 0, "the first run's output passes through:\n" + r.describe());
    }

    private static String programs() throws URISyntaxException {
        return Path.of(Handshake.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The java of JDK 17 (the one running the tests) or of JDK 25 ({@code racecheck.jdk25}). */
    private static String java(int jdk) {
        if (jdk == 17) return Jvm.JAVA;
        Path home = Path.of(System.getProperty("racecheck.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Path java = home.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            if ("true".equals(System.getenv("CI"))) fail("JDK 25 is missing at " + home);
            Assumptions.abort("JDK 25 is missing at " + home + " (set -Dracecheck.jdk25=DIR)");
        }
        return java.toString();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
