package dev.racecheck.it.realsuite;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.racecheck.it.JvmRun;
import dev.racecheck.it.Jdks;

/**
 * One run of the JUnit Platform console launcher in a JVM of its own, its output kept in files of a run directory
 * under {@code target/published-suite/runs} (a suite's output is too long for an assertion message, and worth
 * keeping). A run that outlives its time limit is a hang: the child's thread dump is taken ({@code jcmd <pid>
 * Thread.print}, else {@code jstack}) before it is killed, so that the failure says where it hangs.
 */
final class LauncherRun {
    private LauncherRun() {
    }

    /**
     * What one run did.
     *
     * @param label      what was run, for messages ({@code agent on jdk17})
     * @param dir        the run directory: {@code stdout.txt}, {@code stderr.txt}, the launcher's XML reports, the
     *                   agent's JSON report, and on a hang {@code thread-dump.txt}
     * @param command    the command line
     * @param exitCode   the exit status; -1 when the process was killed
     * @param timedOut   whether it outlived its time limit
     * @param elapsed    wall-clock time from start to exit
     * @param threadDump on a hang, the child's threads as jcmd or jstack printed them; else ""
     */
    record Result(String label, Path dir, List<String> command, int exitCode, boolean timedOut, Duration elapsed,
                  String threadDump) {
        Path stdout() {
            return dir.resolve("stdout.txt");
        }

        Path stderr() {
            return dir.resolve("stderr.txt");
        }

        /** The command, status, time and the ends of stdout and stderr (the whole files are in {@link #dir}). */
        String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("\n----- ").append(label).append(": ").append(String.join(" ", command)).append('\n');
            sb.append("----- exit status ").append(exitCode);
            if (timedOut) {
                sb.append(" (KILLED: a hang, still running after its time limit)");
            }
            sb.append(", ").append(elapsed.toSeconds()).append(" s; whole output in ").append(dir).append('\n');
            sb.append("----- end of stdout -----\n").append(tail(stdout(), 60));
            sb.append("----- end of stderr -----\n").append(tail(stderr(), 60));
            if (!threadDump.isEmpty()) {
                sb.append("----- thread dump of the child, taken before it was killed -----\n").append(threadDump);
            }
            sb.append("----- end -----\n");
            return sb.toString();
        }
    }

    /**
     * Runs {@code command} with the environment of {@link JvmRun#exec} (no inherited JVM or racecheck options) and
     * waits at most {@code limit}.
     */
    static Result run(String label, Jdks.Jdk jdk, List<String> command, Path dir, Duration limit) {
        try {
            Files.createDirectories(dir);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(
                            System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
            Map<String, String> env = pb.environment();
            JvmRun.SCRUBBED_ENV.forEach(env::remove);
            long start = System.nanoTime();
            Process process = pb.start();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            String dump = "";
            if (!finished) {
                dump = threadDump(jdk, process.pid(), dir);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(label, dir, List.copyOf(command), process.isAlive() || !finished ? -1 : process.exitValue(),
                    !finished, elapsed, dump);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The threads of a live JVM, by the tools of the JDK it runs on; kept in {@code thread-dump.txt} too. */
    private static String threadDump(Jdks.Jdk jdk, long pid, Path dir) throws InterruptedException {
        List<List<String>> tools = new ArrayList<>();
        tools.add(List.of(jdk.home().resolve("bin").resolve("jcmd").toString(), Long.toString(pid), "Thread.print", "-l"));
        tools.add(List.of(jdk.home().resolve("bin").resolve("jstack").toString(), "-l", Long.toString(pid)));
        StringBuilder problems = new StringBuilder();
        for (List<String> tool : tools) {
            Path out = dir.resolve("thread-dump.txt");
            try {
                Process p = new ProcessBuilder(tool).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    problems.append(tool.get(0)).append(" did not answer within 60 s\n");
                    continue;
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() == 0 && text.contains("\"main\"")) {
                    return text;
                }
                problems.append(String.join(" ", tool)).append(" failed (").append(p.exitValue()).append("): ")
                        .append(text.strip()).append('\n');
            } catch (IOException e) {
                problems.append(String.join(" ", tool)).append(": ").append(e).append('\n');
            }
        }
        return "no thread dump could be taken:\n" + problems;
    }

    /** The last {@code lines} lines of a text file. */
    static String tail(Path file, int lines) {
        try {
            // Decoded leniently: a test may print anything.
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            List<String> end = all.subList(Math.max(0, all.size() - lines), all.size());
            return (all.size() > lines ? "[" + (all.size() - lines) + " lines before]\n" : "") + String.join("\n", end)
                    + (end.isEmpty() ? "" : "\n");
        } catch (IOException | UncheckedIOException e) {
            return "[cannot read " + file + ": " + e + "]\n";
        }
    }
}
