package dev.racecheck.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Launches one real JVM ({@code <jdk>/bin/java}), optionally with the racecheck agent, and captures its exit status,
 * stdout and stderr separately. A run that takes longer than {@link #DEFAULT_TIMEOUT} is killed (with its
 * descendants) and reported as timed out.
 *
 * <pre>{@code
 * JvmRun.Result r = JvmRun.on(jdk).agent(Env.agentJar(), "exitcode=70")
 *         .classpath(dir).mainClass("demo.Main").run();
 * }</pre>
 *
 * <p>The child's environment is this process's environment without variables that would change how the child JVM
 * or the agent behaves behind the test's back ({@link #SCRUBBED_ENV}); {@link #env(String, String)} adds to it.
 */
public final class JvmRun {
    /** Longest a launched process may run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * System property: agent options added to every run with the agent, e.g. {@code -Dracecheck.it.agentOptions=
     * explore_seed=3} runs a whole suite under schedule exploration (the tests' expectations stay as they are).
     */
    public static final String EXTRA_AGENT_OPTIONS = "racecheck.it.agentOptions";

    /** Inherited variables that are removed from every child's environment. */
    public static final List<String> SCRUBBED_ENV =
            List.of("RACECHECK_OPTIONS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH");

    private final Jdks.Jdk jdk;
    private final List<String> jvmArgs = new ArrayList<>();
    private Path agentJar;
    private String agentOptions = "";
    private final List<Path> classpath = new ArrayList<>();
    private String mainClass;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path workDir;
    private Duration timeout = DEFAULT_TIMEOUT;

    private JvmRun(Jdks.Jdk jdk) {
        this.jdk = jdk;
    }

    /** A run on the given JDK. */
    public static JvmRun on(Jdks.Jdk jdk) {
        return new JvmRun(jdk);
    }

    /** JVM options such as {@code -Xmx64m}, placed before the agent option. */
    public JvmRun jvmArgs(String... options) {
        jvmArgs.addAll(Arrays.asList(options));
        return this;
    }

    /** Runs with {@code -javaagent:<jar>}. */
    public JvmRun agent(Path jar) {
        return agent(jar, "");
    }

    /** Runs with {@code -javaagent:<jar>=<options>}, options being {@code name=value,name2=value2}; empty for none. */
    public JvmRun agent(Path jar, String options) {
        this.agentJar = jar;
        this.agentOptions = options == null ? "" : options;
        return this;
    }

    public JvmRun classpath(Path... entries) {
        classpath.addAll(Arrays.asList(entries));
        return this;
    }

    public JvmRun mainClass(String className, String... arguments) {
        this.mainClass = className;
        args.addAll(Arrays.asList(arguments));
        return this;
    }

