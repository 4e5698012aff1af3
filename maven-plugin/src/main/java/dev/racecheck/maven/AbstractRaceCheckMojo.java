package dev.racecheck.maven;

import java.io.File;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: where the reports go, the suppressions file and the baseline. */
abstract class AbstractRaceCheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Directory of racecheck's files: the agent jar the test JVMs use ({@code racecheck.jar}), each test JVM's JSON
     * report ({@code racecheck-<pid>.json}) and test attribution ({@code racecheck-tests-<pid>.tsv}), and the
     * reports the {@code report} goal writes.
     */
    @Parameter(property = "racecheck.destDir", defaultValue = "${project.build.directory}/racecheck")
    protected File destDir;

    /**
     * A suppressions file: races matching one of its {@code race:<glob>} rules neither fail the build nor appear in
     * the reports (format: racecheck's reports module, {@code Suppressions}).
     */
    @Parameter(property = "racecheck.suppressions")
    protected File suppressions;

    /**
     * A baseline: a racecheck JSON report of the races already known (e.g. a copy of {@code racecheck.json} written
     * by the {@code report} goal). Races in it are still printed, but only new races fail the build.
     */
    @Parameter(property = "racecheck.baseline")
    protected File baseline;

    /** Skips the goal. */
    @Parameter(property = "racecheck.skip", defaultValue = "false")
    protected boolean skip;
}
