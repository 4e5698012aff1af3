package dev.racecheck.bench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Go ports of bench/go, each built twice into a temporary directory: {@code go build} and {@code go build -race}
 * (Go's race detector, the yardstick racecheck is compared with). {@link #close} deletes the binaries.
 */
public final class GoPorts implements AutoCloseable {
    /** What to tell a user without Go. */
    public static final String INSTALL_HINT = "install Go for the Go ports: 'apt-get install -y golang-go' (Debian, Go"
            + " 1.19; -race needs cgo and gcc) or https://go.dev/dl, then run again (or pass --go PATH)";

    private final Path sources;
    private final Path binaries;
    private final Map<String, Path> plain = new HashMap<>();
    private final Map<String, Path> race = new HashMap<>();
    private final Map<String, String> buildErrors = new HashMap<>();

    private GoPorts(Path sources, Path binaries) {
        this.sources = sources;
        this.binaries = binaries;
    }

    /** Builds the ports named {@code kernels} (directories of {@code sources}) with {@code go}. */
    public static GoPorts build(Path go, Path sources, List<String> kernels) throws IOException, InterruptedException {
        GoPorts ports = new GoPorts(sources, Files.createTempDirectory("racecheck-bench-go"));
        for (String kernel : kernels) {
            for (boolean withRace : new boolean[] {false, true}) {
                Path binary = ports.binaries.resolve(kernel + (withRace ? "-race" : ""));
                List<String> command = new ArrayList<>(List.of(go.toString(), "build"));
                if (withRace) command.add("-race");
                command.addAll(List.of("-o", binary.toString(), "./" + kernel));
                String error = ports.goCommand(command);
                if (error != null) {
                    ports.buildErrors.putIfAbsent(kernel, (withRace ? "go build -race" : "go build") + " failed: "
                            + error);
                } else {
                    (withRace ? ports.race : ports.plain).put(kernel, binary);
                }
            }
        }
        return ports;
    }

    /** The binary of {@code kernel}, built with or without -race, or null when its build failed. */
    public Path binary(String kernel, boolean withRace) {
        return (withRace ? race : plain).get(kernel);
    }

    /** Why {@code kernel} could not be built, or null. */
    public String buildError(String kernel) {
        return buildErrors.get(kernel);
    }

    /** {@code go version}'s output, e.g. {@code go version go1.19.8 linux/amd64}, or null. */
    public static String version(Path go) {
        try {
            Process p = new ProcessBuilder(go.toString(), "version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Runs a go command in the sources; null when it succeeded, else its output (shortened). */
    private String goCommand(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("racecheck-bench-go", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(sources.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The module needs nothing from the network; a newer go must not fetch another toolchain for it.
            pb.environment().put("GOTOOLCHAIN", "local");
            pb.environment().put("GOFLAGS", "-mod=mod");
            pb.environment().put("CGO_ENABLED", "1");
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return "timed out after 600 s";
            }
            if (p.exitValue() == 0) return null;
            String out = Files.readString(log, StandardCharsets.UTF_8).trim();
            return out.length() > 2000 ? out.substring(0, 2000) + " ..." : out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(binaries)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
