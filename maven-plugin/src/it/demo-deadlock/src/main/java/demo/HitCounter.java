package demo;

/** The demo's HitCounter with the fix applied: both methods synchronized. */
public class HitCounter {
    private long hits;

    public synchronized void hit() {
        hits++;
    }

    public synchronized long hits() {
        return hits;
    }
}
