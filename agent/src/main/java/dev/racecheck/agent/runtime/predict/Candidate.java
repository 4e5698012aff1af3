package dev.racecheck.agent.runtime.predict;

/**
 * A previous access that happens-before orders before the current one and the predictive clock does not: to be
 * checked for a witness. A list: a write may have several (the last write and concurrent reads).
 */
public final class Candidate {
    /** The previous access's epoch, and whether it wrote. */
    public final long epoch;
    public final boolean write;
    public Candidate next;

    Candidate(long epoch, boolean write, Candidate next) {
        this.epoch = epoch;
        this.write = write;
        this.next = next;
    }
}
