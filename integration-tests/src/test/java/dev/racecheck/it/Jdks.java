package dev.racecheck.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDKs the integration tests run programs on: the JDK running the tests ({@code java.home}, JDK 17 in the
 * standard build) and the JDK 25 named by system property {@code racecheck.jdk25} (set by the build from the parent
 * pom's {@code racecheck.jdk25} property).
 *
 * <p>A test asks a {@link Slot} for its JDK with {@link Slot#require()}. When the JDK 25 is missing the test fails
 * loudly on CI (environment variable {@code CI=true}), and is skipped with a message saying what is missing
 * everywhere else.
 */
public final class Jdks {
    /** Labels of missing JDKs already announced on stderr (once per JVM). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** System property naming the JDK 25 home directory. */
    public static final String JDK25_PROPERTY = "racecheck.jdk25";

    private Jdks() {
    }

    /**
     * One installed JDK.
     *
     * @param label   short name used in test names, e.g. {@code jdk17}
     * @param home    its home directory
     * @param feature its feature version, e.g. 17
     */
    public record Jdk(String label, Path home, int feature) {
        public Path java() {
            return home.resolve("bin").resolve(exe("java"));
        }

        public Path javac() {
            return home.resolve("bin").resolve(exe("javac"));
        }

        public boolean hasJavac() {
            return Files.isRegularFile(javac());
        }

        @Override
        public String toString() {
            return label + " (" + home + ")";
        }
    }

    /**
     * A JDK the tests want to use: either present, or absent with the reason.
     *
     * @param label   short name used in test names
     * @param jdk     the JDK, or {@code null} when it is not usable here
     * @param missing why it is not usable, or {@code null}
     */
    public record Slot(String label, Jdk jdk, String missing) {
        /** The JDK; fails the test on CI and skips it elsewhere when the JDK is not installed. */
        public Jdk require() {
            if (jdk != null) {
                return jdk;
            }
            if (onCi()) {
                return Assertions.fail(label + " is required on CI (CI=true) but is not usable: " + missing);
            }
            String message = label + " not available, skipping its cases (on CI, with CI=true, they fail): " + missing;
            if (WARNED.add(label)) {
                System.err.println("[racecheck integration tests] WARNING: " + message);
            }
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }

        public boolean present() {
            return jdk != null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Whether the tests run on CI, where every expected JDK must be present. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The JDK running the tests. */
    public static Jdk current() {
        Path home = Paths.get(System.getProperty("java.home")).toAbsolutePath().normalize();
        int feature = Runtime.version().feature();
        return new Jdk("jdk" + feature, home, feature);
    }

    /** The JDK 25 from {@value #JDK25_PROPERTY}. */
    public static Slot jdk25() {
        String property = System.getProperty(JDK25_PROPERTY);
        if (property == null || property.isBlank()) {
            return new Slot("jdk25", null, "system property " + JDK25_PROPERTY + " is not set (the Maven build sets it"
                    + " from the parent pom's racecheck.jdk25 property; override with -Dracecheck.jdk25=<JDK 25 home>)");
        }
        Path home = Paths.get(property).toAbsolutePath().normalize();
        Path java = home.resolve("bin").resolve(exe("java"));
        if (!Files.isRegularFile(java)) {
            return new Slot("jdk25", null, java + " does not exist (" + JDK25_PROPERTY + "=" + property
                    + "; install a JDK 25 there or pass -Dracecheck.jdk25=<JDK 25 home>)");
        }
        int feature = featureVersion(home);
        if (feature < 25) {
            return new Slot("jdk25", null, home + " is JDK " + (feature < 0 ? "of unknown version (no readable release file)" : feature)
                    + ", not 25 or newer");
        }
        return new Slot("jdk25", new Jdk("jdk" + feature, home, feature), null);
    }

    /** Every JDK to test on: the current one, and JDK 25 unless that is the current one. */
    public static List<Slot> all() {
        Jdk current = current();
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(current.label(), current, null));
        Slot jdk25 = jdk25();
        if (!(jdk25.present() && sameDirectory(jdk25.jdk().home(), current.home()))) {
            slots.add(jdk25);
        }
        return slots;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.equals(b);
        }
    }

    /** The feature version from the JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}), or -1. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(release)) {
            p.load(r);
        } catch (IOException e) {
            return -1;
        }
        String version = p.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    }

    private static String exe(String name) {
        return System.getProperty("os.name").startsWith("Windows") ? name + ".exe" : name;
    }
}
