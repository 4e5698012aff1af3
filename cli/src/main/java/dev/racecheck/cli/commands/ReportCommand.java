package dev.racecheck.cli.commands;

import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.report.ReportFiles;
import dev.racecheck.cli.report.SourcePath;
import dev.racecheck.reports.RaceReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code racecheck report FILE.json [--format F] [--out FILE] [--source-path DIRS]}: renders a saved JSON report
 * (from {@code racecheck run --report} or the agent's {@code report_json}) in another format. Exits with 0 once the
 * report is written, whatever races it holds: this command converts, the run already decided.
 */
@Command(name = "report",
        description = {
                "Render a racecheck JSON report (written by 'racecheck run --report FILE' or the agent option "
                        + "report_json) as text, JSON, SARIF 2.1.0, JUnit XML or a self-contained HTML page.",
                ""},
        footer = {"",
                "Examples:",
                "  racecheck report races.json",
                "  racecheck report races.json --out races.sarif --source-path src/main/java",
                "  racecheck report races.json --out target/TEST-racecheck.xml",
                "  racecheck report races.json --out races.html --source-path src/main/java"})
public final class ReportCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE.json", description = "The JSON report to render.")
    Path file;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SourcePath sources = output.check();
        RaceReport report = ReportFiles.read(file);
        output.write(report, sources, out());
        return ExitCodes.OK;
    }
}
