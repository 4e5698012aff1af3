package dev.racecheck.reports.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    @Test
    void writesStableFieldOrderWithTwoSpaceIndent() {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Main",
                List.of(Samples.staticRace()), 66);
        assertEquals("""
                {
                  "formatVersion": 2,
                  "tool": "0.1.0",
                  "command": "demo.Main",
                  "exitStatus": 66,
                  "races": [
                    {
                      "target": {
                        "kind": "static_field",
                        "owner": "demo.Main",
                        "name": "total",
                        "instance": null
                      },
                      "current": {
                        "kind": "write",
                        "thread": 1,
                        "stack": [
                          {
                            "className": "demo.Main",
                            "methodName": "main",
                            "fileName": "Main.java",
                            "line": 7,
                            "module": null
                          }
                        ]
                      },
                      "previous": {
                        "kind": "write",
                        "thread": 5,
                        "stack": [
                          {
                            "className": "demo.Main",
                            "methodName": "lambda$main$0",
                            "fileName": "Main.java",
                            "line": 4,
                            "module": null
                          }
                        ]
                      },
                      "threads": [
                        {
                          "id": 1,
                          "name": "main",
                          "alive": true,
                          "startedAt": []
                        },
                        {
                          "id": 5,
                          "name": "pool-1",
                          "alive": false,
                          "startedAt": []
                        }
                      ],
                      "occurrences": 3,
                      "predicted": null,
                      "seed": null
                    }
                  ],
                  "deadlocks": []
                }
                """, JsonReportWriter.toJson(report));
    }

    @Test
    void writesAContainerTargetWithItsKindInLowerCase() {
        String json = JsonReportWriter.toJson(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null,
                List.of(Samples.containerRace()), 66));
        assertTrue(json.contains("""
                      "target": {
                        "kind": "container",
                        "owner": "java.util.HashMap",
                        "name": "state",
                        "instance": "java.util.HashMap@5e2de80c"
                      },
                """), json);
        assertTrue(json.contains("""
                          {
                            "className": "java.util.HashMap",
                            "methodName": "put",
                            "fileName": "HashMap.java",
                            "line": -1,
                            "module": null
                          },
                """), json);
    }

    @Test
    void emptyReport() {
        assertEquals("""
                {
                  "formatVersion": 2,
                  "tool": "0.1.0",
                  "command": null,
                  "exitStatus": null,
                  "races": [],
                  "deadlocks": []
                }
                """, JsonReportWriter.toJson(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(), null)));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c/d\"", Json.quote("a\"b\\c/d"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", Json.quote("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u001f\\u007f \"", Json.quote("\u0000\u001f\u007f "));
    }

    @Test
    void writesUnicodeAsIsButEscapesLoneSurrogates() {
        assertEquals("\"Zähler ✓ \uD83D\uDE00\"", Json.quote("Zähler ✓ \uD83D\uDE00"));
        assertEquals("\"\\ud83d!\\ude00\"", Json.quote("\uD83D!\uDE00"));
        assertEquals("\"x\\ud83d\"", Json.quote("x\uD83D"));
    }

    @Test
    void refusesAnotherFormatVersion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReportWriter.toJson(new RaceReport(3, "0.1.0", null, List.of(), null)));
        assertTrue(e.getMessage().contains("formatVersion 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> JsonReportWriter.toJson(new RaceReport(1, "0.1.0", null, List.of(), null)),
                "a version 1 layout is not what this writer writes");
    }

    @Test
    void refusesNullWhereTheFormatRequiresAValue() {
        Race race = new Race(new Target(Target.Kind.FIELD, "demo.A", null, "demo.A@1"),
                new Access(AccessKind.READ, 1, List.of(new Frame("demo.A", "f", "A.java", 1))),
                new Access(AccessKind.WRITE, 2, List.of()), List.of(new ThreadInfo(1, "main", true, List.of())), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReportWriter.toJson(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(race),
                        null)));
        assertEquals("races[0].target.name is null but the report format requires it", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> JsonReportWriter.toJson(new RaceReport(RaceReport.FORMAT_VERSION, null, null, List.of(), null)));
    }
}
