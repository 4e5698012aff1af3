package dev.racecheck.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.racecheck.agent.runtime.schedule.Strategy;
import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.SuppressionFormatException;
import dev.racecheck.reports.Suppressions;

/**
 * The agent's options, named after GORACE's. They come from the environment variable {@code RACECHECK_OPTIONS}
 * (separated by spaces or commas) and then from the agent argument ({@code -javaagent:racecheck.jar=a=1,b=2}),
 * which wins.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><td>exitcode</td><td>exit status when races were found and the program would exit with 0; 0 keeps 0 (default 66)</td></tr>
 *   <tr><td>halt_on_error</td><td>1: stop the JVM right after the first report (default 0)</td></tr>
 *   <tr><td>log_path</td><td>{@code stderr} (default), {@code stdout}, or a path: reports go to {@code <path>.<pid>}</td></tr>
 *   <tr><td>include</td><td>only instrument classes matching these globs, separated by ':' (default: all application classes)</td></tr>
 *   <tr><td>exclude</td><td>never instrument classes matching these globs, separated by ':'</td></tr>
 *   <tr><td>report_json</td><td>also write the races as JSON to this file at exit; {@code %p} in it stands for the process id</td></tr>
 *   <tr><td>suppressions</td><td>a file of {@code race:<glob>} lines; races with a frame matching one are not reported</td></tr>
 *   <tr><td>baseline</td><td>a JSON report of known races: they are still printed but do not fail the run</td></tr>
 *   <tr><td>verbose</td><td>1: print what is instrumented and why classes are skipped (default 0)</td></tr>
 *   <tr><td>optimize</td><td>0: check every access where it is made, as written (default 1: leave out the checks that
 *   cannot find anything new, check some array loops once before they run, and let each thread skip the array elements
 *   it already checked in its current generation: see ElementFilter)</td></tr>
 *   <tr><td>test_frames</td><td>1: print the test framework's frames below the program's in each stack (default 0: one line says how many were left out)</td></tr>
 *   <tr><td>predict</td><td>1: also report predicted races, ordered in this run only by unrelated critical sections (default 0)</td></tr>
 *   <tr><td>explore_seed</td><td>explore the schedule with this seed (a whole number): threads wait at synchronization points as the seed decides; races found carry the seed</td></tr>
 *   <tr><td>explore</td><td>1: emit the schedule points, so that tests can explore with seeds of their own (the JUnit integration); implied by explore_seed (default 0)</td></tr>
 *   <tr><td>explore_strategy</td><td>{@code pct} (default), {@code pos} or {@code noise}: how an explored run perturbs the schedule</td></tr>
 *   <tr><td>detect_deadlocks</td><td>0: no lock-order (potential deadlock) or deadlock detection (default 1)</td></tr>
 *   <tr><td>deadlock_exit</td><td>0: report threads deadlocked and keep waiting, as the JVM would (default 1: report them and end the JVM with status exitcode, 66 if that is 0)</td></tr>
 * </table>
 */
public final class Options {
    static final List<String> NAMES = List.of("exitcode", "halt_on_error", "log_path", "include", "exclude",
            "report_json", "suppressions", "baseline", "verbose", "test_frames", "predict", "explore_seed", "explore",
            "explore_strategy", "detect_deadlocks",
            "deadlock_exit", "optimize");

    final int exitCode;
    final boolean haltOnError;
    final String logPath;
    final List<String> include;
    final List<String> exclude;
    final String reportJson;
    final Suppressions suppressions;
    final Baseline baseline;
    final boolean verbose;
    final boolean testFrames;
    final boolean predict;
    final Long exploreSeed;
    final boolean explore;
    final String exploreStrategy;
    final boolean detectDeadlocks;
    final boolean deadlockExit;
    final boolean optimize;

