package dev.racecheck.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoExecutionException;

import dev.racecheck.junit.Attribution;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.json.JsonReportReader;
import dev.racecheck.reports.text.TextRenderer;

/**
 * The races and deadlocks of one build: every test JVM's JSON report ({@code racecheck-<pid>.json}) in the report directory, with
 * the tests the JUnit integration attributed them to ({@code racecheck-tests-<pid>.tsv}), merged by
 * {@link Fingerprint}: the same race found in several JVMs (forks) is one race, its occurrences added up.
 */
final class RunReports {
    private static final Pattern REPORT = Pattern.compile("racecheck-(\\d+)\\.json");

    /** One distinct race or deadlock (one of the two is null), with everything known about where it was found. */
    static final class Found {
        final Race race;
        final Deadlock deadlock;
        long occurrences;
        final Set<String> tests = new LinkedHashSet<>();
        final Set<Path> files = new LinkedHashSet<>();

        Found(Race race) {
            this.race = race;
            this.deadlock = null;
        }

        Found(Deadlock deadlock) {
            this.race = null;
            this.deadlock = deadlock;
        }

        /** The race with its total count over all JVMs. */
        Race merged() {
            return new Race(race.target(), race.current(), race.previous(), race.threads(), occurrences);
        }

        /** The deadlock with its total count over all JVMs. */
        Deadlock mergedDeadlock() {
            return deadlock.withOccurrences(occurrences);
        }

        /** Its text block, as the agent printed it. */
        String text() {
            return race != null ? TextRenderer.render(race) : TextRenderer.render(deadlock);
        }

        String oneLine() {
            return race != null ? TextRenderer.oneLine(race) : TextRenderer.oneLine(deadlock);
        }

        /** {@code data race}, {@code potential deadlock} or {@code deadlock}. */
        String what() {
            if (race != null) return "data race";
            return deadlock.kind() == Deadlock.Kind.POTENTIAL ? "potential deadlock" : "deadlock";
        }
    }

    final List<Path> files = new ArrayList<>();
    final List<Found> races = new ArrayList<>();
    final List<Found> deadlocks = new ArrayList<>();
    /** Races as the JVMs reported them, before merging by fingerprint. */
    int reported;
    /** Deadlocks likewise. */
    int reportedDeadlocks;
    String tool;

    private RunReports() {
    }

    static RunReports read(Path dir) throws MojoExecutionException {
        RunReports out = new RunReports();
        if (!Files.isDirectory(dir)) return out;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "racecheck-*.json")) {
            for (Path p : s) if (REPORT.matcher(p.getFileName().toString()).matches()) files.add(p);
        } catch (IOException e) {
            throw new MojoExecutionException("racecheck: cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        Map<String, Found> byFingerprint = new LinkedHashMap<>();
        Map<String, Found> deadlocksByFingerprint = new LinkedHashMap<>();
        for (Path file : files) {
            RaceReport report;
            try {
                report = JsonReportReader.read(file);
            } catch (ReportFormatException e) {
                throw new MojoExecutionException("racecheck: " + file + ": " + e.getMessage()
                        + " (a test JVM that was killed leaves an incomplete report)", e);
            } catch (IOException e) {
                throw new MojoExecutionException("racecheck: cannot read " + file + ": " + e.getMessage(), e);
            }
            out.files.add(file);
            if (out.tool == null) out.tool = report.tool();
            Map<String, List<Attribution.Entry>> tests = attribution(file);
            for (Race race : report.races()) {
                out.reported++;
                Found f = byFingerprint.computeIfAbsent(Fingerprint.of(race), k -> new Found(race));
                f.occurrences += race.occurrences();
                f.files.add(file);
                for (Attribution.Entry e : tests.getOrDefault(Attribution.key(TextRenderer.render(race)), List.of())) {
                    f.tests.add(describe(e));
                }
            }
            for (Deadlock d : report.deadlocks()) {
                out.reportedDeadlocks++;
                // Potential and actual share a fingerprint (the same inversion) but are reported apart.
                Found f = deadlocksByFingerprint.computeIfAbsent(d.kind() + " " + Fingerprint.of(d), k -> new Found(d));
                f.occurrences += d.occurrences();
                f.files.add(file);
                for (Attribution.Entry e : tests.getOrDefault(Attribution.key(TextRenderer.render(d)), List.of())) {
                    f.tests.add(describe(e));
                }
            }
        }
        out.races.addAll(byFingerprint.values());
        out.deadlocks.addAll(deadlocksByFingerprint.values());
        return out;
    }

    /** The attribution file written next to a report by the same JVM, by key; empty when there is none. */
    private static Map<String, List<Attribution.Entry>> attribution(Path report) throws MojoExecutionException {
        Matcher m = REPORT.matcher(report.getFileName().toString());
        if (!m.matches()) return Map.of();
        Path tsv = report.resolveSibling("racecheck-tests-" + m.group(1) + ".tsv");
        if (!Files.isRegularFile(tsv)) return Map.of();
        Map<String, List<Attribution.Entry>> out = new HashMap<>();
        try {
            for (Attribution.Entry e : Attribution.read(tsv)) out.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        } catch (IOException e) {
            throw new MojoExecutionException("racecheck: cannot read " + tsv + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String describe(Attribution.Entry e) {
        switch (e.kind()) {
            case TEST: return "during test " + e.testName();
            case CLASS: return "during test class " + e.testName() + " (@BeforeAll/@AfterAll)";
            case AFTER_TEST: return "in a thread started by test " + e.testName() + ", after the test had ended";
            default: return "while no test was running";
        }
    }

    /** The races and deadlocks of {@code which} as one report (counts summed over the JVMs), for the renderers. */
    RaceReport merged(List<Found> which) {
        List<Race> list = new ArrayList<>();
        List<Deadlock> deadlockList = new ArrayList<>();
        for (Found f : which) {
            if (f.race != null) list.add(f.merged());
            else deadlockList.add(f.mergedDeadlock());
        }
        return new RaceReport(RaceReport.FORMAT_VERSION, tool == null ? "unknown" : tool,
                "tests of " + files.size() + " JVM(s)", list, deadlockList, null);
    }
}
