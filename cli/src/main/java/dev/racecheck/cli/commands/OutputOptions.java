package dev.racecheck.cli.commands;

import dev.racecheck.cli.BadInputException;
import dev.racecheck.cli.report.ReportFiles;
import dev.racecheck.cli.report.ReportFormat;
import dev.racecheck.cli.report.SourcePath;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.TestFrames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --format}, {@code --out}, {@code --source-path} and {@code --test-frames}: how a report is rendered, shared by
 * report and run.
 */
public final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            completionCandidates = ReportFormat.Names.class,
            description = "Report format: ${COMPLETION-CANDIDATES}. Default: the one the --out file's extension "
                    + "names (.txt, .json, .sarif, .xml, .html), else text.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the rendered report to FILE (UTF-8) instead of standard output.")
    Path out;

    @Option(names = "--source-path", paramLabel = "DIRS",
            description = "Source roots, separated by '${sys:path.separator}', where the html and sarif formats look"
                    + " up the racy source lines, e.g. src/main/java. Repeatable.")
    List<String> sourcePath = new ArrayList<>();

    @Option(names = "--test-frames",
            description = "Show the test framework's frames (JUnit, Surefire, Gradle, TestNG, IDE runners and the "
                    + "reflection calling the test) below the program's in text, JUnit XML and HTML stacks (for run, "
                    + "also in the reports printed while the program runs: agent option test_frames=1); by default one "
                    + "line says how many were left out. JSON and SARIF always keep every frame.")
    boolean testFrames;

    /** Whether the rendered stacks keep the test framework's frames. */
    TestFrames testFrames() {
        return testFrames ? TestFrames.KEEP : TestFrames.ELIDE;
    }

    /** Whether {@code --format} or {@code --out} asked for a rendered report. */
    boolean requested() {
        return format != null || out != null;
    }

    /** {@code --format}, else the format {@code --out}'s extension implies, else text. */
    ReportFormat format() {
        if (format != null) return format;
        ReportFormat byName = out == null ? null : ReportFormat.byFileName(out);
        return byName != null ? byName : ReportFormat.TEXT;
    }

    /**
     * Checks what can be checked before any work: the {@code --out} directory exists and the source roots are
     * directories. Returns the source path.
     *
     * @throws BadInputException naming the option and the problem
     */
    SourcePath check() {
        if (out != null) ReportFiles.checkWritable(out, "--out");
        return SourcePath.of(sourcePath);
    }

    /** Renders {@code report} to {@code --out}, or to {@code stdout} when there is none. */
    void write(RaceReport report, SourcePath sources, PrintWriter stdout) {
        StringBuilder sb = new StringBuilder(16384);
        try {
            format().render(report, sources, testFrames(), sb);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen); // a StringBuilder does not throw
        }
        if (out != null) {
            ReportFiles.write(out, sb.toString());
        } else {
            stdout.print(sb);
            stdout.flush();
        }
    }
}
