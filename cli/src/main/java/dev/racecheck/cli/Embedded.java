package dev.racecheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the build puts inside the CLI jar (see cli/pom.xml):
 * <ul>
 *   <li>{@value #AGENT_JAR}: the shaded agent jar (artifact racecheck-agent), extracted at run time
 *       to a private temporary directory under its own name, {@code racecheck.jar}, because its
 *       manifest's {@code Boot-Class-Path} names that file;</li>
 *   <li>{@value #SAMPLES_JAR}: the sample programs (artifact racecheck-samples), the class path of
 *       {@code racecheck demo};</li>
 *   <li>{@value #SAMPLE_SOURCES}: the samples' Java sources, whose class Javadoc is the demo's index.</li>
 * </ul>
 */
public final class Embedded {
    /** The agent jar, as a class path resource. */
    public static final String AGENT_JAR = "/dev/racecheck/cli/racecheck.jar";
    /** The file name the agent jar must have (its Boot-Class-Path refers to it). */
    public static final String AGENT_FILE_NAME = "racecheck.jar";
    /** The samples jar, as a class path resource. */
    public static final String SAMPLES_JAR = "/dev/racecheck/cli/samples.jar";
    /** The folder (class path resource name, no leading slash) holding the sample sources. */
    public static final String SAMPLE_SOURCES = "dev/racecheck/cli/samples/src/";

    private Embedded() {
    }

    /** Copies an embedded resource to {@code target}; fails with a readable message if it is missing. */
    public static void extract(String resource, Path target) throws IOException {
        try (InputStream in = Embedded.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("this racecheck-cli build has no embedded " + resource.substring(1)
                        + " (build the CLI jar with 'mvn package' and run it with 'java -jar')");
            }
            Files.copy(in, target);
        }
    }

    /** Reads an embedded text resource (UTF-8); {@code null} if missing. Name without leading slash. */
    public static String readText(String name) throws IOException {
        try (InputStream in = Embedded.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The names (no leading slash) of the resource files under {@code folder} (which ends with '/'),
     * found by listing the jar or directory this class was loaded from.
     */
    public static List<String> list(String folder) throws IOException {
        CodeSource source = Embedded.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return List.of();
        }
        Path root;
        try {
            root = Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot list " + folder + " in " + location, e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            Path dir = root.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .forEach(names::add);
                }
            }
        } else if (Files.isRegularFile(root)) {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                        names.add(entry.getName());
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }
}
