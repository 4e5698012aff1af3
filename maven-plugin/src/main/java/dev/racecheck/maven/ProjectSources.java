package dev.racecheck.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.racecheck.reports.Frame;
import dev.racecheck.reports.SourceFile;
import dev.racecheck.reports.SourceLookup;

/**
 * Finds a frame's source file in the project's source roots (main and test), and names it relative to the
 * directory Maven was started in (the repository root, usually), which is what SARIF consumers expect.
 */
final class ProjectSources implements SourceLookup {
    private final List<Path> roots = new ArrayList<>();
    private final Path base;
    private final Map<String, Optional<SourceFile>> cache = new HashMap<>();

    ProjectSources(List<String> roots, Path base) {
        for (String r : roots) {
            Path p = Path.of(r);
            if (Files.isDirectory(p)) this.roots.add(p);
        }
        this.base = base.toAbsolutePath().normalize();
    }

    @Override
    public synchronized Optional<SourceFile> find(Frame frame) {
        String relative = SourceLookup.relativePath(frame);
        if (relative == null) return Optional.empty();
        return cache.computeIfAbsent(relative, this::load);
    }

    private Optional<SourceFile> load(String relative) {
        for (Path root : roots) {
            Path file = root.resolve(relative);
            if (!Files.isRegularFile(file)) continue;
            try {
                return Optional.of(new SourceFile(display(file), lines(file)));
            } catch (IOException unreadable) {
                // only the source lines are lost
            }
        }
        return Optional.empty();
    }

    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace(File.separatorChar, '/');
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
    }
}
