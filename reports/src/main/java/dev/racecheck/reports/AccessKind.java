package dev.racecheck.reports;

/** Whether an access read or wrote the variable. */
public enum AccessKind {
    READ("read", "Read"),
    WRITE("write", "Write");

    private final String lower;
    private final String title;

    AccessKind(String lower, String title) {
        this.lower = lower;
        this.title = title;
    }

    /** {@code "read"} or {@code "write"}. */
    public String lower() { return lower; }

    /** {@code "Read"} or {@code "Write"}. */
    public String title() { return title; }
}
