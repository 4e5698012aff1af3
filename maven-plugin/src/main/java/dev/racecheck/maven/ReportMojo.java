package dev.racecheck.maven;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.html.HtmlRenderer;
import dev.racecheck.reports.json.JsonReportWriter;
import dev.racecheck.reports.junit.JUnitXmlRenderer;
import dev.racecheck.reports.sarif.SarifRenderer;

/**
 * Writes the races of the tests run under racecheck (see {@code prepare-agent}) as reports in the report
 * directory: {@code racecheck.html} (one page, with the racy source lines), {@code racecheck.sarif} (SARIF 2.1.0,
 * for GitHub code scanning), {@code TEST-racecheck.xml} (JUnit XML, for CI test pages) and {@code racecheck.json}
 * (all JVMs' races merged; usable as the {@code baseline} of later builds). Suppressed races are left out. Does
 * not fail the build: that is {@code check}'s job. Runs before {@code check} when both are bound to verify in one
 * execution, so a failing build still has its reports.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractRaceCheckMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("racecheck: skipped");
            return;
        }
        RunReports reports = RunReports.read(destDir.toPath());
        if (reports.files.isEmpty()) {
            getLog().info("racecheck: no report in " + destDir + "; nothing to write");
            return;
        }
        // Only the baseline's knowledge is not needed here: known races are still races to show.
        Gate gate = Gate.sort(reports, suppressions, null);
        RaceReport report = reports.merged(gate.shown());
        List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
        roots.addAll(project.getTestCompileSourceRoots());
        ProjectSources sources = new ProjectSources(roots, Path.of(session.getExecutionRootDirectory()));
        Path dir = destDir.toPath();
        write(dir.resolve("racecheck.html"), out -> HtmlRenderer.render(report, sources, out));
        write(dir.resolve("racecheck.sarif"), out -> SarifRenderer.render(report, sources, out));
        write(dir.resolve("TEST-racecheck.xml"), out -> JUnitXmlRenderer.render(report, out));
        write(dir.resolve("racecheck.json"), out -> JsonReportWriter.write(report, out));
        getLog().info("racecheck: " + report.races().size() + " data race(s)"
                + (report.deadlocks().isEmpty() ? "" : " and " + report.deadlocks().size() + " deadlock(s)")
                + " from " + reports.files.size()
                + " test JVM(s) written to " + dir + " (racecheck.html, racecheck.sarif, TEST-racecheck.xml,"
                + " racecheck.json)");
    }

    private interface Render {
        void to(Writer out) throws IOException;
    }

    private static void write(Path file, Render render) throws MojoExecutionException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render.to(w);
        } catch (IOException e) {
            throw new MojoExecutionException("racecheck: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
