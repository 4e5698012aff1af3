package dev.racecheck.reports;

import java.util.List;

/**
 * A source file a {@link SourceLookup} found for a frame.
 *
 * @param path  where it was found, as the user would write it (relative to the working directory when the search
 *              directory was given relative), with {@code /} as separator; renderers show it and SARIF points to it
 * @param lines its lines, without line terminators; {@code lines.get(0)} is line 1
 */
public record SourceFile(String path, List<String> lines) {
    public SourceFile {
        lines = List.copyOf(lines);
    }

    /** Line {@code number} (1-based), or {@code null} if the file has no such line. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }
}
