package dev.racecheck.cli.commands;

import dev.racecheck.cli.BadInputException;
import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Workspace;
import dev.racecheck.cli.explore.Exploration;
import dev.racecheck.cli.launch.AgentOptions;
import dev.racecheck.cli.launch.ChildProcess;
import dev.racecheck.cli.launch.JavaCommandLine;
import dev.racecheck.cli.launch.JavaExecutable;
import dev.racecheck.cli.report.ReportFiles;
import dev.racecheck.cli.report.SourcePath;
import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.SuppressionFormatException;
import dev.racecheck.reports.Suppressions;
import dev.racecheck.reports.json.JsonReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code racecheck run [options] [--] <java launch args>}: runs a Java program under the agent, exactly
 * as {@code java <java launch args>} would, and exits with the program's status. The command line is
 * parsed with stop-at-positional and unknown-options-are-positional (set in {@code Main.commandLine}):
 * the first argument that is not a racecheck option starts the java arguments, which pass through
 * untouched.
 */
@Command(name = "run",
        description = {
                "Run a Java program under the racecheck agent, exactly as 'java' would run it. Data races "
                        + "are reported on stderr; the program then exits with status 66 (see --exitcode).",
                "",
                "racecheck options come first; everything from the first other argument on (JVM options, "
                        + "the main class or -jar FILE, program arguments) goes to java untouched. Use '--' "
                        + "if the java arguments could be mistaken for racecheck options. A double-dash option before "
                        + "the main class that is neither racecheck's nor java's (a typo such as --halt-on-eror) is an "
                        + "error, unless '--' came before it.",
                "",
                "With --format or --out, the report is also rendered once the program has exited (to --out, else "
                        + "to standard output after the program's own output). The exit status stays the "
                        + "program's, or 66 when races were found.",
                "",
                "With --explore N, the program runs N times with the schedule perturbed differently each time (seeded "
                        + "waits at synchronization points), and one report of every run's races is printed at the end; "
                        + "each race names the seed that found it, which --seed replays.",
                ""},
        customSynopsis = {
                "racecheck run [OPTIONS] [--] [JVM_OPTIONS...] MAINCLASS [ARGS...]",
                "       racecheck run [OPTIONS] [--] [JVM_OPTIONS...] -jar JARFILE [ARGS...]",
                "       racecheck run [OPTIONS] [--] [JVM_OPTIONS...] -m MODULE[/CLASS] [ARGS...]",
                ""},
        footer = {"",
                "Examples:",
                "  racecheck run -cp target/classes com.example.Main arg1 arg2",
                "  racecheck run --include 'com.example.*' -Xmx1g -Dmode=test -jar app.jar",
                "  racecheck run --halt-on-error --exitcode 3 -- -cp app.jar com.example.Main",
                "  racecheck run --report races.json --out races.html -jar app.jar",
                "  racecheck run --out races.sarif --source-path src/main/java -jar app.jar",
                "  racecheck run --suppressions racecheck.supp --baseline known.json -jar app.jar",
                "  racecheck run --explore 20 -cp target/classes com.example.Main",
                "  racecheck run --seed 1234 -cp target/classes com.example.Main"})
public final class RunCommand extends BaseCommand {

    @Option(names = "--java", paramLabel = "PATH",
            description = "The java executable (default: $JAVA_HOME/bin/java, else java on the PATH).")
    String java;

    @Option(names = "--exitcode", paramLabel = "N",
            description = "Exit status when races were found (agent option exitcode; default 66).")
    Integer exitCode;

