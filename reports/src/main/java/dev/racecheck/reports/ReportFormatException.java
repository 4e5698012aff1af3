package dev.racecheck.reports;

/**
 * A saved report could not be read: malformed JSON, a value of the wrong type, a missing field or an unsupported
 * {@code formatVersion}.
 *
 * <p>The message is one line, {@code line L, column C: expected X but found Y}, so a command-line tool can print it
 * after the file name as it is.
 */
public final class ReportFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    /**
     * @param line   1-based line of the offending input
     * @param column 1-based column (in UTF-16 chars) of the offending input
     * @param detail what was expected and what was found, without the position
     */
    public ReportFormatException(int line, int column, String detail) {
        super("line " + line + ", column " + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** 1-based line of the offending input. */
    public int line() { return line; }

    /** 1-based column of the offending input. */
    public int column() { return column; }

    /** The message without the position. */
    public String detail() { return detail; }
}
