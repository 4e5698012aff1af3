package dev.racecheck.reports.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

    private static final RaceReport FULL = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "java -cp app.jar demo.RaceCounter --n 2",
            List.of(Samples.counterRace(), Samples.staticRace(), Samples.arrayRace(),
                    Samples.containerRace()), 66);

    // --- round trips ---

    @Test
    void roundTripsEveryComponent() throws Exception {
        assertEquals(FULL, JsonReportReader.read(JsonReportWriter.toJson(FULL)));
    }

    @Test
    void roundTripsDeadlocksPredictedRacesAndSeeds() throws Exception {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "bank.Bank",
                List.of(Samples.predictedRace(), Samples.counterRace().withSeed(Long.MIN_VALUE), Samples.raceInATest()),
                List.of(Samples.potentialDeadlock(), Samples.actualDeadlock()), 66);
        String json = JsonReportWriter.toJson(report);
        assertEquals(report, JsonReportReader.read(json));
        assertTrue(json.contains("""
                      "predicted": {
                        "lock": {
                          "kind": "monitor",
                          "instance": "demo.Bank@4554617c"
                        },
                        "releasedAt": [
                """), json);
        assertTrue(json.contains("\"seed\": 42\n"), json);
        assertTrue(json.contains("""
                  "deadlocks": [
                    {
                      "kind": "potential",
                      "edges": [
                        {
                          "thread": 2,
                          "acquired": {
                            "kind": "monitor",
                            "instance": "bank.Account@4554617c"
                          },
                          "acquiredAt": [
                """), json);
        assertTrue(json.contains("\"kind\": \"write_lock\""), json);
        assertTrue(json.contains("\"kind\": \"actual\""), json);
        assertEquals(22, JsonReportReader.read(json).races().get(2).current().stack().size(), "JSON keeps every frame");
    }

    @Test
    void aVersion1ReportIsReadIntoTheCurrentModel() throws Exception {
        String v1 = """
                {
                  "formatVersion": 1,
                  "tool": "0.1.0",
                  "command": "demo.Main",
                  "exitStatus": 66,
                  "races": [{
                    "target": {"kind": "static_field", "owner": "demo.Main", "name": "total", "instance": null},
                    "current": {"kind": "write", "thread": 1, "stack": [
                      {"className": "demo.Main", "methodName": "main", "fileName": "Main.java", "line": 7, "module": null}]},
                    "previous": {"kind": "write", "thread": 5, "stack": [
                      {"className": "demo.Main", "methodName": "lambda$main$0", "fileName": "Main.java", "line": 4,
                       "module": null}]},
                    "threads": [{"id": 1, "name": "main", "alive": true, "startedAt": []},
                                {"id": 5, "name": "pool-1", "alive": false, "startedAt": []}],
                    "occurrences": 3
                  }]
                }
                """;
        RaceReport r = JsonReportReader.read(v1);
        assertEquals(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Main", List.of(Samples.staticRace()),
                List.of(), 66), r);
        assertNull(r.races().get(0).predicted());
        assertNull(r.races().get(0).seed());
        assertEquals(r, JsonReportReader.read(JsonReportWriter.toJson(r)), "and written again as the current version");
    }

    @Test
    void deadlocksMayBeNullOrOmitted() throws Exception {
        assertEquals(List.of(), JsonReportReader.read(
                "{\"formatVersion\": 2, \"tool\": \"t\", \"races\": [], \"deadlocks\": null}").deadlocks());
        assertEquals(List.of(), JsonReportReader.read("{\"formatVersion\": 2, \"tool\": \"t\", \"races\": []}").deadlocks());
    }

    @Test
    void badDeadlocksAndPredictionsNameThePath() {
        String json = JsonReportWriter.toJson(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null,
                List.of(Samples.predictedRace()), List.of(Samples.actualDeadlock()), null));
        assertTrue(fails(json.replace("\"kind\": \"actual\"", "\"kind\": \"real\"")).getMessage()
                .endsWith(": expected \"potential\" or \"actual\" for deadlocks[0].kind but found \"real\""));
        assertTrue(fails(json.replace("\"kind\": \"write_lock\"", "\"kind\": \"writelock\"")).getMessage()
                .endsWith(": expected \"monitor\" or \"lock\" or \"read_lock\" or \"write_lock\" for"
                        + " deadlocks[0].edges[0].acquired.kind but found \"writelock\""));
        assertTrue(fails(json.replace("\"seed\": 42", "\"seed\": \"42\"")).getMessage()
                .endsWith(": expected an integer for races[0].seed but found a string"));
        assertTrue(fails(json.replace("\"releasedAt\": [", "\"releasedAt\": 1, \"x\": [")).getMessage()
                .endsWith(": expected an array for races[0].predicted.releasedAt but found a number"));
        assertTrue(fails(json.replace("\"heldAt\": []", "\"heldAt\": null")).getMessage()
                .endsWith(": expected a value for deadlocks[0].edges[0].heldAt but found null"));
        assertTrue(fails(json.replace("\"deadlocks\": [", "\"deadlocks\": [7,")).getMessage()
                .endsWith(": expected an object for deadlocks[0] but found a number"));
    }

    @Test
    void roundTripsNullsAndEmptyLists() throws Exception {
        RaceReport empty = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(), null);
        assertEquals(empty, JsonReportReader.read(JsonReportWriter.toJson(empty)));
    }

    @Test
    void roundTripsOddStrings() throws Exception {
        String odd = "q\"b\\s/ nl\n cr\r tab\t nul\u0000 us\u001f del\u007f é ✓ \uD83D\uDE00 lone\uD800 \uDC00 \u2028";
        Frame f = new Frame("demo.$Odd", odd, odd, Integer.MIN_VALUE, odd);
        Race race = new Race(new Target(Target.Kind.FIELD, odd, odd, odd),
                new Access(AccessKind.WRITE, Long.MAX_VALUE, List.of(f)),
                new Access(AccessKind.READ, Long.MIN_VALUE, List.of(f)),
                List.of(new ThreadInfo(Long.MAX_VALUE, odd, false, List.of(f))), Long.MAX_VALUE);
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, odd, odd, List.of(race), Integer.MIN_VALUE);
        assertEquals(report, JsonReportReader.read(JsonReportWriter.toJson(report)));
    }

    @Test
    void roundTripsThroughAUtf8File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("races.json");
        JsonReportWriter.write(FULL, file);
        assertEquals(FULL, JsonReportReader.read(file));
        assertEquals(FULL, JsonReportReader.read(new StringReader(Files.readString(file))));
    }

    // --- accepted variations ---

    @Test
    void decodesEveryEscapeAndIgnoresUnknownFieldsAndOrder() throws Exception {
        RaceReport r = JsonReportReader.read("\uFEFF\r\n{ \"races\": [], \"future\": {\"a\": [1, 2.5e-3, true, null]},"
                + "\t\"tool\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\", \"formatVersion\": 1 }  \n");
        assertEquals(new RaceReport(RaceReport.FORMAT_VERSION, "\"\\/\b\f\n\r\té\uD83D\uDE00", null, List.of(), null), r);
    }

    @Test
    void nullableFieldsMayBeOmitted() throws Exception {
        RaceReport r = JsonReportReader.read("""
                {"formatVersion": 1, "tool": "t", "races": [{
                  "target": {"kind": "static_field", "owner": "A", "name": "x"},
                  "current": {"kind": "write", "thread": 1, "stack": [{"className": "A", "methodName": "m", "line": -1}]},
                  "previous": {"kind": "read", "thread": 2, "stack": []},
                  "threads": [], "occurrences": 1}]}
                """);
        Race race = r.races().get(0);
        assertNull(r.command());
        assertNull(r.exitStatus());
        assertNull(race.target().instance());
        assertEquals(new Frame("A", "m", null, -1, null), race.current().stack().get(0));
    }

    // --- version ---

    @Test
    void rejectsNewerFormatVersion() {
        ReportFormatException e = fails("{\n  \"formatVersion\": 3,\n  \"tool\": 7\n}");
        assertEquals("line 2, column 20: expected formatVersion 2 or lower but found 3: "
                + "the report was written by a newer racecheck", e.getMessage());
    }

    @Test
    void rejectsMissingOrInvalidFormatVersion() {
        assertEquals("line 1, column 1: expected field \"formatVersion\" in the report but found none"
                + " (is this a racecheck JSON report?)", fails("{\"tool\": \"x\", \"races\": []}").getMessage());
        assertEquals("line 1, column 19: expected formatVersion 1 or higher but found 0",
                fails("{\"formatVersion\": 0, \"tool\": \"x\", \"races\": []}").getMessage());
        assertEquals("line 1, column 19: expected an integer for formatVersion but found a string",
                fails("{\"formatVersion\": \"1\", \"tool\": \"x\", \"races\": []}").getMessage());
        assertEquals("line 1, column 19: expected an integer for formatVersion but found 1.0",
                fails("{\"formatVersion\": 1.0, \"tool\": \"x\", \"races\": []}").getMessage());
        assertEquals("line 1, column 19: expected a 32-bit integer for formatVersion but found 4294967297",
                fails("{\"formatVersion\": 4294967297}").getMessage());
        assertEquals("line 1, column 1: expected an object for the report but found an array",
                fails("[1]").getMessage());
    }

    // --- wrong types and missing fields ---

    @Test
    void wrongTypesNameThePathAndPosition() {
        String json = JsonReportWriter.toJson(FULL);
        assertEquals("line 10, column 18: expected a string for races[0].target.owner but found a number",
                fails(json.replace("\"owner\": \"demo.Counter\"", "\"owner\": 12")).getMessage());
        assertTrue(fails(json.replace("\"alive\": true", "\"alive\": \"yes\"")).getMessage()
                .endsWith(": expected true or false for races[0].threads[0].alive but found a string"));
        assertTrue(fails(json.replace("\"occurrences\": 1", "\"occurrences\": -1.5")).getMessage()
                .endsWith(": expected an integer for races[0].occurrences but found -1.5"));
        assertTrue(fails(json.replace("\"stack\": []", "\"stack\": {}")).getMessage()
                .endsWith(": expected an array for races[2].previous.stack but found an object"));
        assertTrue(fails(json.replace("\"kind\": \"write\"", "\"kind\": \"WRITE\"")).getMessage()
                .endsWith(": expected \"read\" or \"write\" for races[0].current.kind but found \"WRITE\""));
        assertTrue(fails(json.replace("\"kind\": \"field\"", "\"kind\": \"local\"")).getMessage().endsWith(
                ": expected \"field\" or \"static_field\" or \"array_element\" or \"container\" for"
                        + " races[0].target.kind"
                        + " but found \"local\""));
        assertTrue(fails(json.replace("\"tool\": \"0.1.0\"", "\"tool\": null")).getMessage()
                .endsWith(": expected a value for tool but found null"));
        assertTrue(fails(json.replace("\"races\": [", "\"races\": [3,")).getMessage()
                .endsWith(": expected an object for races[0] but found a number"));
    }

    @Test
    void missingFieldPointsAtItsObject() {
        assertEquals("line 2, column 23: expected field \"owner\" in races[0].target but found none",
                fails("{\"formatVersion\": 1, \"tool\": \"t\",\n \"races\": [{\"target\": {\"kind\": \"field\", \"name\": \"x\"}}]}")
                        .getMessage());
        assertEquals("line 1, column 1: expected field \"tool\" in the report but found none",
                fails("{\"formatVersion\": 1, \"races\": []}").getMessage());
    }

    // --- malformed JSON ---

    @Test
    void everyTruncationIsAFormatErrorWithAPosition() {
        String json = JsonReportWriter.toJson(FULL).stripTrailing();
        for (int end = 0; end < json.length(); end++) {
            String prefix = json.substring(0, end);
            try {
                JsonReportReader.read(prefix);
                fail("accepted a truncated report of " + end + " chars");
            } catch (ReportFormatException e) {
                assertOneLine(e);
                assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
            }
        }
    }

    @Test
    void truncatedReportSaysWhatWasExpected() {
        assertEquals("line 3, column 1: expected ',' or '}' but found end of input",
                fails("{\n  \"formatVersion\": 1\n").getMessage());
        assertEquals("line 1, column 1: expected a value (object, array, string, number, true, false or null)"
                + " but found end of input", fails("").getMessage());
        assertEquals("line 1, column 14: expected '\"' closing the string but found end of input",
                fails("{\"tool\": \"0.1").getMessage());
    }

    @Test
    void syntaxErrors() {
        assertEquals("line 1, column 20: expected ',' or '}' but found ';'",
                fails("{\"formatVersion\": 1; }").getMessage());
        assertEquals("line 1, column 21: expected '\"' starting a field name but found '}'",
                fails("{\"formatVersion\": 1,}").getMessage());
        assertEquals("line 1, column 4: expected a value (object, array, string, number, true, false or null)"
                + " but found ']'", fails("[1,]").getMessage());
        assertEquals("line 1, column 2: expected '\"' starting a field name but found '''",
                fails("{'formatVersion': 1}").getMessage());
        assertEquals("line 2, column 2: expected end of input after the top-level value but found '{'",
                fails("{}\r\n {}").getMessage());
        assertEquals("line 1, column 4: expected true but found 'x'", fails("trux").getMessage());
        assertEquals("line 1, column 4: expected true but found end of input", fails("tru").getMessage());
        assertEquals("line 1, column 2: expected no leading zero in a number but found '1'",
                fails("01").getMessage());
        assertEquals("line 1, column 2: expected a digit but found 'x'", fails("-x").getMessage());
        assertEquals("line 1, column 3: expected a digit after '.' but found end of input", fails("1.").getMessage());
        assertEquals("line 1, column 3: expected a digit in the exponent but found '}'", fails("1e}").getMessage());
        assertEquals("line 1, column 2: expected a value (object, array, string, number, true, false or null)"
                + " but found 'N'", fails("[NaN]").getMessage());
    }

    @Test
    void stringErrors() {
        assertEquals("line 1, column 4: expected an escaped control character (such as \\n) but found U+000A",
                fails("\"ab\ncd\"").getMessage());
        assertEquals("line 1, column 3: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\' but found 'x'",
                fails("\"\\x\"").getMessage());
        assertEquals("line 1, column 6: expected 4 hex digits after \\u but found 'g'",
                fails("\"\\u12g4\"").getMessage());
        assertEquals("line 2, column 2: expected each field once but found \"tool\" again",
                fails("{\"tool\": \"a\",\n \"tool\": \"b\"}").getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        ReportFormatException e = fails("[".repeat(100_000));
        assertEquals("line 1, column 65: expected at most 64 nested arrays and objects but found '['",
                e.getMessage());
    }

    @Test
    void readerIsNotClosedAndIoErrorsPropagate() throws Exception {
        StringReader in = new StringReader(JsonReportWriter.toJson(FULL));
        assertEquals(FULL, JsonReportReader.read(in));
        assertEquals(-1, in.read()); // still open: read() on a closed StringReader throws
        assertThrows(IOException.class, () -> JsonReportReader.read(Path.of("does-not-exist.json")));
    }

    private static ReportFormatException fails(String json) {
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReportReader.read(json));
        assertOneLine(e);
        return e;
    }

    private static void assertOneLine(ReportFormatException e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + e.line() + ", column " + e.column() + ": "), e.getMessage());
    }
}