    @Option(names = "--halt-on-error",
            description = "Stop the program at the first race (agent option halt_on_error=1).")
    boolean haltOnError;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only instrument classes matching GLOB (such as com.example.*). Repeatable (agent option include).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Do not instrument classes matching GLOB. Repeatable (agent option exclude).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--log-path", paramLabel = "PATH",
            description = "Write race reports to PATH instead of stderr (agent option log_path).")
    String logPath;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Also write the races, with their counts, as a JSON report to FILE.json (agent option report_json).")
    Path report;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "Leave out races and deadlocks whose stacks match a rule of FILE: lines 'race:GLOB' and "
                    + "'deadlock:GLOB' matched against class.method of every frame, '#' comments (agent option "
                    + "suppressions).")
    Path suppressions;

    @Option(names = "--baseline", paramLabel = "FILE.json",
            description = "Races already in this JSON report are printed as known and do not fail the run; only "
                    + "new races do (agent option baseline).")
    Path baseline;

    @Option(names = "--explore", paramLabel = "N",
            description = "Explore schedules: run the program N times, each with a different seeded perturbation of the "
                    + "schedule at synchronization points, and report every race any run found once, with the seed of "
                    + "the first run that found it and how many runs found it. Seeds are S, S+1, ... with --seed S, "
                    + "else drawn at random (printed first). The first run's output passes through; the other runs' "
                    + "output is kept back (one line per run), shown only for a run whose exit status differs from the "
                    + "first's. With --halt-on-error, the exploration stops after the first run that found a race.")
    Integer explore;

    @Option(names = "--seed", paramLabel = "S",
            description = "Schedule seed (a whole number). Alone: one run exploring the schedule with seed S, to replay "
                    + "the seed a report names (the same decisions where the program does the same; the OS still "
                    + "schedules, so a replay is likely, not certain, to show the race again). With --explore: the "
                    + "first run's seed (agent option explore_seed).")
    Long seed;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "JAVA_ARGS", arity = "0..*",
            description = "What you would pass to java: [JVM options] then MAINCLASS, -jar JARFILE or -m MODULE, then the program's arguments.")
    List<String> launchArgs = new ArrayList<>();

    /** The java launch arguments as given. */
    public List<String> launchArgs() {
        return List.copyOf(launchArgs);
    }

    /** The explicit {@code --java}, or null. */
    public String javaOption() {
        return java;
    }

    /** The agent options, validated; a usage error if they are wrong. */
    public AgentOptions agentOptions() {
        return agentOptions(report);
    }

    /**
     * The agent options with the JSON report going to {@code reportJson} (the user's {@code --report}, or a
     * temporary file when only a rendered format was asked for). Files are passed as absolute paths, so that they
     * mean the same whatever the program does with its working directory.
     */
    private AgentOptions agentOptions(Path reportJson) {
        try {
            return new AgentOptions(exitCode, haltOnError, include, exclude, logPath,
                    absolute(reportJson), absolute(suppressions), absolute(baseline), output.testFrames, seed);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    private static String absolute(Path file) {
        return file == null ? null : file.toAbsolutePath().normalize().toString();
    }

    /** Checks the launch arguments; a usage error if no program was given or a racecheck option came too late. */
    public void validate() {
        String problem = JavaCommandLine.problem(launchArgs);
        if (problem != null) {
            throw usageError(problem);
        }
        String unknown = unknownOption(launchArgs);
        if (unknown != null) {
            throw usageError(unknown);
        }
        if (explore != null && (explore < 1 || explore > MAX_EXPLORE)) {
            throw usageError("--explore must be between 1 and " + MAX_EXPLORE + ", not " + explore);
        }
        agentOptions();
    }

    /**
     * The complete command: {@code java -javaagent:AGENT=OPTIONS JAVA_ARGS...}, after {@link #validate()}.
     */
    public List<String> javaCommand(String javaExecutable, Path agentJar) {
        return javaCommand(javaExecutable, agentJar, report);
    }

    private List<String> javaCommand(String javaExecutable, Path agentJar, Path reportJson) {
        validate();
        return JavaCommandLine.build(javaExecutable, agentJar, agentOptions(reportJson), launchArgs);
    }

    /**
     * Checks the files the options name before the program is started, so that a typo fails at once rather than
     * after a long test run: the suppressions file and the baseline must exist and parse (with the same code the
     * agent uses), the report and output files must be creatable, the source roots must be directories.
     *
     * @return the source path for rendering
     * @throws BadInputException naming the file and the problem
     */
    public SourcePath checkFiles() {
        if (suppressions != null) {
            String text = ReportFiles.readText(suppressions, "suppressions file");
            try {
                Suppressions.parse(text, suppressions.toString());
            } catch (SuppressionFormatException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        if (baseline != null) {
            String text = ReportFiles.readText(baseline, "baseline");
            try {
                Baseline.of(JsonReportReader.read(text));
            } catch (ReportFormatException e) {
                throw new BadInputException("baseline " + baseline + ": " + e.getMessage());
            }
        }
        if (report != null) ReportFiles.checkWritable(report, "--report");
        return output.check();
    }

    /**
     * Among the JVM options (before the program), a double-dash option java does not accept: a racecheck option that
     * came too late, or a mistake such as {@code --halt-on-eror} that java would reject with "Unrecognized option".
     * The message names the closest racecheck or java option. After {@code --} an unknown option is left to java
     * (a newer java may know it); a racecheck option there is still one that came too late.
     */
    private String unknownOption(List<String> launchArgs) {
        Set<String> ours = new LinkedHashSet<>();
        for (OptionSpec option : spec.options()) {
            for (String name : option.names()) if (name.startsWith("--")) ours.add(name);
        }
        boolean passThrough = afterEndOfOptions();
        for (String arg : JavaCommandLine.longOptions(launchArgs)) {
            String name = JavaCommandLine.optionName(arg);
            if (JavaCommandLine.JAVA_LONG_OPTIONS.contains(name)) {
                continue;
            }
            if (ours.contains(name)) {
                return "racecheck option " + name + " must come before the java arguments (JVM options, main class)";
            }
            String suggestion = OptionSuggestions.closest(name, ours, JavaCommandLine.JAVA_LONG_OPTIONS);
            if (suggestion != null && OptionSuggestions.sameWords(name, suggestion) && ours.contains(suggestion)) {
                return "unknown option '" + name + "' (did you mean " + suggestion + "?)";
            }
            if (passThrough) {
                continue;
            }
            if (suggestion != null) {
                return "unknown option '" + name + "' (did you mean " + suggestion + "?)";
            }
            return "unknown option '" + name + "': neither a racecheck option nor one java accepts (racecheck options"
                    + " come first; put '--' before the java arguments to hand it to java anyway)";
        }
        return null;
    }

    /** Whether {@code --} ended racecheck's options right before the java arguments. */
    private boolean afterEndOfOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return false;
        }
        // With stop-at-positional, the java arguments are the tail of this command's arguments.
        List<String> args = parsed.expandedArgs();
        int start = args.size() - launchArgs.size();
        return start >= 1 && args.get(start - 1).equals("--");
    }

    /** The most runs one exploration makes. */
    static final int MAX_EXPLORE = 100_000;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        SourcePath sources = checkFiles();
        String javaExecutable = JavaExecutable.resolve(java);
        if (explore != null) {
            return explore(javaExecutable, sources);
        }
        try (Workspace workspace = Workspace.create()) {
            Path agent = workspace.extractAgent();
            // Rendering needs the JSON report: the user's --report, else a file in the private workspace.
            Path json = report != null ? report
                    : output.requested() ? workspace.dir().resolve("report.json") : null;
            if (json != null) {
                // A report left from an earlier run must not pass for this run's if the agent writes none.
                Files.deleteIfExists(json);
            }
            List<String> command = javaCommand(javaExecutable, agent, json);
            int status = launch(command, workspace);
            return output.requested() ? render(json, status, sources) : status;
        }
    }

    /**
     * Renders the JSON report the agent wrote at exit. The exit status stays the program's; only when the program
     * claims success but no report can be rendered does racecheck fail the command (status 1), so that CI notices
     * the missing file.
     */
    private int render(Path json, int status, SourcePath sources) {
        PrintWriter err = err();
        if (!Files.isRegularFile(json)) {
            err.println("racecheck run: no report to render: the agent wrote no " + json
                    + " (the program exited with status " + status + ")");
            err.flush();
            return status != ExitCodes.OK ? status : ExitCodes.ERROR;
        }
        try {
            output.write(ReportFiles.read(json), sources, out());
        } catch (BadInputException e) {
            err.println("racecheck run: " + e.getMessage());
            err.flush();
            return status != ExitCodes.OK ? status : ExitCodes.ERROR;
        }
        return status;
    }

    /**
     * {@code --explore N}: N runs with seeds S, S+1, ..., each writing its JSON report and its printed reports into the
     * workspace (the agent keeps the program's exit status: exitcode=0), then the merged report, printed where races
     * are printed (stderr, or the --log-path file), written to --report, rendered for --format/--out. The exit status
     * is decided over all runs as the agent decides it for one.
     */
    private int explore(String javaExecutable, SourcePath sources) throws IOException, InterruptedException {
        int planned = explore;
        long first = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        PrintWriter err = err();
        err.println("racecheck: exploring schedules: " + planned + (planned == 1 ? " run, seed " + first
                : " runs, seeds " + first + " to " + (first + planned - 1)));
        List<Exploration.Run> runs = new ArrayList<>();
        try (Workspace workspace = Workspace.create()) {
            Path agent = workspace.extractAgent();
            AgentOptions options = agentOptions(null);
            for (int i = 1; i <= planned; i++) {
                long runSeed = first + i - 1;
                Path json = workspace.dir().resolve("run-" + i + ".json");
                String log = workspace.dir().resolve("run-" + i + ".log").toString();
                List<String> command = JavaCommandLine.build(javaExecutable, agent,
                        options.exploreRun(runSeed, json.toString(), log), launchArgs);
                flush();
                Path output = i == 1 ? null : workspace.dir().resolve("run-" + i + ".out");
                int status;
                try {
                    status = output == null ? ChildProcess.run(command, workspace::close)
                            : ChildProcess.runQuietly(command, output, workspace::close);
                } catch (IOException e) {
                    err.println("racecheck: cannot run " + command.get(0) + ": " + e.getMessage());
                    err.flush();
                    return ExitCodes.ERROR;
                }
                Exploration.Run run = new Exploration.Run(i, runSeed, status, readRun(json), output);
                runs.add(run);
                err.println(Exploration.progressLine(run, planned));
                err.flush();
                if (haltOnError && run.report() != null && !run.report().races().isEmpty()) {
                    if (i < planned) err.println("racecheck: --halt-on-error: the exploration stops at the first race");
                    break;
                }
            }
            Exploration exploration = new Exploration(runs, planned);
            return finishExploration(exploration, sources);
        }
    }

    private static RaceReport readRun(Path json) {
        if (!Files.isRegularFile(json)) return null;
        try {
            return JsonReportReader.read(Files.readString(json, StandardCharsets.UTF_8));
        } catch (IOException | ReportFormatException e) {
            return null;
        }
    }

    private int finishExploration(Exploration exploration, SourcePath sources) {
        PrintWriter err = err();
        String disagreement = exploration.statusDisagreement();
        if (disagreement != null) {
            err.println(disagreement);
            for (Exploration.Run r : exploration.runs()) {
                if (r.output() != null && r.status() != exploration.runs().get(0).status()) {
                    err.println("racecheck: the output of run " + r.number() + " (seed " + r.seed() + "), last lines:");
                    err.print(tail(r.output(), 20));
                }
            }
        }
        Baseline known = Baseline.EMPTY;
        if (baseline != null) {
            try {
                known = Baseline.read(baseline);
            } catch (IOException | ReportFormatException e) {
                throw new BadInputException("baseline " + baseline + ": " + e.getMessage());
            }
        }
        int status = exploration.exitStatus(known, exitCode == null ? ExitCodes.RACES_FOUND : exitCode);
        String text = exploration.text(output.testFrames());
        if (logPath != null && !logPath.equals("stderr")) {
            if (logPath.equals("stdout")) {
                out().print(text);
                out().flush();
            } else {
                ReportFiles.write(Path.of(logPath), text);
            }
        } else {
            err.print(text);
        }
        err.flush();
        RaceReport merged = exploration.merged();
        merged = new RaceReport(merged.formatVersion(), merged.tool(), merged.command(), merged.races(),
                merged.deadlocks(), status);
        if (report != null) {
            ReportFiles.write(report, dev.racecheck.reports.json.JsonReportWriter.toJson(merged));
        }
        if (output.requested()) {
            try {
                output.write(merged, sources, out());
            } catch (BadInputException e) {
                err.println("racecheck run: " + e.getMessage());
                err.flush();
                return status != ExitCodes.OK ? status : ExitCodes.ERROR;
            }
        }
        return status;
    }

    /** The last {@code lines} lines of a run's output file. */
    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            StringBuilder sb = new StringBuilder();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) sb.append(line).append('\n');
            return sb.toString();
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")\n";
        }
    }

    /** Runs the command with inherited standard streams; racecheck's status is the program's. */
    static int launch(List<String> command, Workspace workspace, BaseCommand caller) throws InterruptedException {
        caller.flush();
        try {
            return ChildProcess.run(command, workspace::close);
        } catch (IOException e) {
            caller.err().println("racecheck: cannot run " + command.get(0) + ": " + e.getMessage());
            caller.err().flush();
            return ExitCodes.ERROR;
        }
    }

    private int launch(List<String> command, Workspace workspace) throws InterruptedException {
        return launch(command, workspace, this);
    }
}
