package dev.racecheck.cli;

/**
 * A file or value the user gave cannot be used: a report that is missing or corrupt, a suppressions file with a bad
 * line, an output directory that does not exist. Reported as one line on stderr (the command's name, then the
 * message), without the usage and without a stack trace; exit status {@link ExitCodes#USAGE}.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line that names the file and says what is wrong with it */
    public BadInputException(String message) {
        super(message);
    }
}
