package demo;

/**
 * Counts the hits of a web page. Request threads call {@link #hit()} concurrently, and nothing orders their
 * read-increment-write of {@code hits}: a data race, which loses hits now and then. racecheck finds it every
 * time, whether or not a hit is lost in that run.
 *
 * <p>The fix: make both methods {@code synchronized}, or keep the count in a {@code java.util.concurrent.atomic.AtomicLong}.
 */
public class HitCounter {
    private long hits;

    public void hit() {
        hits++;
    }

    public long hits() {
        return hits;
    }
}
