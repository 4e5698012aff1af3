package dev.racecheck.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.racecheck.junit.Attribution;

/**
 * Runs the tests under racecheck: sets the {@code argLine} property, which Surefire and Failsafe read, to
 * {@code -javaagent:<destDir>/racecheck.jar=exitcode=0,report_json=<destDir>/racecheck-%p.json...}, after any
 * {@code argLine} the project set and any {@code -javaagent} JaCoCo's prepare-agent put there (in either order).
 *
 * <p>The test JVMs keep their exit status ({@code exitcode=0}: Surefire's forked JVM ends with
 * {@code System.exit(0)}, which racecheck would otherwise turn into 66, a crash to Surefire); the {@code check} goal
 * fails the build from the JSON reports instead. With {@code junit} on (the default), the racecheck JUnit 5
 * integration is added to the test class path and enabled, so that a test during which a race happened fails and
 * is named.
 *
 * <p>If the project configures Surefire's {@code <argLine>} itself, it must include the property, as for JaCoCo:
 * {@code <argLine>@{argLine} -Xmx1g</argLine>}.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractRaceCheckMojo {

    static final String AGENT = "dev.racecheck:racecheck-agent";
    static final String JUNIT = "dev.racecheck:racecheck-junit";
    static final String AUTODETECTION = "-Djunit.jupiter.extensions.autodetection.enabled=true";
    static final String ADDITIONAL_CLASSPATH = "maven.test.additionalClasspath";
    /** The test JVM's system properties the JUnit integration's {@code @RaceCheck} reads (see its RaceCheck). */
    static final String EXPLORE_PROPERTY = "racecheck.explore";
    static final String SEED_PROPERTY = "racecheck.seed";

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(property = "plugin.artifactMap", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifactMap;

    /** The property to set; {@code argLine} is the one Surefire and Failsafe read. */
    @Parameter(property = "racecheck.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Instrument only these classes (globs such as {@code com.example.*}); default: all application classes. */
    @Parameter
    private List<String> includes;

    /** Never instrument these classes (globs such as {@code com.example.generated.*}). */
    @Parameter
    private List<String> excludes;

    /**
     * Also leave out tools that run inside test JVMs but are never the code under test, and whose own
     * synchronization carries no data of the program's: {@value #DEFAULT_EXCLUDES_TEXT}. ByteBuddy (Mockito's code
     * generator) alone made a first mock take 8 s instead of 2 s; JaCoCo's runtime reads its probe arrays at exit.
     * Mockito itself stays instrumented: its invocation records are synchronized and can order the test's data.
     */
    @Parameter(property = "racecheck.defaultExcludes", defaultValue = "true")
    private boolean defaultExcludes;

    static final List<String> DEFAULT_EXCLUDES = List.of("net.bytebuddy.*", "org.jacoco.agent.rt.*");
    static final String DEFAULT_EXCLUDES_TEXT = "net.bytebuddy.*, org.jacoco.agent.rt.*";

    /** More agent options, comma-separated, appended as given (e.g. {@code verbose=1}). */
    @Parameter(property = "racecheck.agentOptions")
    private String agentOptions;

    /**
     * Put the racecheck JUnit 5 integration on the test class path (Surefire's and Failsafe's
     * {@code maven.test.additionalClasspath}, unless the project depends on racecheck-junit itself) and turn on
     * JUnit Jupiter's extension autodetection so that it registers itself. {@code false}: races are still found and
     * fail the build in {@code check}, but no test fails and tests are not named.
     */
    @Parameter(property = "racecheck.junit", defaultValue = "true")
    private boolean junit;

    /**
     * Schedule exploration: how many times each test annotated {@code @RaceCheck(explore = N)} runs, each time with
     * another schedule seed, overriding its N (the test JVM's system property {@code racecheck.explore}). The agent is
     * always started with exploration armed ({@code explore=1}) so that such tests can explore; plain tests run as
     * before.
     */
    @Parameter(property = "racecheck.explore")
    private Integer explore;

    /**
     * The first schedule seed of every {@code @RaceCheck} test (system property {@code racecheck.seed}): with
     * {@code explore} 1, replays the repetition a failure named.
     */
    @Parameter(property = "racecheck.seed")
    private Long seed;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("racecheck: skipped");
            // As JaCoCo does: a Surefire configuration with @{argLine} needs the property to exist.
            if (project.getProperties().getProperty(propertyName) == null) project.getProperties().setProperty(propertyName, "");
            return;
        }
        Path dir = destDir.toPath();
        Path agentJar = dir.resolve("racecheck.jar");
        try {
            Files.createDirectories(dir);
            copyIfChanged(artifactFile(AGENT).toPath(), agentJar);
            deleteOldReports(dir);
        } catch (IOException e) {
            throw new MojoExecutionException("racecheck: cannot prepare " + dir + ": " + e.getMessage(), e);
        }

        List<String> added = new ArrayList<>();
        added.add("-javaagent:" + agentJar.toAbsolutePath() + "=" + String.join(",", agentOptions(dir, agentJar)));
        if (explore != null) {
            if (explore < 1) throw new MojoExecutionException("racecheck: explore must be at least 1, not " + explore);
            added.add("-D" + EXPLORE_PROPERTY + "=" + explore);
        }
        if (seed != null) added.add("-D" + SEED_PROPERTY + "=" + seed);
        if (junit) {
            added.add("-D" + Attribution.FILE_PROPERTY + "=" + dir.toAbsolutePath().resolve("racecheck-tests-%p.tsv"));
            added.add(AUTODETECTION);
            addJUnitToTestClassPath();
        }
        Properties props = project.getProperties();
        String old = props.getProperty(propertyName);
        String value = ArgLine.compose(old, added);
        props.setProperty(propertyName, value);
        if (session.getUserProperties().getProperty(propertyName) != null) {
            getLog().warn("racecheck: " + propertyName + " is also set on the command line (-D" + propertyName
                    + "), which takes precedence over the project property racecheck sets: the tests would run"
                    + " without racecheck. Set it in the POM instead, or use @{" + propertyName + "} there.");
        }
        getLog().info("racecheck: " + propertyName + " set to " + value);
    }

    private List<String> agentOptions(Path dir, Path agentJar) throws MojoExecutionException {
        List<String> options = new ArrayList<>();
        options.add("exitcode=0");
        options.add("report_json=" + noComma(dir.toAbsolutePath().resolve("racecheck-%p.json").toString(), "destDir"));
        if (includes != null && !includes.isEmpty()) options.add("include=" + globs(includes, "includes"));
        List<String> allExcludes = new ArrayList<>();
        if (defaultExcludes) allExcludes.addAll(DEFAULT_EXCLUDES);
        if (excludes != null) allExcludes.addAll(excludes);
        if (!allExcludes.isEmpty()) options.add("exclude=" + globs(allExcludes, "excludes"));
        // Older agents stop the JVM on an option they do not know: pass these only to an agent that takes them.
        // The check goal applies both in any case.
        // Schedule points in the test JVM, so that @RaceCheck(explore = N) tests can explore; idle until one does.
        if (agentKnowsOption(agentJar, "explore_seed")) options.add("explore=1");
        if (suppressions != null) fileOption(options, "suppressions", suppressions, agentJar);
        if (baseline != null) fileOption(options, "baseline", baseline, agentJar);
        if (agentOptions != null && !agentOptions.isBlank()) options.add(agentOptions.strip());
        return options;
    }

    private void fileOption(List<String> options, String name, File file, Path agentJar) throws MojoExecutionException {
        if (agentKnowsOption(agentJar, name)) {
            options.add(name + "=" + noComma(file.getAbsolutePath(), name));
        } else {
            getLog().debug("racecheck: this agent has no " + name + "= option; check applies " + file);
        }
    }

    /** Whether the agent's option table names {@code option} (its class file holds the name as a constant). */
    static boolean agentKnowsOption(Path agentJar, String option) {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            ZipEntry e = jar.getEntry("dev/racecheck/agent/Options.class");
            if (e == null) return false;
            try (InputStream in = jar.getInputStream(e)) {
                String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                return text.contains(option);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String globs(List<String> globs, String what) throws MojoExecutionException {
        List<String> out = new ArrayList<>();
        for (String g : globs) {
            if (g == null || g.isBlank()) continue;
            String s = g.strip();
            if (s.contains(",") || s.contains(":")) {
                throw new MojoExecutionException("racecheck: " + what + " has '" + s + "': give one class glob per"
                        + " element (such as com.example.*), without ',' or ':'");
            }
            out.add(s);
        }
        return String.join(":", out);
    }

    /** The agent separates its options with commas. */
    private static String noComma(String path, String what) throws MojoExecutionException {
        if (path.contains(",")) {
            throw new MojoExecutionException("racecheck: the path of " + what + " (" + path + ") contains a comma,"
                    + " which the agent's option syntax cannot carry");
        }
        return path;
    }

    private void addJUnitToTestClassPath() throws MojoExecutionException {
        for (Dependency d : project.getDependencies()) {
            if ("dev.racecheck".equals(d.getGroupId()) && "racecheck-junit".equals(d.getArtifactId())) {
                getLog().debug("racecheck: the project depends on racecheck-junit itself");
                return;
            }
        }
        String jar = artifactFile(JUNIT).getAbsolutePath();
        Properties props = project.getProperties();
        String old = props.getProperty(ADDITIONAL_CLASSPATH);
        if (old == null || old.isBlank()) {
            props.setProperty(ADDITIONAL_CLASSPATH, jar);
        } else if (!old.contains(jar)) {
            props.setProperty(ADDITIONAL_CLASSPATH, old + "," + jar);
        }
    }

    private File artifactFile(String key) throws MojoExecutionException {
        Artifact a = pluginArtifactMap.get(key);
        if (a == null || a.getFile() == null) {
            throw new MojoExecutionException("racecheck: " + key + " is missing from the plugin's dependencies");
        }
        return a.getFile();
    }

    private static void copyIfChanged(Path from, Path to) throws IOException {
        if (Files.isRegularFile(to) && Files.size(to) == Files.size(from)
                && Files.getLastModifiedTime(to).equals(Files.getLastModifiedTime(from))) {
            return;
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** The reports of an earlier build would fail this one's check: a fresh start, like a new test run. */
    private void deleteOldReports(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "racecheck-*.{json,tsv}")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
                getLog().debug("racecheck: deleted " + p);
            }
        }
    }
}
