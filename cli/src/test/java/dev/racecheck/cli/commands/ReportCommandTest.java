package dev.racecheck.cli.commands;

import dev.racecheck.cli.Cli;
import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Findings;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.json.JsonReportReader;
import dev.racecheck.reports.json.JsonReportWriter;
import dev.racecheck.reports.text.TextRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code racecheck report}: every format from a real report (the agent's JSON for the counter sample, two races),
 * and one clear line with exit status 2 for every kind of bad input.
 */
class ReportCommandTest {

    /** The sample sources, as the cli module's tests see them (Maven runs them in cli/). */
    static final Path SAMPLE_SOURCES = Path.of("../samples/src/main/java");

    @TempDir
    Path dir;
    Path json;

    @BeforeEach
    void writeReport() throws IOException {
        json = dir.resolve("races.json");
        Files.writeString(json, twoRacesJson());
    }

    /** The agent's JSON report for a run of RaceCounter: two races on RaceCounter.value. */
    static String twoRacesJson() throws IOException {
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/dev/racecheck/cli/two-races.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Cli report(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.execute(all);
    }

    @Test
    void textToStandardOutputByDefault() throws Exception {
        Cli r = report(json.toString());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        StringBuilder expected = new StringBuilder();
        TextRenderer.render(JsonReportReader.read(json), expected);
        assertEquals(expected.toString(), r.out());
        assertTrue(r.out().endsWith("racecheck: found 2 data race(s)\n"), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest(name = "[{index}] --format {0}")
    @CsvSource({
            "text,  racecheck: found 2 data race(s)",
            "json,  \"formatVersion\": 2",
            "sarif, \"version\": \"2.1.0\"",
            "junit, <testsuite ",
            "html,  <!DOCTYPE html>",
            "HTML,  <!DOCTYPE html>",
    })
    void everyFormatToAFile(String format, String marker) throws IOException {
        Path out = dir.resolve("out");
        Cli r = report(json.toString(), "--format", format, "--out", out.toString());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        assertEquals("", r.out(), "nothing on stdout when --out is given");
        assertTrue(Files.readString(out).contains(marker), Files.readString(out));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "races.txt,        racecheck: found 2 data race(s)",
            "races.sarif,      \"$schema\"",
            "races.sarif.json, \"$schema\"",
            "TEST-races.xml,   <testsuite ",
            "races.htm,        <!DOCTYPE html>",
            "copy.json,        \"formatVersion\": 2",
            "races.unknown,    racecheck: found 2 data race(s)",
    })
    void theFormatFollowsTheOutFilesExtension(String name, String marker) throws IOException {
        Path out = dir.resolve(name);
        Cli r = report(json.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        assertTrue(Files.readString(out).contains(marker), Files.readString(out));
    }

    @Test
    void jsonIsTheSameReport() throws Exception {
        Cli r = report(json.toString(), "--format", "json");
        assertEquals(JsonReportWriter.toJson(JsonReportReader.read(json)), r.out());
    }

    @Test
    void htmlShowsTheRacyLinesFromTheSourcePath() throws Exception {
        Path out = dir.resolve("races.html");
        Cli r = report(json.toString(), "--out", out.toString(), "--source-path", SAMPLE_SOURCES.toString());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        String html = Files.readString(out);
        List<String> source = Files.readAllLines(SAMPLE_SOURCES.resolve("dev/racecheck/samples/RaceCounter.java"));
        RaceReport report = JsonReportReader.read(json);
        int line = report.races().get(0).current().stack().get(0).line();
        String racy = source.get(line - 1).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertTrue(html.contains("<span class=\"line racy\"><span class=\"ln\">" + line + "</span>" + racy + "\n</span>"),
                html);
        assertTrue(html.contains("<figcaption>../<wbr>samples/<wbr>src/"), "the path as found, relative stays relative");
    }

    @Test
    void sarifPointsToTheSourceFileAsFound() throws IOException {
        Cli r = report(json.toString(), "--format", "sarif", "--source-path", SAMPLE_SOURCES.toString());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        assertTrue(r.out().contains("\"uri\": \"../samples/src/main/java/dev/racecheck/samples/RaceCounter.java\""),
                r.out());
        assertTrue(r.out().contains("\"snippet\""), r.out());
    }

    @Test
    void withoutSourcePathSarifUsesThePackagePath() {
        Cli r = report(json.toString(), "--format", "sarif");
        assertTrue(r.out().contains("\"uri\": \"dev/racecheck/samples/RaceCounter.java\""), r.out());
        assertFalse(r.out().contains("\"snippet\""));
    }

    /**
     * Bad input: one line on stderr naming the file and the problem, status 2, nothing on stdout, never a stack
     * trace. {@code $DIR} is the temporary directory, {@code $JSON} a valid report in it.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "missing file             | $DIR/none.json                                  | racecheck report: cannot read report $DIR/none.json: no such file",
            "a directory              | $DIR                                            | racecheck report: cannot read report $DIR: it is a directory",
            "not JSON                 | $DIR/garbage.json                               | racecheck report: $DIR/garbage.json: line 1, column 1: expected a value (object, array, string, number, true, false or null) but found 'h'",
            "truncated                | $DIR/truncated.json                             | racecheck report: $DIR/truncated.json: line 3, column 1: expected",
            "wrong type               | $DIR/wrongtype.json                             | racecheck report: $DIR/wrongtype.json: line 1, column 44: expected an array for races but found a string",
            "newer version            | $DIR/future.json                                | racecheck report: $DIR/future.json: line 1, column 19: expected formatVersion 2 or lower but found 9: the report was written by a newer racecheck",
            "not a racecheck report   | $DIR/other.json                                 | racecheck report: $DIR/other.json: line 1, column 1: expected field \"formatVersion\" in the report but found none (is this a racecheck JSON report?)",
            "not UTF-8                | $DIR/latin1.json                                | racecheck report: $DIR/latin1.json: not UTF-8 text (is it a racecheck report?)",
            "out in a missing dir     | $JSON --out $DIR/no/such/out.html               | racecheck report: --out $DIR/no/such/out.html: no such directory $DIR/no/such",
            "out is a directory       | $JSON --out $DIR                                | racecheck report: --out $DIR: it is a directory",
            "source path missing      | $JSON --source-path $DIR/nosrc                  | racecheck report: --source-path: $DIR/nosrc: no such directory",
            "source path is a file    | $JSON --source-path $JSON                       | racecheck report: --source-path: $JSON is not a directory",
    })
    void badInput(String what, String args, String message) throws IOException {
        Files.writeString(dir.resolve("garbage.json"), "hello");
        Files.writeString(dir.resolve("truncated.json"), "{\n  \"formatVersion\": 1,\n");
        Files.writeString(dir.resolve("wrongtype.json"), "{\"formatVersion\": 1, \"tool\": \"x\", \"races\": \"none\"}");
        Files.writeString(dir.resolve("future.json"), "{\"formatVersion\": 9, \"races\": {}}");
        Files.writeString(dir.resolve("other.json"), "{\"name\": \"package.json\"}");
        Files.write(dir.resolve("latin1.json"), "{\"tool\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        String[] argv = args.replace("$JSON", json.toString()).replace("$DIR", dir.toString()).split(" ");
        Cli r = report(argv);
        assertEquals(ExitCodes.USAGE, r.status(), what + ": " + r.err());
        String expected = message.replace("$JSON", json.toString()).replace("$DIR", dir.toString());
        assertTrue(r.errFirstLine().startsWith(expected), what + ":\n" + r.errFirstLine() + "\n" + expected);
        assertEquals(1, r.err().lines().count(), "one line only, no usage:\n" + r.err());
        assertNoStackTrace(r);
        assertEquals("", r.out());
    }

    @ParameterizedTest(name = "[{index}] --format {0}")
    @CsvSource(delimiter = '|', value = {
            "text  | WARNING: POTENTIAL DEADLOCK (lock-order inversion)      | WARNING: DATA RACE (predicted: the accesses were ordered in this run only by unrelated critical sections on monitor demo.Bank@4554617c) | Found with schedule seed 42",
            "text  | WARNING: DEADLOCK                                       | racecheck: found 2 data race(s), 2 potential deadlock(s)                                                                               | ... 4 frames of the test framework",
            "json  | \"kind\": \"potential\"                                 | \"seed\": 42                                                                                                                            | \"releasedAt\": [",
            "sarif | \"ruleId\": \"racecheck/potential-deadlock\"            | \"ruleId\": \"racecheck/deadlock\"                                                                                                      | \"seed\": 42",
            "junit | type=\"PotentialDeadlock\"                              | type=\"Deadlock\"                                                                                                                       | (schedule seed 42)",
            "html  | Potential deadlock (lock-order inversion)               | Predicted data race on                                                                                                                 | found with schedule seed <code>42</code>",
    })
    void everyFormatShowsDeadlocksPredictedRacesAndSeeds(String format, String first, String second, String third)
            throws IOException {
        Path file = dir.resolve("new.json");
        JsonReportWriter.write(Findings.newKinds(), file);
        Cli r = report(file.toString(), "--format", format);
        assertEquals(ExitCodes.OK, r.status(), r.err());
        for (String marker : List.of(first, second, third)) assertTrue(r.out().contains(marker), marker + "\n" + r.out());
    }

    @Test
    void testFrameworkFramesAreElidedUnlessAskedFor() throws Exception {
        Path file = dir.resolve("new.json");
        JsonReportWriter.write(Findings.newKinds(), file);
        Cli elided = report(file.toString());
        assertTrue(elided.out().contains("  at demo.CounterTest.resets(CounterTest.java:9)\n"
                + "  ... 4 frames of the test framework\n"), elided.out());
        assertFalse(elided.out().contains("ForkedBooter"), elided.out());
        Cli kept = report(file.toString(), "--test-frames");
        assertEquals(ExitCodes.OK, kept.status(), kept.err());
        assertTrue(kept.out().contains("  at org.apache.maven.surefire.booter.ForkedBooter.main(ForkedBooter.java:495)\n"),
                kept.out());
        assertFalse(kept.out().contains("frames of the test framework"), kept.out());
        StringBuilder expected = new StringBuilder();
        TextRenderer.render(JsonReportReader.read(file), TestFrames.KEEP, expected);
        assertEquals(expected.toString(), kept.out());
        Cli html = report(file.toString(), "--format", "html", "--test-frames");
        assertTrue(html.out().contains("ForkedBooter"), "html keeps them too");
        Cli json = report(file.toString(), "--format", "json");
        assertTrue(json.out().contains("ForkedBooter"), "JSON always keeps every frame");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli r = report(json.toString(), "--format", "xml");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("racecheck report: Invalid value for option '--format': unknown format 'xml' "
                + "(expected text, json, sarif, junit or html)", r.errFirstLine());
        assertTrue(r.err().contains("Usage: racecheck report"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        Cli r = report();
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("racecheck report: Missing required parameter: 'FILE.json'", r.errFirstLine());
    }

    @Test
    void helpDescribesTheFormats() {
        Cli r = report("--help");
        assertEquals(ExitCodes.OK, r.status());
        assertTrue(r.out().contains("text, json, sarif, junit, html"), r.out());
        assertTrue(r.out().contains("--source-path=DIRS"), r.out());
    }

    static void assertNoStackTrace(Cli r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "stack trace:\n" + r.err());
    }
}
