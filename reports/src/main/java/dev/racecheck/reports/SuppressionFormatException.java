package dev.racecheck.reports;

/**
 * A suppressions file has a line racecheck cannot use: an unknown suppression type, a missing or malformed glob.
 *
 * <p>The message is one line, {@code SOURCE, line N: problem}, e.g.
 * {@code racecheck.supp, line 3: unknown suppression type "raec"; expected race:<glob>}, so a tool can print it
 * as it is.
 */
public final class SuppressionFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String detail;

    /**
     * @param source the file name (or other name) of the suppressions text, as given to
     *               {@link Suppressions#parse(String, String)}
     * @param line   1-based number of the offending line
     * @param detail what is wrong, without the source and line
     */
    public SuppressionFormatException(String source, int line, String detail) {
        super(source + ", line " + line + ": " + detail);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    /** The name of the suppressions text, usually its file name. */
    public String source() { return source; }

    /** 1-based number of the offending line. */
    public int line() { return line; }

    /** The message without the source and line. */
    public String detail() { return detail; }
}
