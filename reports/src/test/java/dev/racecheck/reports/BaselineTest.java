package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racecheck.reports.json.JsonReportWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static RaceReport report(Race... races) {
        return new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.RaceCounter", List.of(races), 66);
    }

    @Test
    void containsTheRacesOfTheReportItWasReadFrom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        JsonReportWriter.write(report(Samples.counterRace(), Samples.staticRace()), file);
        Baseline baseline = Baseline.read(file);
        assertEquals(2, baseline.size());
        assertTrue(baseline.contains(Samples.counterRace()));
        assertTrue(baseline.contains(Samples.staticRace()));
        assertFalse(baseline.contains(Samples.arrayRace()));
    }

    @Test
    void aRaceWhoseLinesMovedIsStillKnown() {
        Baseline baseline = Baseline.of(report(Samples.counterRace()));
        assertTrue(baseline.contains(Samples.counterRace(7)), "same race after an edit above it");
    }

    @Test
    void theSameRaceTwiceIsOneFingerprint() {
        assertEquals(1, Baseline.of(report(Samples.counterRace(), Samples.counterRace(3))).size());
        assertEquals(Baseline.of(report(Samples.counterRace())).fingerprints(),
                Set.of(Fingerprint.of(Samples.counterRace())));
    }

    @Test
    void knowsTheDeadlocksOfItsReportToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "bank.Bank",
                List.of(Samples.counterRace()), List.of(Samples.potentialDeadlock()), 66), file);
        Baseline baseline = Baseline.read(file);
        assertEquals(2, baseline.size());
        assertTrue(baseline.contains(Samples.potentialDeadlock(12)), "the same inversion after an edit");
        assertFalse(baseline.contains(Samples.actualDeadlock()));
        assertTrue(baseline.contains(Samples.predictedRace()), "a predicted race is the same bug as the seen one");
        assertFalse(Baseline.EMPTY.contains(Samples.potentialDeadlock()));
    }

    @Test
    void emptyKnowsNothing() {
        assertFalse(Baseline.EMPTY.contains(Samples.counterRace()));
        assertEquals(0, Baseline.of(report()).size());
    }

    @Test
    void aCorruptFileIsAReportFormatException(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"tool\": \"x\", \"races\": [1]}");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> Baseline.read(file));
        assertEquals("line 1, column 45: expected an object for races[0] but found a number", e.getMessage());
    }

    @Test
    void aMissingFileIsAnIOException(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> Baseline.read(dir.resolve("none.json")));
    }
}
