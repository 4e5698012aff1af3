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
    /** Class name globs to instrument (empty: all application classes) and to leave alone. */
    public static volatile List<String> include = List.of();
    public static volatile List<String> exclude = List.of();

    private Config() {
        // no instances
    }
}
