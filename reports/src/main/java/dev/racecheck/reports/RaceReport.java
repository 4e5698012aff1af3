package dev.racecheck.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything racecheck found in one run of one program, or in several runs merged ({@link #merge}).
 *
 * @param formatVersion version of this model and its JSON form; see {@link #FORMAT_VERSION}
 * @param tool          racecheck's version, e.g. {@code 0.1.0}
 * @param command       what was run (main class or jar and arguments), or {@code null}
 * @param races         distinct races in the order they were found
 * @param deadlocks     distinct deadlocks (potential and actual) in the order they were found
 * @param exitStatus    the process's exit status as racecheck decided it, or {@code null} when unknown
 */
public record RaceReport(int formatVersion, String tool, String command, List<Race> races, List<Deadlock> deadlocks,
                         Integer exitStatus) {

    /**
     * Incremented for every incompatible change of the JSON format. Version 2 added deadlocks and predicted races
     * (an older reader would show a predicted race as one seen in the run); version 1 reports are still read.
     */
    public static final int FORMAT_VERSION = 2;

    public RaceReport {
        races = List.copyOf(races);
        deadlocks = deadlocks == null ? List.of() : List.copyOf(deadlocks);
    }

    /** A report without deadlocks. */
    public RaceReport(int formatVersion, String tool, String command, List<Race> races, Integer exitStatus) {
        this(formatVersion, tool, command, races, List.of(), exitStatus);
    }

    /**
     * The reports of several runs of one program as one (schedule exploration runs a program many times): races,
     * and deadlocks, with the same {@link Fingerprint} are one, the first seen kept with its stacks and threads,
     * their occurrences summed; a merged race keeps the first seed any of them has. The tool and command are the
     * first report's; the exit status is the first non-zero one of any run, else the first known one.
     *
     * @throws IllegalArgumentException if {@code reports} is empty
     */
    public static RaceReport merge(List<RaceReport> reports) {
        if (reports.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        Map<String, Race> races = new LinkedHashMap<>();
        Map<String, Deadlock> deadlocks = new LinkedHashMap<>();
        Integer exitStatus = null;
        for (RaceReport report : reports) {
            for (Race r : report.races()) {
                races.merge(Fingerprint.of(r), r, (first, later) -> first
                        .withOccurrences(first.occurrences() + later.occurrences())
                        .withSeed(first.seed() != null ? first.seed() : later.seed()));
            }
            for (Deadlock d : report.deadlocks()) {
                deadlocks.merge(Fingerprint.of(d), d,
                        (first, later) -> first.withOccurrences(first.occurrences() + later.occurrences()));
            }
            Integer s = report.exitStatus();
            if (s != null && (exitStatus == null || exitStatus == 0 && s != 0)) exitStatus = s;
        }
        RaceReport first = reports.get(0);
        return new RaceReport(FORMAT_VERSION, first.tool(), first.command(), new ArrayList<>(races.values()),
                new ArrayList<>(deadlocks.values()), exitStatus);
    }
}
