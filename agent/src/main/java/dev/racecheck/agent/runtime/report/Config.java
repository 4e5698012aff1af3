package dev.racecheck.agent.runtime.report;

import java.util.List;

import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.Suppressions;

/**
 * The options in force, fixed at start-up (see {@code Options} in the agent for parsing and documentation).
 */
public final class Config {
    /** Exit status after races were found when the program itself would exit with 0; 0 disables. */
    public static volatile int exitCode = 66;
    /** Stop the JVM after the first report. */
    public static volatile boolean haltOnError;
    /** {@code null} for stderr, {@code "stdout"}, or a path prefix (the file is {@code <path>.<pid>}). */
    public static volatile String logPath;
    /** Where to write the JSON report at exit, or null. */
    public static volatile String reportJson;
    /** racecheck's version and the program's command line, for the JSON report. */
    public static volatile String version = "unknown";
    public static volatile String command;
    /** Races not to report, and races that are known (reported, but they do not fail the run). */
    public static volatile Suppressions suppressions = Suppressions.NONE;
    public static volatile Baseline baseline = Baseline.EMPTY;
    /** Print instrumentation diagnostics. */
    public static volatile boolean verbose;
    /** Leave out the access checks that cannot find anything new (optimize=1, the default; see CheckPlacement). */
    public static volatile boolean optimize = true;
    /** Print the test framework's frames below the program's in the reports (test_frames=1). */
    public static volatile boolean testFrames;
    /**
     * Predictive mode (predict=1): the detector also reports races that happens-before saw ordered only by unrelated
     * critical sections ({@code analysis.PredictiveDetector}). Fixed before the runtime starts: the detector, the
     * instrumentation of monitors and lock calls, and the JDK model's lock hooks all depend on it.
     */
    public static volatile boolean predict;
    /**
     * Schedule exploration: whether the instrumentation emits schedule points ({@code explore=1}, or implied by
     * {@code explore_seed}); the seed of the whole run ({@code explore_seed}), or null when only tests explore (the
     * JUnit integration sets a seed per repetition); and the strategy's name ({@code explore_strategy}), or null.
     */
    public static volatile boolean explore;
    public static volatile Long exploreSeed;
    public static volatile String exploreStrategy;
    /**
     * Lock-order (potential deadlock) and deadlock detection (detect_deadlocks, default on). Read when classes are
     * instrumented and when the runtime's lock tracking starts: set before the agent installs its transformer.
     */
    public static volatile boolean detectDeadlocks = true;
    /** End the JVM when threads are found deadlocked (deadlock_exit, default on); off: report and keep waiting. */
    public static volatile boolean deadlockExit = true;
    /** Class name globs to instrument (empty: all application classes) and to leave alone. */
    public static volatile List<String> include = List.of();
    public static volatile List<String> exclude = List.of();

    private Config() {
        // no instances
    }
}
