package dev.racecheck.cli.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent options {@code racecheck run} can set, rendered as the agent's option string
 * ({@code -javaagent:racecheck.jar=OPTIONS}): comma-separated {@code key=value} pairs, glob lists
 * joined with ':'.
 *
 * @param exitCode    {@code exitcode=N}: the exit status when races were found; {@code null} for the agent's default (66)
 * @param haltOnError {@code halt_on_error=1}: exit at the first race
 * @param include     {@code include=GLOB:GLOB}: only instrument these classes
 * @param exclude     {@code exclude=GLOB:GLOB}: do not instrument these classes
 * @param logPath     {@code log_path=P}: where reports go instead of stderr; {@code null} for stderr
 * @param reportJson  {@code report_json=FILE}: write the JSON report there at exit; {@code null} for none
 * @param suppressions {@code suppressions=FILE}: leave out the races this suppressions file matches
 * @param baseline    {@code baseline=FILE}: races in this JSON report are printed but do not fail the run
 * @param testFrames  {@code test_frames=1}: the printed reports keep the test framework's frames
 * @param exploreSeed {@code explore_seed=S}: explore the schedule with seed S; {@code null} for a plain run
 */
public record AgentOptions(Integer exitCode, boolean haltOnError, List<String> include, List<String> exclude,
                           String logPath, String reportJson, String suppressions, String baseline,
                           boolean testFrames, Long exploreSeed) {

    /** No options: the agent's defaults. */
    public static final AgentOptions DEFAULTS = new AgentOptions(null, false, List.of(), List.of(), null);

    /** Options without report, suppressions or baseline files. */
    public AgentOptions(Integer exitCode, boolean haltOnError, List<String> include, List<String> exclude,
                        String logPath) {
        this(exitCode, haltOnError, include, exclude, logPath, null, null, null);
    }

    /** Options without schedule exploration. */
    public AgentOptions(Integer exitCode, boolean haltOnError, List<String> include, List<String> exclude,
                        String logPath, String reportJson, String suppressions, String baseline, boolean testFrames) {
        this(exitCode, haltOnError, include, exclude, logPath, reportJson, suppressions, baseline, testFrames, null);
    }

    /**
     * The options of one run of an exploration ({@code racecheck run --explore}): these, exploring with {@code seed},
     * the JSON report to {@code reportJson} and the printed reports to {@code logPath}, with the program's own exit
     * status kept ({@code exitcode=0}) and no halt: the command decides both from all runs together.
     */
    public AgentOptions exploreRun(long seed, String reportJson, String logPath) {
        return new AgentOptions(0, false, include, exclude, logPath, reportJson, suppressions, baseline, testFrames,
                seed);
    }

    /** Options with the test framework's frames elided (the agent's default). */
    public AgentOptions(Integer exitCode, boolean haltOnError, List<String> include, List<String> exclude,
                        String logPath, String reportJson, String suppressions, String baseline) {
        this(exitCode, haltOnError, include, exclude, logPath, reportJson, suppressions, baseline, false);
    }

    /** Validates; an {@link IllegalArgumentException}'s message is a one-line usage error. */
    public AgentOptions {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        if (exitCode != null && (exitCode < 0 || exitCode > 255)) {
            throw new IllegalArgumentException("--exitcode must be between 0 and 255, not " + exitCode);
        }
        for (String glob : include) {
            checkValue("--include", glob);
        }
        for (String glob : exclude) {
            checkValue("--exclude", glob);
        }
        if (logPath != null) {
            checkValue("--log-path", logPath);
        }
        if (reportJson != null) {
            checkValue("--report", reportJson);
        }
        if (suppressions != null) {
            checkValue("--suppressions", suppressions);
        }
        if (baseline != null) {
            checkValue("--baseline", baseline);
        }
    }

    private static void checkValue(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException(option + " must not contain ',' (it separates agent options): '" + value + "'");
        }
    }

    /** The agent's option string, e.g. {@code exitcode=3,halt_on_error=1,include=com.acme.*}; empty for the defaults. */
    public String toAgentArgs() {
        List<String> parts = new ArrayList<>();
        if (exitCode != null) {
            parts.add("exitcode=" + exitCode);
        }
        if (haltOnError) {
            parts.add("halt_on_error=1");
        }
        if (!include.isEmpty()) {
            parts.add("include=" + String.join(":", include));
        }
        if (!exclude.isEmpty()) {
            parts.add("exclude=" + String.join(":", exclude));
        }
        if (logPath != null) {
            parts.add("log_path=" + logPath);
        }
        if (reportJson != null) {
            parts.add("report_json=" + reportJson);
        }
        if (suppressions != null) {
            parts.add("suppressions=" + suppressions);
        }
        if (baseline != null) {
            parts.add("baseline=" + baseline);
        }
        if (testFrames) {
            parts.add("test_frames=1");
        }
        if (exploreSeed != null) {
            parts.add("explore_seed=" + exploreSeed);
        }
        return String.join(",", parts);
    }
}
