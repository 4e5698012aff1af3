package dev.racecheck.reports;

import java.util.List;

/**
 * Everything racecheck found in one run of one program.
 *
 * @param formatVersion version of this model and its JSON form; see {@link #FORMAT_VERSION}
 * @param tool          racecheck's version, e.g. {@code 0.1.0}
 * @param command       what was run (main class or jar and arguments), or {@code null}
 * @param races         distinct races in the order they were found
 * @param exitStatus    the process's exit status as racecheck decided it, or {@code null} when unknown
 */
public record RaceReport(int formatVersion, String tool, String command, List<Race> races, Integer exitStatus) {

    /** Incremented for every incompatible change of the JSON format. */
    public static final int FORMAT_VERSION = 1;

    public RaceReport {
        races = List.copyOf(races);
    }
}
