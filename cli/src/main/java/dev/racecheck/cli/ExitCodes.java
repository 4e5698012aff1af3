package dev.racecheck.cli;

/** The exit statuses of the {@code racecheck} command (besides a launched program's own status). */
public final class ExitCodes {
    /** Success; also "the program ran and no race was reported". */
    public static final int OK = 0;
    /** Something went wrong in racecheck itself (could not extract the agent, could not start java, ...). */
    public static final int ERROR = 1;
    /**
     * The command line was wrong (one line saying why, then the usage, on stderr), or a file it named cannot be used
     * (one line naming the file and the problem).
     */
    public static final int USAGE = 2;
    /** The agent's default exit status when it found data races (like {@code go run -race}). */
    public static final int RACES_FOUND = 66;

    private ExitCodes() {
    }
}
