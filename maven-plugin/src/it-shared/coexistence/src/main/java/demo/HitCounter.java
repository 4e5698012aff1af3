package demo;

/** Racy on purpose: hit() is an unsynchronized read-increment-write. */
public class HitCounter {
    private long hits;

    public void hit() {
        hits++;
    }

    public long hits() {
        return hits;
    }
}
