package dev.racecheck.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.SuppressionFormatException;
import dev.racecheck.reports.Suppressions;

/** Sorts the races and deadlocks of a build into new, known (in the baseline) and suppressed; races first. */
final class Gate {
    final List<RunReports.Found> fresh = new ArrayList<>();
    final List<RunReports.Found> known = new ArrayList<>();
    final List<RunReports.Found> suppressed = new ArrayList<>();
    final List<String> suppressedBy = new ArrayList<>();

    static Gate sort(RunReports reports, File suppressionsFile, File baselineFile) throws MojoExecutionException {
        Suppressions suppressions = Suppressions.NONE;
        if (suppressionsFile != null) {
            try {
                suppressions = Suppressions.read(suppressionsFile.toPath());
            } catch (SuppressionFormatException e) {
                throw new MojoExecutionException("racecheck: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MojoExecutionException("racecheck: cannot read the suppressions file " + suppressionsFile
                        + ": " + e, e);
            }
        }
        Baseline baseline = Baseline.EMPTY;
        if (baselineFile != null) {
            try {
                baseline = Baseline.read(baselineFile.toPath());
            } catch (ReportFormatException e) {
                throw new MojoExecutionException("racecheck: baseline " + baselineFile + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MojoExecutionException("racecheck: cannot read the baseline " + baselineFile + ": " + e
                        + " (a baseline is a racecheck JSON report, e.g. target/racecheck/racecheck.json written by"
                        + " the report goal)", e);
            }
        }
        Gate g = new Gate();
        List<RunReports.Found> all = new ArrayList<>(reports.races);
        all.addAll(reports.deadlocks);
        for (RunReports.Found f : all) {
            String rule = f.race != null ? suppressions.matchingRule(f.race) : suppressions.matchingRule(f.deadlock);
            if (rule != null) {
                g.suppressed.add(f);
                g.suppressedBy.add(rule);
            } else if (f.race != null ? baseline.contains(f.race) : baseline.contains(f.deadlock)) {
                g.known.add(f);
            } else {
                g.fresh.add(f);
            }
        }
        return g;
    }

    /** New and known races and deadlocks: what the reports show. */
    List<RunReports.Found> shown() {
        List<RunReports.Found> out = new ArrayList<>(fresh);
        out.addAll(known);
        return out;
    }
}
