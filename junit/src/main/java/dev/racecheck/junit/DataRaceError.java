package dev.racecheck.junit;

/**
 * The failure of a test during which racecheck found a data race; its message is the report(s). An
 * {@link AssertionError}, so that build tools count the test as failed, not as broken.
 */
public final class DataRaceError extends AssertionError {
    private static final long serialVersionUID = 1L;

    DataRaceError(String message) {
        super(message);
    }

    /** The stack trace would only show JUnit's callback machinery: the report has both stacks. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
