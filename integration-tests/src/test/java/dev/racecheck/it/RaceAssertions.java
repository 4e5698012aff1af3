package dev.racecheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Assertions on runs of programs under racecheck. Every failure message ends with the run's command, exit status and
 * complete stdout and stderr, so that a CI log explains the failure on its own.
 */
public final class RaceAssertions {
    /** Exit status racecheck uses by default when it found a race and the program would have exited with 0. */
    public static final int RACE_EXIT_STATUS = 66;

    private RaceAssertions() {
    }

    /** The process ended by itself (it was not killed for running too long). */
    public static void assertFinished(JvmRun.Result run) {
        if (run.timedOut()) {
            fail("the program did not finish within " + run.timeout().toSeconds() + " s and was killed" + run.describe());
        }
    }

    public static void assertExitStatus(int expected, JvmRun.Result run) {
        assertFinished(run);
        assertEquals(expected, run.exitCode(), () -> "exit status" + run.describe());
    }

    /** Exit status 66 and a complete report of a race as {@code source} describes it (see {@link #assertRaceReport}). */
    public static void assertRaceDetected(JvmRun.Result run, ProgramSource source) {
        assertFinished(run);
        assertEquals(RACE_EXIT_STATUS, run.exitCode(), () -> source.simpleName() + " has a race ("
                + source.expectation() + "), so racecheck should make it exit with " + RACE_EXIT_STATUS + run.describe());
        assertRaceReport(run.stderr(), source, run);
        assertSummaryLast(run.stderr(), run);
    }

    /**
     * {@code reportText} (stderr or a log file) holds at least one {@code WARNING: DATA RACE} report, and:
     * <ul>
     *   <li>an access line names the expected variable;</li>
     *   <li>every report has a current and a previous access, each followed by at least one
     *       {@code at pkg.Class.method(File.java:LINE)} frame;</li>
     *   <li>in every report, the top frames of both accesses point at lines of the program's source marked
     *       {@code // racy access};</li>
     *   <li>every report describes both threads: a {@code Thread "..." (T<n>, ...) started at:} block with frames,
     *       or a {@code ... is the main thread.} line.</li>
     * </ul>
     */
    public static void assertRaceReport(String reportText, ProgramSource source, JvmRun.Result run) {
        String where = source.simpleName() + ", expected " + source.expectation() + ", racy lines "
                + source.racyLines() + " of " + source.fileName() + ": ";
        assertTrue(reportText.contains(RaceText.WARNING), () -> where + "no '" + RaceText.WARNING + "' report"
                + run.describe());
        List<RaceText.Warning> warnings = RaceText.parse(reportText);
        List<String> problems = new ArrayList<>();
        boolean named = false;
        for (int w = 0; w < warnings.size(); w++) {
            RaceText.Warning warning = warnings.get(w);
            String label = "report " + (w + 1) + " of " + warnings.size() + ": ";
            for (RaceText.Access access : warning.accesses()) {
                named |= source.expectation().matches(access.header());
                if (access.frames().isEmpty()) {
                    problems.add(label + "access line '" + access.header() + "' is not followed by any '  at ' frame");
                } else if (access.top() == null || !access.top().hasSourceLine()) {
                    problems.add(label + "the top frame of '" + access.header() + "' is not of the form"
                            + " 'at pkg.Class.method(File.java:LINE)'");
                }
            }
            checkAccess(label + "current access", warning.current(), warning, source, problems);
            checkAccess(label + "previous access", warning.previous(), warning, source, problems);
        }
        if (!named) {
            problems.add("no access line names '" + source.expectation().description() + "'");
        }
        if (!problems.isEmpty()) {
            fail(where + "\n  - " + String.join("\n  - ", problems) + run.describe());
        }
    }

    private static void checkAccess(String label, RaceText.Access access, RaceText.Warning warning,
                                    ProgramSource source, List<String> problems) {
        if (access == null) {
            problems.add(label + " is missing (no line starting with 'Read'/'Write'"
                    + (label.contains("previous") ? " after 'Previous'" : "") + ")");
            return;
        }
        RaceText.Frame top = access.top();
        if (top != null && top.hasSourceLine() && !source.isRacyFrame(top)) {
            problems.add(label + " '" + access.header() + "': top frame " + top.text()
                    + " is not a '// racy access' line of " + source.fileName());
        }
        if (access.thread() == null) {
            problems.add(label + " '" + access.header() + "' names no thread T<n>");
            return;
        }
        RaceText.ThreadLine thread = warning.thread(access.thread());
        if (thread == null) {
            List<String> other = warning.threadMentions(access.thread());
            problems.add(label + ": no 'Thread \"...\" (T" + access.thread() + ", ...) started at:' block nor"
                    + " '... is the main thread.' line for T" + access.thread()
                    + (other.isEmpty() ? "" : " (found only: " + String.join(" | ", other) + ")"));
        } else if (!thread.main() && (thread.startedAt().isEmpty() || thread.startedAt().get(0) == null)) {
            problems.add(label + ": '" + thread.line() + "' is not followed by an '  at ' frame");
        }
    }

    /** The last non-blank line of stderr is {@code racecheck: found N data race(s)} with N >= 1. */
    public static void assertSummaryLast(String stderr, JvmRun.Result run) {
        OptionalInt n = RaceText.summaryCount(stderr);
        assertTrue(n.isPresent(), () -> "stderr should end with 'racecheck: found N data race(s)'" + run.describe());
        assertTrue(n.getAsInt() >= 1, () -> "the summary should count at least one race" + run.describe());
    }

    /** Exit status 0 and nothing from racecheck on stderr. */
    public static void assertNoRaceDetected(JvmRun.Result run, String what) {
        assertFinished(run);
        assertNoReport(run, what);
        assertEquals(0, run.exitCode(), () -> what + " is race-free and should exit with 0" + run.describe());
    }

    /** Stderr contains neither {@code DATA RACE} nor {@code racecheck:}. */
    public static void assertNoReport(JvmRun.Result run, String what) {
        assertFalse(run.stderr().contains("DATA RACE"), () -> what + ": racecheck reported a race" + run.describe());
        assertFalse(run.stderr().contains("racecheck:"), () -> what + ": racecheck printed something" + run.describe());
    }
}
