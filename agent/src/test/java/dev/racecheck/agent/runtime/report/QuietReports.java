package dev.racecheck.agent.runtime.report;

/**
 * Tests provoke races on purpose; their Go-style reports go to {@code target/racecheck-test-races.<pid>} rather than
 * filling the build log. Must run before the first report (the reporter opens its log once).
 */
public final class QuietReports {
    private QuietReports() {
    }

    public static void toFile() {
        if (Config.logPath == null) Config.logPath = "target/racecheck-test-races";
    }
}
