package dev.racecheck.maven;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.racecheck.junit.FrameworkFrames;
import dev.racecheck.reports.Target;

/**
 * Fails the build when the tests run under racecheck (see {@code prepare-agent}) found data races or deadlocks
 * (potential: a lock-order inversion; actual: threads that were blocked in a cycle): reads every test JVM's JSON
 * report, prints each with its stacks and the test it happened in, and fails unless every one is suppressed or in the
 * baseline. This also catches the races no test could be failed for: those in a thread a test
 * left running, in static initializers, in shared pools, or with JUnit 4 tests.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRaceCheckMojo {

    /** {@code false}: print the races and deadlocks but do not fail the build. */
    @Parameter(property = "racecheck.failOnRace", defaultValue = "true")
    private boolean failOnRace;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("racecheck: skipped");
            return;
        }
        RunReports reports = RunReports.read(destDir.toPath());
        if (reports.files.isEmpty()) {
            getLog().info("racecheck: no report in " + destDir + " (no test ran under racecheck: is prepare-agent"
                    + " bound, and did the tests run?)");
            return;
        }
        Gate gate = Gate.sort(reports, suppressions, baseline);
        Log log = getLog();
        for (RunReports.Found f : gate.fresh) print(f, true);
        for (RunReports.Found f : gate.known) print(f, false);
        for (int i = 0; i < gate.suppressed.size(); i++) {
            log.info("racecheck: suppressed by " + gate.suppressedBy.get(i) + ": " + gate.suppressed.get(i).oneLine());
        }
        int found = reports.races.size() + reports.deadlocks.size();
        int reported = reports.reported + reports.reportedDeadlocks;
        String summary = "racecheck: " + reports.races.size() + " data race(s)"
                + (reports.deadlocks.isEmpty() ? "" : " and " + reports.deadlocks.size() + " deadlock(s)")
                + " in " + reports.files.size() + " test JVM(s)" + (reported == found ? "" : " (" + reported
                + " reports, merged by fingerprint)") + ": " + gate.fresh.size() + " new, " + gate.known.size() + " in the baseline, "
                + gate.suppressed.size() + " suppressed (reports in " + destDir + ")";
        if (gate.fresh.isEmpty()) {
            log.info(summary);
            return;
        }
        log.error(summary);
        jacocoHint(gate);
        if (!failOnRace) {
            log.warn("racecheck: failOnRace is false: the build goes on");
            return;
        }
        Set<String> tests = new LinkedHashSet<>();
        int freshDeadlocks = 0;
        for (RunReports.Found f : gate.fresh) {
            tests.addAll(f.tests);
            if (f.deadlock != null) freshDeadlocks++;
        }
        int freshRaces = gate.fresh.size() - freshDeadlocks;
        String what = freshDeadlocks == 0 ? freshRaces + " data race(s)"
                : freshRaces == 0 ? freshDeadlocks + " deadlock(s)"
                : freshRaces + " data race(s) and " + freshDeadlocks + " deadlock(s)";
        throw new MojoFailureException(what + " found by racecheck"
                + (tests.isEmpty() ? "" : ", " + String.join("; ", tests))
                + (freshDeadlocks == 0 ? ". The races are printed above, with both stacks."
                        : ". They are printed above, with their stacks."));
    }

    /**
     * JaCoCo's agent, when in the same JVM, instruments classes before racecheck does, and racecheck then sees its
     * coverage probes: unsynchronized writes to a boolean[] per class, from every thread that runs the class. Say so
     * when such races are among the new ones.
     */
    private void jacocoHint(Gate gate) {
        String argLine = project.getProperties().getProperty("argLine", "");
        if (!argLine.contains("jacoco")) return;
        long probes = gate.fresh.stream().filter(f -> f.race != null && f.race.target().kind() == Target.Kind.ARRAY_ELEMENT
                && "boolean[]".equals(f.race.target().owner())).count();
        if (probes == 0) return;
        getLog().warn("racecheck: " + probes + " of these races are on boolean[] elements while JaCoCo's agent ran in"
                + " the same JVM: most likely JaCoCo's coverage probes, which racecheck cannot yet tell from the"
                + " program's own arrays. Run racecheck in a build without JaCoCo's prepare-agent (e.g. a profile) to"
                + " see only the program's races.");
    }

    private void print(RunReports.Found f, boolean fresh) {
        Log log = getLog();
        StringBuilder head = new StringBuilder(fresh ? "racecheck: " + f.what() : "racecheck: known " + f.what() + " (baseline)");
        if (f.tests.isEmpty()) {
            if (fresh) head.append(" (no test named: found after the tests ended, or without racecheck's JUnit integration)");
        } else {
            head.append(' ').append(String.join("; ", f.tests));
        }
        head.append(", seen ").append(f.occurrences).append(f.occurrences == 1 ? " time" : " times");
        if (f.files.size() > 1) head.append(" in ").append(f.files.size()).append(" JVMs");
        head.append(':');
        // Framework frames below the test's own code are left out here; the JSON report has the whole stacks.
        String block = FrameworkFrames.trim(f.text());
        if (fresh) {
            log.error(head);
            for (String line : block.split("\n")) log.error(line);
        } else {
            log.warn(head);
            for (String line : block.split("\n")) log.warn(line);
        }
    }
}
