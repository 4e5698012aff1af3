package dev.racecheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.racecheck.junit.Attribution;
import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import dev.racecheck.reports.json.JsonReportWriter;
import dev.racecheck.reports.text.TextRenderer;

/** What check and report read: the JVMs' JSON reports, merged, with the tests the JUnit integration named. */
class RunReportsTest {
    @TempDir
    Path dir;

    private static Race race(String cls, String field, String instance, long occurrences) {
        List<Frame> stack = List.of(new Frame(cls, "hit", "HitCounter.java", 14, null),
                new Frame("demo.HitCounterTest", "lambda$test$0", "HitCounterTest.java", 20, null));
        return new Race(new Target(Target.Kind.FIELD, cls, field, cls + "@" + instance),
                new Access(AccessKind.WRITE, 3, stack), new Access(AccessKind.READ, 2, stack),
                List.of(new ThreadInfo(3, "request-1", true, List.of()), new ThreadInfo(2, "request-0", false, List.of())),
                occurrences);
    }

    private void write(String name, Race... races) throws Exception {
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "test", List.of(races), 0),
                dir.resolve(name));
    }

    @Test
    void theSameRaceInTwoForksIsOneRaceWithItsTests() throws Exception {
        Race a = race("demo.HitCounter", "hits", "1b", 3);
        Race b = race("demo.HitCounter", "hits", "2c", 4); // another JVM: another instance, same fingerprint
        write("racecheck-100.json", a);
        write("racecheck-200.json", b, race("demo.Other", "x", "3d", 1));
        Files.writeString(dir.resolve("racecheck-tests-100.tsv"), Attribution.key(TextRenderer.render(a))
                + "\tTEST\tdemo.HitCounterTest.racy()\t[engine:junit-jupiter]/x\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("racecheck-tests-200.tsv"), Attribution.key(TextRenderer.render(b))
                + "\tAFTER_TEST\tdemo.HitCounterTest.other()\t[engine:junit-jupiter]/y\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("racecheck.json"), "not a JVM report: the report goal's own output");

        RunReports r = RunReports.read(dir);
        assertEquals(2, r.files.size());
        assertEquals(3, r.reported);
        assertEquals(2, r.races.size());
        RunReports.Found hits = r.races.get(0);
        assertEquals(7, hits.occurrences);
        assertEquals(List.of("during test demo.HitCounterTest.racy()",
                "in a thread started by test demo.HitCounterTest.other(), after the test had ended"), List.copyOf(hits.tests));
        assertTrue(r.races.get(1).tests.isEmpty());
        assertEquals(7, r.merged(r.races).races().get(0).occurrences());
    }

    @Test
    void suppressionsAndBaseline() throws Exception {
        write("racecheck-1.json", race("demo.HitCounter", "hits", "1", 1), race("demo.Legacy", "x", "2", 1),
                race("demo.Known", "y", "3", 1));
        Path suppressions = dir.resolve("suppressions.txt");
        Files.writeString(suppressions, "# accepted\nrace:demo.Legacy.*\n");
        Path baseline = dir.resolve("baseline.json");
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null,
                List.of(race("demo.Known", "y", "9", 1)), 66), baseline);

        Gate g = Gate.sort(RunReports.read(dir), suppressions.toFile(), baseline.toFile());
        assertEquals("demo.HitCounter", g.fresh.get(0).race.target().owner());
        assertEquals(1, g.fresh.size());
        assertEquals("demo.Known", g.known.get(0).race.target().owner());
        assertEquals(List.of("race:demo.Legacy.*"), g.suppressedBy);
        assertEquals(2, g.shown().size());
    }

    private static Deadlock deadlock(String lockClass, String instance, Deadlock.Kind kind) {
        LockInfo a = new LockInfo(LockInfo.Kind.MONITOR, lockClass + "@a" + instance);
        LockInfo b = new LockInfo(LockInfo.Kind.MONITOR, lockClass + "@b" + instance);
        List<Frame> at = List.of(new Frame("demo.Bank", "transfer", "Bank.java", 20, null));
        return new Deadlock(kind, List.of(new Deadlock.Edge(2, b, at, a, at), new Deadlock.Edge(3, a, at, b, at)),
                List.of(new ThreadInfo(2, "t1", false, List.of()), new ThreadInfo(3, "t2", false, List.of())), 1);
    }

    @Test
    void deadlocksAreMergedSortedAndAttributedLikeRaces() throws Exception {
        Deadlock potential = deadlock("demo.Account", "1", Deadlock.Kind.POTENTIAL);
        Deadlock again = deadlock("demo.Account", "2", Deadlock.Kind.POTENTIAL); // another fork, same inversion
        Deadlock actual = deadlock("demo.Account", "3", Deadlock.Kind.ACTUAL);
        Deadlock legacy = deadlock("demo.Legacy", "4", Deadlock.Kind.POTENTIAL);
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "test",
                List.of(race("demo.HitCounter", "hits", "1", 1)), List.of(potential, legacy), 66),
                dir.resolve("racecheck-10.json"));
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "test", List.of(),
                List.of(again, actual), 66), dir.resolve("racecheck-20.json"));
        Files.writeString(dir.resolve("racecheck-tests-10.tsv"), Attribution.key(TextRenderer.render(potential))
                + "\tTEST\tdemo.BankTest.audit()\t[engine:junit-jupiter]/x\n", StandardCharsets.UTF_8);

        RunReports r = RunReports.read(dir);
        assertEquals(4, r.reportedDeadlocks);
        assertEquals(3, r.deadlocks.size(), "potential and actual are reported apart; two forks' potential is one");
        RunReports.Found first = r.deadlocks.get(0);
        assertEquals(2, first.occurrences);
        assertEquals(List.of("during test demo.BankTest.audit()"), List.copyOf(first.tests));
        assertEquals("potential deadlock", first.what());
        assertEquals("deadlock", r.deadlocks.get(2).what());

        Path suppressions = dir.resolve("suppressions.txt");
        Files.writeString(suppressions, "deadlock:demo.Bank.transfer\n");
        Gate suppressed = Gate.sort(r, suppressions.toFile(), null);
        assertEquals(1, suppressed.fresh.size(), "only the race is left");
        assertEquals(3, suppressed.suppressed.size());

        Path baseline = dir.resolve("baseline.json");
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(),
                List.of(deadlock("demo.Legacy", "9", Deadlock.Kind.POTENTIAL)), 66), baseline);
        Gate g = Gate.sort(r, null, baseline.toFile());
        assertEquals(3, g.fresh.size(), "the race, the potential and the actual deadlock");
        assertEquals("demo.Legacy", g.known.get(0).deadlock.cycle().get(0).className());
        RaceReport merged = r.merged(g.shown());
        assertEquals(1, merged.races().size());
        assertEquals(3, merged.deadlocks().size());
        assertEquals(2, merged.deadlocks().get(0).occurrences());
    }

    @Test
    void badInputsNameTheFile() throws Exception {
        Files.writeString(dir.resolve("racecheck-5.json"), "{\"formatVersion\": 1, \"races\": [", StandardCharsets.UTF_8);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> RunReports.read(dir));
        assertTrue(e.getMessage().contains("racecheck-5.json"), e.getMessage());

        Files.delete(dir.resolve("racecheck-5.json"));
        Path bad = dir.resolve("bad-suppressions.txt");
        Files.writeString(bad, "race_top:foo\n");
        e = assertThrows(MojoExecutionException.class, () -> Gate.sort(RunReports.read(dir), bad.toFile(), null));
        assertTrue(e.getMessage().contains("bad-suppressions.txt"), e.getMessage());
        e = assertThrows(MojoExecutionException.class,
                () -> Gate.sort(RunReports.read(dir), null, new File(dir.toFile(), "missing.json")));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }

    @Test
    void noDirectoryNoReports() throws Exception {
        assertEquals(0, RunReports.read(dir.resolve("absent")).files.size());
    }
}
