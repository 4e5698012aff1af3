package dev.racecheck.agent.runtime;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.json.JsonReportWriter;

/** Writes the machine-readable report ({@code report_json} option) when the JVM exits. */
final class ReportFiles {
    private ReportFiles() {
        // no instances
    }

    /** At exit: {@code failing} is the number of races and deadlocks that fail the run. */
    static void write(int failing) {
        writeWithStatus(failing > 0 && ExitStatus.programStatus() == 0 && Config.exitCode != 0
                ? Config.exitCode : ExitStatus.programStatus());
    }

    /** With the exit status racecheck decided. */
    static void writeWithStatus(int status) {
        String path = Config.reportJson;
        if (path == null) return;
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, Config.version, Config.command,
                Reporter.races(), Reporter.deadlocks(), status);
        // %p: the process id, so that several JVMs (Surefire forks) can share one setting.
        path = path.replace("%p", Long.toString(ProcessHandle.current().pid()));
        try {
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException | RuntimeException e) {
            // reported by the write below
        }
        try (Writer w = Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8)) {
            JsonReportWriter.write(report, w);
        } catch (IOException | RuntimeException e) {
            Internal.warn("cannot write report_json " + path + ": " + e);
        }
    }
}
