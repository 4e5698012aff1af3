package dev.racecheck.cli.report;

import dev.racecheck.cli.BadInputException;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.SourceFile;
import dev.racecheck.reports.SourceLookup;
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

/**
 * {@code --source-path DIRS}: source roots (such as {@code src/main/java}) in which a frame's file is looked up by
 * Java's convention, {@code <package as directories>/<file name>}, the first root that has it winning, like javac's
 * {@code -sourcepath}. Files are read once and kept for the rest of the command.
 */
public final class SourcePath implements SourceLookup {

    private final List<Path> roots;
    private final Map<String, Optional<SourceFile>> cache = new HashMap<>();

    private SourcePath(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * The roots named by the option values, each a list separated by the platform's path separator (':' or ';').
     *
     * @throws BadInputException if a named root is not a directory: a typo would otherwise only show as missing
     *                           source lines
     */
    public static SourcePath of(List<String> values) {
        List<Path> roots = new ArrayList<>();
        for (String value : values) {
            for (String dir : value.split(File.pathSeparator)) {
                if (dir.isBlank()) continue;
                Path root = Path.of(dir);
                if (!Files.isDirectory(root)) {
                    throw new BadInputException("--source-path: " + dir
                            + (Files.exists(root) ? " is not a directory" : ": no such directory"));
                }
                roots.add(root);
            }
        }
        return new SourcePath(roots);
    }

    /** The source roots, in search order. */
    public List<Path> roots() {
        return roots;
    }

    @Override
    public synchronized Optional<SourceFile> find(Frame frame) {
        String relative = SourceLookup.relativePath(frame);
        if (relative == null || roots.isEmpty()) return Optional.empty();
        return cache.computeIfAbsent(relative, this::load);
    }

    private Optional<SourceFile> load(String relative) {
        for (Path root : roots) {
            Path file = root.resolve(relative);
            if (!Files.isRegularFile(file)) continue;
            try {
                return Optional.of(new SourceFile(display(file), readLines(file)));
            } catch (IOException unreadable) {
                // A source file that cannot be read only costs the source lines, not the report.
            }
        }
        return Optional.empty();
    }

    /** UTF-8 as javac assumes nowadays; ISO-8859-1 for older files, so that a stray byte does not hide the code. */
    private static List<String> readLines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
    }

    /** As the user would write it: relative stays relative (to the working directory), with '/' separators. */
    private static String display(Path file) {
        return file.normalize().toString().replace(File.separatorChar, '/');
    }
}
