package dev.racecheck.cli.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/** Which {@code java} runs the program: {@code --java PATH}, else {@code $JAVA_HOME/bin/java}, else {@code java} on the PATH. */
public final class JavaExecutable {

    private JavaExecutable() {
    }

    /** Resolves against the real environment and file system. */
    public static String resolve(String explicit) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return resolve(explicit, System.getenv(), p -> Files.isRegularFile(p) && Files.isExecutable(p), windows);
    }

    /**
     * The pure decision: {@code explicit} if given; else {@code JAVA_HOME/bin/java} if JAVA_HOME is set
     * and that file is executable; else {@code "java"}, which the operating system looks up on the PATH.
     */
    public static String resolve(String explicit, Map<String, String> env, Predicate<Path> isExecutable, boolean windows) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Path java = Path.of(javaHome, "bin", windows ? "java.exe" : "java");
            if (isExecutable.test(java)) {
                return java.toString();
            }
        }
        return "java";
    }
}
