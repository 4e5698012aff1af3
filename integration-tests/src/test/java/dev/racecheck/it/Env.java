package dev.racecheck.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Assertions;

/**
 * Where the integration tests find what they test. The Maven build passes each path as a system property (see the
 * failsafe configuration in this module's pom); run from elsewhere (an IDE), the defaults are relative to this
 * module's directory.
 */
public final class Env {
    public static final String AGENT_JAR = "racecheck.agent.jar";
    public static final String SAMPLES_DIR = "racecheck.samples.dir";
    public static final String SAMPLES_SRC = "racecheck.samples.src";

    private static Path agentCopy;

    private Env() {
    }

    /**
     * The agent jar the tests use: a private copy of the built jar, taken once per test JVM, so that a rebuild of the
     * agent while the tests run (another build in the same work tree) cannot change or break the jar half-way
     * through. The copy keeps the file name, which the manifest's {@code Boot-Class-Path} refers to. Fails the test
     * (never skips it) when the agent has not been built.
     */
    public static synchronized Path agentJar() {
        if (agentCopy != null) {
            return agentCopy;
        }
        Path jar = path(AGENT_JAR, "../agent/target/racecheck.jar");
        if (!Files.isRegularFile(jar)) {
            Assertions.fail("The racecheck agent jar " + jar + " does not exist. Build it before running the"
                    + " integration tests: 'mvn -pl agent package' (or 'mvn verify' from the root, which builds the"
                    + " modules in order). System property " + AGENT_JAR + " overrides its location.");
        }
        try {
            Path dir = Files.createTempDirectory("racecheck-it-agent");
            dir.toFile().deleteOnExit();
            Path copy = dir.resolve(jar.getFileName());
            String problem = null;
            // A jar that is being rebuilt right now may be missing or lack its manifest for a moment: wait a little.
            for (int attempt = 0; attempt < 30; attempt++) {
                problem = copyAgent(jar, copy);
                if (problem == null) {
                    break;
                }
                Thread.sleep(1_000);
            }
            if (problem != null) {
                Assertions.fail("The racecheck agent jar " + jar + " is not usable: " + problem);
            }
            copy.toFile().deleteOnExit();
            agentCopy = copy;
            System.err.println("[racecheck integration tests] using a copy of " + jar + ": " + copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies the agent jar; returns null, or what is wrong with the copy. */
    private static String copyAgent(Path jar, Path copy) {
        try {
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            try (JarFile jf = new JarFile(copy.toFile())) {
                Manifest manifest = jf.getManifest();
                if (manifest == null || manifest.getMainAttributes().getValue("Premain-Class") == null) {
                    return "its manifest has no Premain-Class attribute (is it the shaded agent jar, completely built?)";
                }
            }
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The compiled samples ({@code samples/target/classes}). */
    public static Path samplesClasses() {
        Path dir = path(SAMPLES_DIR, "../samples/target/classes");
        if (!Files.isDirectory(dir.resolve("dev/racecheck/samples"))) {
            Assertions.fail("The compiled samples are missing from " + dir + ": run 'mvn -pl samples install' first"
                    + " (system property " + SAMPLES_DIR + " overrides the location).");
        }
        return dir;
    }

    /** The samples' sources ({@code samples/src/main/java}). */
    public static Path samplesSources() {
        Path dir = path(SAMPLES_SRC, "../samples/src/main/java");
        if (!Files.isDirectory(dir.resolve("dev/racecheck/samples"))) {
            Assertions.fail("The sample sources are missing from " + dir + " (system property " + SAMPLES_SRC
                    + " overrides the location).");
        }
        return dir;
    }

    /**
     * The working directory of launched processes, {@code target/it-runs} of this module: whatever they leave
     * behind (a JVM crash log, say) lands there, not in the source tree.
     */
    public static Path runDirectory() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("target").resolve("it-runs").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The class-path root this test class was loaded from: {@code target/test-classes}, holding the test programs. */
    public static Path testClasses() {
        try {
            return Paths.get(Env.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path path(String property, String fallback) {
        String value = System.getProperty(property);
        return Paths.get(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }
}
