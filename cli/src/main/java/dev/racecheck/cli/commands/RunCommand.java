package dev.racecheck.cli.commands;

import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Workspace;
import dev.racecheck.cli.launch.AgentOptions;
import dev.racecheck.cli.launch.ChildProcess;
import dev.racecheck.cli.launch.JavaCommandLine;
import dev.racecheck.cli.launch.JavaExecutable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
                        + "if the java arguments could be mistaken for racecheck options.",
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
                "  racecheck run --halt-on-error --exitcode 3 -- -cp app.jar com.example.Main"})
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
        try {
            return new AgentOptions(exitCode, haltOnError, include, exclude, logPath);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** Checks the launch arguments; a usage error if no program was given or a racecheck option came too late. */
    public void validate() {
        String problem = JavaCommandLine.problem(launchArgs);
        if (problem != null) {
            throw usageError(problem);
        }
        String misplaced = misplacedOption(JavaCommandLine.jvmOptions(launchArgs));
        if (misplaced != null) {
            throw usageError(misplaced);
        }
        agentOptions();
    }

    /**
     * The complete command: {@code java -javaagent:AGENT=OPTIONS JAVA_ARGS...}, after {@link #validate()}.
     */
    public List<String> javaCommand(String javaExecutable, Path agentJar) {
        validate();
        return JavaCommandLine.build(javaExecutable, agentJar, agentOptions(), launchArgs);
    }

    /**
     * Among the JVM options (before the program), a racecheck option (or a near miss such as
     * {@code --exit-code}) that java would reject: racecheck options must come before the java arguments.
     */
    private String misplacedOption(List<String> jvmOptions) {
        Map<String, String> ours = Map.of("java", "--java", "exitcode", "--exitcode", "haltonerror", "--halt-on-error",
                "include", "--include", "exclude", "--exclude", "logpath", "--log-path");
        for (String arg : jvmOptions) {
            if (!arg.startsWith("--")) {
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                name = name.substring(0, eq);
            }
            String option = ours.get(name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
            if (option == null) {
                continue;
            }
            if (option.equals("--" + name)) {
                return "racecheck option " + option + " must come before the java arguments (JVM options, main class)";
            }
            return "unknown option '--" + name + "' (did you mean " + option + "?)";
        }
        return null;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        String javaExecutable = JavaExecutable.resolve(java);
        try (Workspace workspace = Workspace.create()) {
            Path agent = workspace.extractAgent();
            List<String> command = javaCommand(javaExecutable, agent);
            return launch(command, workspace);
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
