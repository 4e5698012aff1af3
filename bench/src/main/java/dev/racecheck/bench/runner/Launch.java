package dev.racecheck.bench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One launched JVM, run to its end: wall time, exit status, its output, and what the workload said about itself. */
public final class Launch {
    private static final Pattern VMHWM = Pattern.compile("^bench: vmhwm_kb=(-?\\d+)$", Pattern.MULTILINE);
    private static final Pattern ELAPSED = Pattern.compile("elapsed_ms=(\\d+)");
    public static final String RACE_MARKER = "WARNING: DATA RACE";

    public final List<String> command;
    public final double wallSeconds;
    public final int exitStatus;
    public final boolean timedOut;
    public final String stdout;
    public final String stderr;

    private Launch(List<String> command, double wallSeconds, int exitStatus, boolean timedOut, String stdout,
            String stderr) {
        this.command = command;
        this.wallSeconds = wallSeconds;
        this.exitStatus = exitStatus;
        this.timedOut = timedOut;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Added to every launched JVM: one that runs out of memory ends at once instead of thrashing until the timeout. */
    public static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    /**
     * Runs {@code java -XX:+ExitOnOutOfMemoryError jvmArgs... -cp classPath mainClass args...}; output goes to
     * temporary files (no pipe stalls).
     */
    public static Launch run(Path java, List<String> jvmArgs, String classPath, String mainClass, List<String> args,
            int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(EXIT_ON_OOM);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return exec(command, timeoutSeconds);
    }

    /**
     * Runs {@code command} (a launched JVM, or a Go port) to its end or until {@code timeoutSeconds}; output goes to
     * temporary files (no pipe stalls).
     */
    public static Launch exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("racecheck-bench", ".out");
        Path err = Files.createTempFile("racecheck-bench", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // The launched JVM must not pick up options meant for this one, nor racecheck options from the environment.
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            pb.environment().remove("RACECHECK_OPTIONS");
            // Nor options for a Go port's race detector: the runner needs the defaults (exit status 66 on a race).
            pb.environment().remove("GORACE");
            long start = System.nanoTime();
            Process p = pb.start();
            boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            return new Launch(command, wall, finished ? p.exitValue() : -1, !finished,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Peak RSS in kB the workload reported, or -1. */
    public long vmhwmKb() {
        Matcher m = VMHWM.matcher(stderr);
        long last = -1;
        while (m.find()) last = Long.parseLong(m.group(1));
        return last;
    }

    /** The workload's own timing of its body (without JVM start and exit), or -1. */
    public double innerSeconds() {
        Matcher m = ELAPSED.matcher(stdout);
        return m.find() ? Long.parseLong(m.group(1)) / 1000.0 : -1;
    }

    public boolean raceReported() {
        return stderr.contains(RACE_MARKER) || stdout.contains(RACE_MARKER);
    }

    /** Races were reported, and that is all that went wrong: exit 66 and the workload's own check passed. */
    public boolean raceOnly() {
        return !timedOut && raceReported() && exitStatus == 66 && stdout.contains("check=ok");
    }

    /** The agent's closing line, e.g. {@code racecheck: found 5 data race(s)}, or a count of report headers. */
    public String raceSummary() {
        Matcher m = Pattern.compile("racecheck: found (\\d+) data race").matcher(stderr);
        if (m.find()) return m.group(1) + " distinct";
        int n = 0;
        for (int i = stderr.indexOf(RACE_MARKER); i >= 0; i = stderr.indexOf(RACE_MARKER, i + 1)) n++;
        return n + " reports";
    }

    /** Null when the run is good: exit status 0, no race report, and (if it is a workload) its check passed. */
    public String problem() {
        if (timedOut) return "timed out";
        if (stderr.contains("java.lang.OutOfMemoryError") || stderr.contains("runtime: out of memory")) {
            return "out of memory";
        }
        if (raceReported()) return "race reported (exit " + exitStatus + ")";
        if (exitStatus == 1) return "wrong result (exit 1)";
        if (exitStatus != 0) return "exit " + exitStatus;
        return null;
    }

    /** The first lines of the output, for a failure message. */
    public String excerpt(int lines) {
        StringBuilder sb = new StringBuilder("$ ").append(String.join(" ", command)).append('\n');
        int n = 0;
        for (String l : (stdout + stderr).split("\n")) {
            if (n++ >= lines) {
                sb.append("  ...\n");
                break;
            }
            sb.append("  ").append(l).append('\n');
        }
        return sb.toString();
    }
}
