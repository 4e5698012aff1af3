package dev.racecheck.cli.launch;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the java child process the way a shell would: standard streams inherited, and when racecheck
 * itself is asked to stop (SIGTERM, Ctrl-C), the child is asked to stop too (SIGTERM, so the agent
 * can still print what it found) and waited for.
 */
public final class ChildProcess {
    /** How long a stopping child may take to exit before it is killed. */
    private static final long GRACE_SECONDS = 30;

    private ChildProcess() {
    }

    /**
     * Starts {@code command}, waits for it, and returns its exit status. {@code afterExit} runs once
     * the child has exited when racecheck is shutting down because of a signal (the caller cleans up
     * itself on the normal path).
     */
    public static int run(List<String> command, Runnable afterExit) throws IOException, InterruptedException {
        return waitFor(new ProcessBuilder(command).inheritIO().start(), afterExit);
    }

    /**
     * As {@link #run(List, Runnable)}, but with no input (standard input at its end at once) and standard output and
     * error together into {@code output}.
     */
    public static int runQuietly(List<String> command, java.nio.file.Path output, Runnable afterExit)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        return waitFor(process, afterExit);
    }

    private static int waitFor(Process process, Runnable afterExit) throws InterruptedException {
        Thread hook = new Thread(() -> {
            stop(process);
            afterExit.run();
        }, "racecheck-stop-child");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is shutting down: the hook is running (or ran) and stops the child.
            }
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
