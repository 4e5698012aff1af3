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
     *       {@code // racy access}; for an access to a container ({@code ... in HashMap.put:}) the top frame names
     *       the operation ({@code java.util.HashMap.put(HashMap.java)}) and the frame below it is the racy line;</li>
     *   <li>for an expected container race, some report's two accesses are the two operations expected;</li>
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
        boolean operationsSeen = false;
        List<String> expectedOperations = source.expectation().operations();
        for (int w = 0; w < warnings.size(); w++) {
            RaceText.Warning warning = warnings.get(w);
            String label = "report " + (w + 1) + " of " + warnings.size() + ": ";
            for (RaceText.Access access : warning.accesses()) {
                named |= source.expectation().matches(access.header());
                if (access.frames().isEmpty()) {
                    problems.add(label + "access line '" + access.header() + "' is not followed by any '  at ' frame");
                } else if (access.operation() != null && !access.startsWithOperationFrame()) {
                    problems.add(label + "the top frame of '" + access.header() + "' does not name its operation"
                            + " (e.g. 'at java.util.HashMap.put(HashMap.java)')");
                } else if (access.racyFrame() == null || !access.racyFrame().hasSourceLine()) {
                    problems.add(label + "the " + (access.operation() == null ? "top frame" : "frame below the"
                            + " operation's") + " of '" + access.header() + "' is not of the form"
                            + " 'at pkg.Class.method(File.java:LINE)'");
                }
            }
            if (!expectedOperations.isEmpty() && warning.current() != null && warning.previous() != null) {
                List<String> seen = new ArrayList<>();
                seen.add(String.valueOf(warning.current().operation()));
                seen.add(String.valueOf(warning.previous().operation()));
                List<String> expected = new ArrayList<>(expectedOperations);
                seen.sort(null);
                expected.sort(null);
                operationsSeen |= seen.equals(expected);
            }
            checkAccess(label + "current access", warning.current(), warning, source, problems);
            checkAccess(label + "previous access", warning.previous(), warning, source, problems);
        }
        if (!named) {
            problems.add("no access line names '" + source.expectation().description() + "'");
        }
        if (!expectedOperations.isEmpty() && !operationsSeen) {
            problems.add("no report is a race between " + String.join(" and ", expectedOperations));
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
        RaceText.Frame racy = access.racyFrame();
        if (racy != null && racy.hasSourceLine() && !source.isRacyFrame(racy)) {
            problems.add(label + " '" + access.header() + "': " + (access.operation() == null ? "top frame "
                    : "the frame below the operation's, ") + racy.text() + ", is not a '// racy access' line of "
                    + source.fileName());
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
