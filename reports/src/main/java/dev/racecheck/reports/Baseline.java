package dev.racecheck.reports;

import dev.racecheck.reports.json.JsonReportReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The races and deadlocks already known: those of an earlier JSON report, identified by their {@link Fingerprint}.
 * A race or deadlock in the baseline is still printed, but it does not fail the run; only new ones do.
 *
 * <p>Because the fingerprint leaves out line numbers, instances and thread ids, a race stays "known" when unrelated
 * edits move its lines, and when it is seen on another object or thread; so does a deadlock on other objects of the
 * same classes. Immutable and thread-safe.
 */
public final class Baseline {

    /** Knows no race. */
    public static final Baseline EMPTY = new Baseline(Set.of());

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /**
     * The baseline made of every race in a JSON report file (as written by the agent's {@code report_json} or
     * {@code racecheck run --report}).
     *
     * @throws IOException           if the file cannot be read
     * @throws ReportFormatException if it is not a racecheck JSON report this version can read; the message gives
     *                               the line and column but not the file name, which the caller adds
     */
    public static Baseline read(Path json) throws IOException, ReportFormatException {
        return of(JsonReportReader.read(json));
    }

    /** The baseline made of every race and deadlock in {@code report}. */
    public static Baseline of(RaceReport report) {
        Set<String> fingerprints = new LinkedHashSet<>();
        for (Race r : report.races()) fingerprints.add(Fingerprint.of(r));
        for (Deadlock d : report.deadlocks()) fingerprints.add(Fingerprint.of(d));
        return new Baseline(fingerprints);
    }

    /** Whether a race with the same fingerprint as {@code race} is in the baseline. */
    public boolean contains(Race race) {
        return fingerprints.contains(Fingerprint.of(race));
    }

    /** Whether a deadlock with the same fingerprint as {@code deadlock} is in the baseline. */
    public boolean contains(Deadlock deadlock) {
        return fingerprints.contains(Fingerprint.of(deadlock));
    }

    /** The fingerprints of the known races and deadlocks. */
    public Set<String> fingerprints() {
        return fingerprints;
    }

    /** How many distinct fingerprints the baseline holds. */
    public int size() {
        return fingerprints.size();
    }
}
