package dev.racecheck.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the built CLI jar, or any command, as a separate process, as a user would. */
final class Jvm {
    private static final long TIMEOUT_SECONDS = 120;

    /** The java running the tests: the CLI and the programs it launches use the same. */
    static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private Jvm() {
    }

    record Result(int status, String out, String err) {
        String describe() {
            return "exit status " + status + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    /** The built CLI jar; a missing jar fails the test with how to build it. */
    static Path cliJar() {
        Path jar = Path.of(property("racecheck.cli.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' (or 'mvn package') first");
        return jar;
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) fail("system property " + name + " is not set (failsafe sets it, see cli/pom.xml)");
        return value;
    }

    /** A fresh directory under target/it for one test's files. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of(property("racecheck.it.dir")).resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    /** {@code java -jar racecheck-cli.jar ARGS...} in {@code dir}. */
    static Result racecheck(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", cliJar().toString()));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    /** Runs {@code command} in {@code dir} with no input; fails the test if it takes over two minutes. */
    static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
