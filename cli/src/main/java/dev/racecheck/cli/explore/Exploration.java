package dev.racecheck.cli.explore;

import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.text.TextRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one schedule exploration ({@code racecheck run --explore N}) and what they add up to: one report with
 * every race once (the first run's stacks, the first seed that found it), how many runs found each, and the exit
 * status of the whole. Pure functions over the runs' JSON reports and exit statuses; the command launches the runs.
 */
public final class Exploration {

    /**
     * One run.
     *
     * @param number 1 for the first
     * @param seed   its schedule seed
     * @param status the process's exit status (the program's own: the agent ran with {@code exitcode=0})
     * @param report what the agent wrote at exit, or {@code null} when it wrote nothing (the JVM crashed or was killed)
     * @param output where its standard output and error went, or {@code null} when they were shown (the first run)
     */
    public record Run(int number, long seed, int status, RaceReport report, Path output) {
        int races() {
            return report == null ? 0 : report.races().size();
        }
    }

    private final List<Run> runs;
    private final int planned;

    /** {@code runs} made so far of {@code planned}. */
    public Exploration(List<Run> runs, int planned) {
        this.runs = List.copyOf(runs);
        this.planned = planned;
    }

    /** The runs made, in order. */
    public List<Run> runs() {
        return runs;
    }

    /** The line printed after each run: {@code racecheck: run 3 of 10 (seed 42): 2 data races, exit status 0}. */
    public static String progressLine(Run run, int planned) {
        String races = run.report() == null ? "no report (the JVM wrote none)"
                : run.races() == 1 ? "1 data race" : run.races() + " data races";
        return "racecheck: run " + run.number() + " of " + planned + " (seed " + run.seed() + "): " + races
                + ", exit status " + run.status();
    }

    /** The races of every run as one report, in the order first found, each with the first seed that found it. */
    public RaceReport merged() {
        List<RaceReport> reports = new ArrayList<>();
        for (Run r : runs) {
            if (r.report() != null) reports.add(r.report());
        }
        if (reports.isEmpty()) return new RaceReport(RaceReport.FORMAT_VERSION, null, null, List.of(), programStatus());
        RaceReport m = RaceReport.merge(reports);
        return new RaceReport(m.formatVersion(), m.tool(), m.command(), m.races(), m.deadlocks(), programStatus());
    }

    /** Per race fingerprint, how many runs found the race. */
    public Map<String, Integer> runsPerRace() {
        Map<String, Integer> out = new HashMap<>();
        for (Run r : runs) {
            if (r.report() == null) continue;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Race race : r.report().races()) {
                if (seen.add(Fingerprint.of(race))) out.merge(Fingerprint.of(race), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The program's status: the first non-zero one of any run, else 0. */
    public int programStatus() {
        for (Run r : runs) {
            if (r.status() != 0) return r.status();
        }
        return 0;
    }

    /**
     * The command's exit status: {@code exitCode} (66 by default) if a run found a race that is not in the baseline
     * and the program itself exited with 0 in every run; else the program's status. As a single run decides it.
     */
    public int exitStatus(Baseline baseline, int exitCode) {
        int status = programStatus();
        if (status != 0 || exitCode == 0) return status;
        for (Race race : merged().races()) {
            if (!baseline.contains(race)) return exitCode;
        }
        return 0;
    }

    /**
     * When the runs did not all exit with the same status: one line per status with the runs and seeds that had it,
     * e.g. {@code racecheck: the program's exit status differed between runs: 0 in runs 1-4, 6-10; 1 in run 5 (seed
     * 46)}; else null.
     */
    public String statusDisagreement() {
        Map<Integer, List<Run>> byStatus = new LinkedHashMap<>();
        for (Run r : runs) byStatus.computeIfAbsent(r.status(), s -> new ArrayList<>()).add(r);
        if (byStatus.size() <= 1) return null;
        StringBuilder sb = new StringBuilder("racecheck: the program's exit status differed between runs:");
        String sep = " ";
        for (Map.Entry<Integer, List<Run>> e : byStatus.entrySet()) {
            sb.append(sep).append(e.getKey()).append(" in ").append(describeRuns(e.getValue()));
            sep = "; ";
        }
        return sb.toString();
    }

    /** {@code run 5 (seed 46)}, {@code runs 1-4, 6 (seeds 42-45, 47)}. */
    static String describeRuns(List<Run> runs) {
        if (runs.size() == 1) return "run " + runs.get(0).number() + " (seed " + runs.get(0).seed() + ")";
        List<Long> numbers = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (Run r : runs) {
            numbers.add((long) r.number());
            seeds.add(r.seed());
        }
        return "runs " + ranges(numbers) + " (seeds " + ranges(seeds) + ")";
    }

    /** {@code 1-4, 6} for 1, 2, 3, 4, 6 (in the order given). */
    static String ranges(List<Long> values) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(values.get(i));
            if (j > i) sb.append('-').append(values.get(j));
            i = j + 1;
        }
        return sb.toString();
    }

    /**
     * The merged report as racecheck prints races: each race's block (with the seed that found it), then one line per
     * race saying how many runs found it, then the summary line.
     */
    public String text(TestFrames frames) {
        RaceReport m = merged();
        Map<String, Integer> found = runsPerRace();
        StringBuilder sb = new StringBuilder();
        for (Race race : m.races()) sb.append(TextRenderer.render(race, frames));
        sb.append("racecheck: explored ").append(runs.size()).append(runs.size() == 1 ? " schedule" : " schedules");
        if (runs.size() < planned) sb.append(" of ").append(planned);
        if (!runs.isEmpty()) {
            List<Long> seeds = new ArrayList<>();
            for (Run r : runs) seeds.add(r.seed());
            sb.append(" (").append(seeds.size() == 1 ? "seed " : "seeds ").append(ranges(seeds)).append(')');
        }
        sb.append('\n');
        for (Race race : m.races()) {
            int n = found.getOrDefault(Fingerprint.of(race), 0);
            sb.append("  found in ").append(n).append(" of ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                    .append(": ").append(TextRenderer.oneLine(race)).append('\n');
        }
        sb.append(TextRenderer.summary(m.races().size(), m.deadlocks().size())).append('\n');
        return sb.toString();
    }
}