    private Options(Map<String, String> values) throws BadOption {
        exitCode = intIn(values, "exitcode", 66, 0, 255);
        haltOnError = flag(values, "halt_on_error");
        verbose = flag(values, "verbose");
        testFrames = flag(values, "test_frames");
        predict = flag(values, "predict");
        detectDeadlocks = flag(values, "detect_deadlocks", true);
        deadlockExit = flag(values, "deadlock_exit", true);
        optimize = !values.containsKey("optimize") || flag(values, "optimize");
        logPath = nonEmpty(values, "log_path");
        reportJson = nonEmpty(values, "report_json");
        include = globs(values, "include");
        exclude = globs(values, "exclude");
        suppressions = suppressions(nonEmpty(values, "suppressions"));
        baseline = baseline(nonEmpty(values, "baseline"));
        exploreSeed = seed(values, "explore_seed");
        explore = flag(values, "explore") || exploreSeed != null;
        exploreStrategy = strategy(values, "explore_strategy");
    }

    private static Long seed(Map<String, String> values, String name) throws BadOption {
        String v = values.get(name);
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadOption("option " + name + "=" + v + " is not a whole number (a seed from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
    }

    private static String strategy(Map<String, String> values, String name) throws BadOption {
        String v = values.get(name);
        if (v == null) return null;
        if (Strategy.named(v) == null) throw new BadOption("option " + name + "=" + v + " must be pct, pos or noise");
        return v;
    }

    private static Suppressions suppressions(String file) throws BadOption {
        if (file == null) return Suppressions.NONE;
        try {
            return Suppressions.read(Path.of(file));
        } catch (IOException e) {
            throw new BadOption("cannot read suppressions file " + file + ": " + reason(e));
        } catch (SuppressionFormatException e) {
            throw new BadOption(e.getMessage());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage();
    }

    private static Baseline baseline(String file) throws BadOption {
        if (file == null) return Baseline.EMPTY;
        try {
            return Baseline.read(Path.of(file));
        } catch (IOException e) {
            throw new BadOption("cannot read baseline " + file + ": " + reason(e));
        } catch (ReportFormatException e) {
            throw new BadOption("baseline " + file + " is not a racecheck JSON report: " + e.getMessage());
        }
    }

    /** Parses both sources; {@code env} and {@code agentArgs} may be null. */
    public static Options parse(String env, String agentArgs) throws BadOption {
        Map<String, String> values = new LinkedHashMap<>();
        read(values, env, "[\\s,]+", "RACECHECK_OPTIONS");
        read(values, agentArgs, ",", "the -javaagent argument");
        return new Options(values);
    }

    private static void read(Map<String, String> into, String text, String separator, String source) throws BadOption {
        if (text == null || text.isBlank()) return;
        for (String item : text.trim().split(separator)) {
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new BadOption("malformed option '" + item + "' in " + source + ": expected name=value");
            }
            String name = item.substring(0, eq).trim();
            if (!NAMES.contains(name)) {
                throw new BadOption("unknown option '" + name + "' in " + source + "; valid options: "
                        + String.join(", ", NAMES));
            }
            into.put(name, item.substring(eq + 1).trim());
        }
    }

    private static int intIn(Map<String, String> values, String name, int dflt, int min, int max) throws BadOption {
        String v = values.get(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) return i;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOption("option " + name + "=" + v + " is not a whole number from " + min + " to " + max);
    }

    private static boolean flag(Map<String, String> values, String name) throws BadOption {
        return flag(values, name, false);
    }

    private static boolean flag(Map<String, String> values, String name, boolean dflt) throws BadOption {
        String v = values.get(name);
        if (v == null) return dflt;
        switch (v) {
            case "1": case "true": return true;
            case "0": case "false": return false;
            default: throw new BadOption("option " + name + "=" + v + " must be 0 or 1");
        }
    }

    private static String nonEmpty(Map<String, String> values, String name) throws BadOption {
        String v = values.get(name);
        if (v != null && v.isEmpty()) throw new BadOption("option " + name + " needs a value");
        return v;
    }

    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9_$.*?]+");

    private static List<String> globs(Map<String, String> values, String name) throws BadOption {
        String v = values.get(name);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String g : Arrays.asList(v.split(":"))) {
            if (g.isEmpty()) continue;
            if (!GLOB.matcher(g).matches()) {
                throw new BadOption("option " + name + " has a bad class name pattern '" + g
                        + "' (use names with * and ?, e.g. com.example.*)");
            }
            out.add(g);
        }
        return List.copyOf(out);
    }

    /** An option the agent cannot accept; the message names it. */
    public static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }
}
