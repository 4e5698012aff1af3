package dev.racecheck.agent.runtime.report;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * racecheck's own warnings and internal errors, on the real stderr. An internal error is printed once per
 * distinct message and never thrown into the program.
 */
public final class Internal {
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    private static final java.util.Set<String> SAID = new java.util.HashSet<>();

    private Internal() {
        // no instances
    }

    /** A warning for the user, printed once per distinct text. */
    public static void warn(String message) {
        synchronized (SAID) {
            if (!SAID.add(message)) return;
        }
        ERR.println("racecheck: warning: " + message);
    }

    public static void error(String doing, Throwable e) {
        String message = "internal error while " + doing + ": " + e;
        synchronized (SAID) {
            if (!SAID.add(message)) return;
        }
        ERR.println("racecheck: " + message);
        if (Config.verbose) e.printStackTrace(ERR);
    }

    /** Diagnostics, only with verbose=1. */
    public static void verbose(String message) {
        if (Config.verbose) ERR.println("racecheck: " + message);
    }
}
