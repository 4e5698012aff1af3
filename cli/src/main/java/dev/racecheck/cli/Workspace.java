package dev.racecheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A private temporary directory (owner-only on POSIX) holding the files extracted for one run, such
 * as the agent jar; deleted by {@link #close()}, which may be called more than once and from a
 * shutdown hook.
 */
public final class Workspace implements AutoCloseable {
    private final Path dir;
    private boolean closed;

    private Workspace(Path dir) {
        this.dir = dir;
    }

    public static Workspace create() throws IOException {
        return new Workspace(Files.createTempDirectory("racecheck-"));
    }

    public Path dir() {
        return dir;
    }

    /** Extracts an embedded resource into this directory as {@code fileName}. */
    public synchronized Path extract(String resource, String fileName) throws IOException {
        if (closed) {
            throw new IllegalStateException("workspace already deleted: " + dir);
        }
        Path target = dir.resolve(fileName);
        Embedded.extract(resource, target);
        return target;
    }

    /** Extracts the agent jar as {@code racecheck.jar}. */
    public Path extractAgent() throws IOException {
        return extract(Embedded.AGENT_JAR, Embedded.AGENT_FILE_NAME);
    }

    /** Deletes the directory and everything in it, quietly. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: a leftover file in the temp directory is not worth failing the run for.
        }
    }
}
