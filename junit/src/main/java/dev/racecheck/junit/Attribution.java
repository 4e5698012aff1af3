package dev.racecheck.junit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which test each race belongs to, written next to the agent's JSON report so that build tools (the Maven plugin's
 * {@code check} goal) can name the test. Depends on the JDK only: the Maven plugin uses it to read the files.
 *
 * <p>The file is named by the system property {@value #FILE_PROPERTY} ({@code %p} stands for the process id, as in
 * the agent's {@code report_json}); without the property nothing is written. One line per race, UTF-8:
 *
 * <pre>
 * key TAB kind TAB test name TAB JUnit unique id
 * </pre>
 *
 * where {@code key} is {@link #key(String)} of the race's text block and {@code kind} is one of {@link Kind}. The
 * text block is what the agent hands the test framework ({@code RaceCheck.takeRaces}); a reader of the JSON report
 * renders each race with the same {@code TextRenderer} and computes the same key.
 */
public final class Attribution {

    /** The system property naming the attribution file; {@code %p} in it is replaced by the process id. */
    public static final String FILE_PROPERTY = "racecheck.junit.attribution";

    /** When a race was found, relative to the test it is attributed to. */
    public enum Kind {
        /** While the test ran, in its thread or a thread it started: the test failed (Jupiter) or was named (other engines). */
        TEST,
        /** During a class's {@code @BeforeAll}/{@code @AfterAll} (or in a thread started there): the class failed. */
        CLASS,
        /** In a thread a test started, after the test had ended (it did not join the thread). */
        AFTER_TEST,
        /** While no test was running (static initializers, shared pools, threads started before the first test). */
        NONE
    }

    /** One line of the file. */
    public record Entry(String key, Kind kind, String testName, String uniqueId) {}

    private static final Object LOCK = new Object();

    private Attribution() {
        // no instances
    }

    /**
     * A race's identity within one JVM: a hash of the two access sections of its text block (the kind, variable,
     * instance, thread and complete stack of both accesses). The thread sections that follow are left out: they
     * say whether a thread still ran, which a later rendering may see differently.
     */
    public static String key(String raceText) {
        StringBuilder core = new StringBuilder(raceText.length());
        for (String line : raceText.split("\r?\n")) {
            if (line.startsWith("==================") || line.equals("WARNING: DATA RACE")) continue;
            if (line.startsWith("Thread ")) break;
            core.append(line.strip()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(core.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) hex.append(String.format("%02x", digest[i] & 0xff));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The file this JVM writes, from the system property, or null when it is not set. */
    static Path file() {
        String name = System.getProperty(FILE_PROPERTY);
        if (name == null || name.isBlank()) return null;
        return Path.of(name.replace("%p", Long.toString(ProcessHandle.current().pid())));
    }

    /** Appends one line per race text; a failure to write is reported on stderr and otherwise ignored. */
    static void record(List<String> raceTexts, Kind kind, String testName, String uniqueId) {
        Path file = file();
        if (file == null || raceTexts.isEmpty()) return;
        StringBuilder lines = new StringBuilder();
        for (String text : raceTexts) {
            lines.append(key(text)).append('\t').append(kind).append('\t').append(clean(testName)).append('\t')
                    .append(clean(uniqueId)).append('\n');
        }
        synchronized (LOCK) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    w.write(lines.toString());
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("racecheck-junit: cannot write " + file + ": " + e);
            }
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** Reads an attribution file; malformed lines are skipped. */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) continue;
            Kind kind;
            try {
                kind = Kind.valueOf(f[1]);
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            out.add(new Entry(f[0], kind, f[2], f[3]));
        }
        return out;
    }
}
