package dev.racecheck.bench.runner;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import dev.racecheck.bench.Main;

/** The command-line options shared by the subcommands (see {@link Main#USAGE}). */
public final class Settings {
    public static final Path DEFAULT_JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    public int runs;
    public Pattern only;
    public Path java = currentJava();
    /** Java 21+ for virtual threads, or null when there is none. */
    public Path java25 = Files.isExecutable(DEFAULT_JDK25) ? DEFAULT_JDK25 : null;
    public Path agent;
    /** Agent options for the agent runs (--agent-options), e.g. explore_seed=1 for the cost of an explored run. */
    public String agentOptions;
    /**
     * With --baseline-agent-options: the baseline side ("plain" in the table) runs under the agent too, with these
     * options ("" for none), so that two agent configurations are compared in one run (e.g. happens-before alone
     * against an explored run); null: the baseline side runs without the agent.
     */
    public String baselineAgentOptions;
    /** Threads per workload from --threads (one or more, comma-separated), or null for each workload's defaults. */
    public List<Integer> threads;
    /** The go command for the Go ports, or null when there is none (not on the PATH, or --go none). */
    public Path go = onPath("go");
    public List<String> jvmArgs = new ArrayList<>();
    public int timeoutSeconds = 900;
    public Path results;
    public boolean quick;
    /** Whether to write result files: always, except in a quick run without an explicit --results. */
    public boolean write = true;
    /** The options as given, for the record of how a result was made. */
    public String given = "";
    /** The checkout this jar was built in (bench/target/racecheck-bench.jar), or the working directory. */
    public final Path root = checkout();
    /** The class path for launched workloads: this jar, or the classes directory when run from an IDE or test. */
    public final String classPath = System.getProperty("java.class.path");

    /** Parses {@code args}; {@code defaultRuns} differs per command. */
    public static Settings parse(String[] args, int defaultRuns) {
        Settings s = new Settings();
        s.runs = defaultRuns;
        StringBuilder given = new StringBuilder();
        for (String a : args) given.append(' ').append(a.matches("[A-Za-z0-9_./=:,+-]+") ? a : "'" + a + "'");
        s.given = given.toString();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs": s.runs = positive(a, value(args, ++i, a)); break;
                case "--only": s.only = Pattern.compile(value(args, ++i, a)); break;
                case "--java": s.java = executable(value(args, ++i, a)); break;
                case "--java25": s.java25 = executable(value(args, ++i, a)); break;
                case "--agent": s.agent = Path.of(value(args, ++i, a)); break;
                case "--agent-options": s.agentOptions = value(args, ++i, a); break;
                case "--baseline-agent-options": s.baselineAgentOptions = value(args, ++i, a); break;
                case "--threads": s.threads = threadCounts(a, value(args, ++i, a)); break;
                case "--go": s.go = goCommand(value(args, ++i, a)); break;
                case "--jvm-args": s.jvmArgs = Arrays.asList(value(args, ++i, a).trim().split("\\s+")); break;
                case "--timeout": s.timeoutSeconds = positive(a, value(args, ++i, a)); break;
                case "--results": s.results = Path.of(value(args, ++i, a)); break;
                case "--quick": s.quick = true; break;
                default: throw new IllegalArgumentException("unknown option " + a + "\n" + Main.USAGE);
            }
        }
        if (s.quick) s.runs = Math.min(s.runs, 1);
        s.write = !s.quick || s.results != null;
        if (s.agent == null) s.agent = s.root.resolve("agent/target/racecheck.jar");
        if (s.results == null) s.results = s.root.resolve("bench/results");
        if (!Files.isRegularFile(s.agent)) {
            throw new IllegalArgumentException("no agent jar at " + s.agent
                    + ": build it with 'mvn -q -DskipTests package' at the repository root, or pass --agent PATH");
        }
        return s;
    }

    /** Whether a workload or benchmark of this name is selected. */
    public boolean selected(String name) {
        return only == null || only.matcher(name).find();
    }

    /** The Go ports' sources: bench/go of the checkout. */
    public Path goSources() {
        return root.resolve("bench/go");
    }

    /** The {@code -javaagent:} option, with agent options when given. */
    public String javaagent(String agentOptions) {
        return "-javaagent:" + agent.toAbsolutePath()
                + (agentOptions == null || agentOptions.isEmpty() ? "" : "=" + agentOptions);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '" + v + "'");
    }

    private static List<Integer> threadCounts(String option, String v) {
        List<Integer> counts = new ArrayList<>();
        for (String n : v.split(",")) counts.add(positive(option, n.trim()));
        return counts;
    }

    private static Path goCommand(String v) {
        if (v.equals("none")) return null;
        Path p = Path.of(v);
        if (Files.isDirectory(p)) p = p.resolve("bin/go");
        if (!Files.isExecutable(p)) throw new IllegalArgumentException("no go at " + v);
        return p;
    }

    /** The first executable {@code name} in a directory of the PATH, or null. */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static Path executable(String v) {
        Path p = Path.of(v);
        if (Files.isDirectory(p)) p = p.resolve("bin/java");
        if (!Files.isExecutable(p)) throw new IllegalArgumentException("no java at " + v);
        return p;
    }

    static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private static Path checkout() {
        try {
            Path jar = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../bench/target/racecheck-bench.jar or .../bench/target/classes
            Path bench = jar.getParent() == null ? null : jar.getParent().getParent();
            if (bench != null && bench.getParent() != null && Files.isDirectory(bench.getParent().resolve("agent"))) {
                return bench.getParent().toAbsolutePath();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    /** The class path separator of this platform, for building -cp values. */
    static String pathSeparator() {
        return File.pathSeparator;
    }
}
