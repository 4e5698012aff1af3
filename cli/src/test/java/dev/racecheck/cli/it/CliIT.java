package dev.racecheck.cli.it;

import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.json.JsonReportReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built racecheck-cli.jar end to end: {@code run} with the report options on real sample programs, then
 * {@code report} and {@code completion}, each in its own JVM.
 */
class CliIT {
    private static final String RACY = "dev.racecheck.samples.RaceCounter";
    private static final String CLEAN = "dev.racecheck.samples.NoRaceCounterSynchronized";
    private static String samples;

    @BeforeAll
    static void samples() {
        samples = Jvm.property("racecheck.samples.dir");
        assertTrue(Files.isDirectory(Path.of(samples)), samples + " is missing: build the samples module first");
    }

    @Test
    void runWritesTheJsonReportAndRendersSarif() throws Exception {
        Path dir = Jvm.workDir("run-sarif");
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--report", "races.json", "--out", "races.sarif",
                "-cp", samples, RACY);
        assertEquals(66, r.status(), r.describe());
        assertTrue(r.err().contains("WARNING: DATA RACE"), r.describe());

        RaceReport report = JsonReportReader.read(dir.resolve("races.json"));
        assertFalse(report.races().isEmpty());
        assertEquals(66, report.exitStatus());
        String sarif = Files.readString(dir.resolve("races.sarif"));
        assertEquals(report.races().size(), count(sarif, "\"ruleId\": \"racecheck/data-race\""), sarif);
        assertTrue(sarif.contains("\"uri\": \"dev/racecheck/samples/RaceCounter.java\""), sarif);
    }

    @Test
    void runWithOnlyAFormatUsesATemporaryReport() throws Exception {
        Path dir = Jvm.workDir("run-junit");
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--format", "junit", "-cp", samples, RACY);
        assertEquals(66, r.status(), r.describe());
        // The program's own line, then the XML after it.
        int xml = r.out().indexOf("<?xml");
        assertTrue(xml > 0 && r.out().substring(0, xml).contains("value = "), r.describe());
        assertTrue(r.out().contains("<failure message=\"") && r.out().contains("type=\"DataRace\""), r.describe());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".json")).toList(), "no JSON left behind");
        }
    }

    @Test
    void aRaceFreeProgramKeepsItsOutputAndStatus() throws Exception {
        Path dir = Jvm.workDir("run-clean");
        Jvm.Result plain = Jvm.run(dir, List.of(Jvm.JAVA, "-cp", samples, CLEAN));
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--out", "clean.html", "-cp", samples, CLEAN);
        assertEquals(0, r.status(), r.describe());
        assertEquals(plain.out(), r.out());
        assertEquals(plain.err(), r.err());
        assertTrue(Files.readString(dir.resolve("clean.html")).contains("racecheck found no data race"));
    }

    @Test
    void reportRendersASavedReport() throws Exception {
        Path dir = Jvm.workDir("report");
        Jvm.Result run = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--report", "races.json", "-cp", samples, RACY);
        assertEquals(66, run.status(), run.describe());
        Jvm.Result r = Jvm.racecheck(dir, "report", "races.json", "--out", "races.html",
                "--source-path", Jvm.property("racecheck.samples.src"));
        assertEquals(0, r.status(), r.describe());
        String html = Files.readString(dir.resolve("races.html"));
        assertTrue(html.contains("value = c + 1; // racy access"), "the racy source line is shown");

        Jvm.Result bad = Jvm.racecheck(dir, "report", "missing.json");
        assertEquals(2, bad.status(), bad.describe());
        assertEquals("racecheck report: cannot read report missing.json: no such file\n", bad.err());
    }

    @Test
    void completionWorksFromTheShadedJar() throws Exception {
        Jvm.Result r = Jvm.racecheck(Jvm.workDir("completion"), "completion");
        assertEquals(0, r.status(), r.describe());
        assertTrue(r.out().contains("complete -F _complete_racecheck"), r.describe());
    }

    // End to end through the agent options suppressions= and baseline=.

    @Test
    void suppressedRacesAreNotReported() throws Exception {
        Path dir = Jvm.workDir("suppressions");
        Files.writeString(dir.resolve("racecheck.supp"), "# the classroom counter\nrace:dev.racecheck.samples.RaceCounter.next\n");
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--suppressions", "racecheck.supp",
                "--report", "races.json", "-cp", samples, RACY);
        assertEquals(0, r.status(), r.describe());
        assertFalse(r.err().contains("WARNING: DATA RACE"), r.describe());
        assertEquals(List.of(), JsonReportReader.read(dir.resolve("races.json")).races());
    }

    @Test
    void racesInTheBaselineDoNotFailTheRun() throws Exception {
        Path dir = Jvm.workDir("baseline");
        Jvm.Result first = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--report", "known.json", "-cp", samples, RACY);
        assertEquals(66, first.status(), first.describe());
        Jvm.Result r = Jvm.racecheck(dir, "run", "--java", Jvm.JAVA, "--baseline", "known.json", "-cp", samples, RACY);
        assertEquals(0, r.status(), r.describe());
        assertTrue(r.err().contains("(known race: in the baseline)"), r.describe());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