    /** Sets a variable in the child's environment. */
    public JvmRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The child's working directory; by default {@link Env#runDirectory()}. */
    public JvmRun workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    public JvmRun timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The command line this run executes. */
    public List<String> command() {
        if (mainClass == null) {
            throw new IllegalStateException("no main class given");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(jvmArgs);
        if (agentJar != null) {
            String options = agentOptions;
            String extra = System.getProperty(EXTRA_AGENT_OPTIONS, "");
            if (!extra.isBlank()) options = options.isEmpty() ? extra.strip() : options + "," + extra.strip();
            cmd.add("-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options));
        }
        if (!classpath.isEmpty()) {
            cmd.add("-cp");
            cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Starts the JVM, waits for it (at most the timeout) and returns what it did. */
    public Result run() {
        return exec(command(), env, workDir, timeout);
    }

    /** Runs made through {@link #runShared()}, by command, environment, directory and time limit. */
    private static final ConcurrentHashMap<List<Object>, CompletableFuture<Result>> SHARED = new ConcurrentHashMap<>();

    /**
     * The same as {@link #run()}, but the same run (command, environment, directory, time limit) is made once per test
     * JVM and its result handed to every test class that asks for it: the optimization differential test
     * ({@code OptimizeDifferentialIT}) compares with the runs the other integration tests make anyway. A test that
     * wants a fresh run (a retry) calls {@link #run()}.
     */
    public Result runShared() {
        List<Object> key = List.of(command(), Map.copyOf(env), String.valueOf(workDir), timeout);
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> shared = SHARED.putIfAbsent(key, mine);
        if (shared == null) {
            try {
                mine.complete(run());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
            shared = mine;
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /**
     * Runs any command (javac, for instance) with the scrubbed environment plus {@code extraEnv}, capturing stdout and
     * stderr to files so that neither pipe can fill up and block the child.
     */
    public static Result exec(List<String> command, Map<String, String> extraEnv, Path workDir, Duration timeout) {
        Path captureDir = null;
        try {
            captureDir = Files.createTempDirectory("racecheck-it-run");
            Path out = captureDir.resolve("stdout");
            Path err = captureDir.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Path dir = workDir != null ? workDir : Env.runDirectory();
            pb.directory(dir.toFile());
            Map<String, String> childEnv = pb.environment();
            SCRUBBED_ENV.forEach(childEnv::remove);
            childEnv.putAll(extraEnv);

            long start = System.nanoTime();
            Process process = pb.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            int status = process.isAlive() ? -1 : process.exitValue();
            return new Result(List.copyOf(command), Map.copyOf(extraEnv), process.pid(), status, !finished, elapsed,
                    Files.readAllBytes(out), Files.readAllBytes(err), timeout, crashNote(dir, process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(captureDir);
        }
    }

    /** If the JVM crashed, where its hs_err file is and how it starts; otherwise "". */
    private static String crashNote(Path dir, long pid) {
        Path hsErr = dir.resolve("hs_err_pid" + pid + ".log");
        if (!Files.isRegularFile(hsErr)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(hsErr, StandardCharsets.ISO_8859_1)) {
            return "the JVM crashed; its error log is " + hsErr + ", which begins:\n"
                    + lines.limit(25).collect(Collectors.joining("\n")) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "the JVM crashed; its error log is " + hsErr + "\n";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    /**
     * What a launched process did.
     *
     * @param command  the command line
     * @param env      the variables set on top of the (scrubbed) inherited environment
     * @param pid      the process id
     * @param exitCode the exit status, or -1 if the process had to be killed and did not die
     * @param timedOut whether the process was killed for running too long
     * @param elapsed  wall-clock time from start to exit
     * @param out      stdout, byte for byte
     * @param err      stderr, byte for byte
     * @param timeout  the time limit it had
     * @param notes    what else the tests noticed about the run (such as a JVM crash log), or ""
     */
    public record Result(List<String> command, Map<String, String> env, long pid, int exitCode, boolean timedOut,
                         Duration elapsed, byte[] out, byte[] err, Duration timeout, String notes) {

        public String stdout() {
            return new String(out, StandardCharsets.UTF_8);
        }

        public String stderr() {
            return new String(err, StandardCharsets.UTF_8);
        }

        /** Everything about the run, for assertion messages: command, status, and the whole stdout and stderr. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("\n----- command -----\n");
            env.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
            sb.append(String.join(" ", command)).append('\n');
            sb.append("----- exit status: ").append(exitCode);
            if (timedOut) {
                sb.append(" (KILLED: still running after ").append(timeout.toSeconds()).append(" s)");
            }
            sb.append(", pid ").append(pid).append(", ").append(elapsed.toMillis()).append(" ms -----\n");
            sb.append("----- stdout (").append(out.length).append(" bytes) -----\n").append(stdout());
            if (out.length > 0 && out[out.length - 1] != '\n') {
                sb.append("\n[no newline at end of stdout]\n");
            }
            sb.append("----- stderr (").append(err.length).append(" bytes) -----\n").append(stderr());
            if (err.length > 0 && err[err.length - 1] != '\n') {
                sb.append("\n[no newline at end of stderr]\n");
            }
            if (!notes.isEmpty()) {
                sb.append("----- notes -----\n").append(notes);
            }
            sb.append("----- end -----\n");
            return sb.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
