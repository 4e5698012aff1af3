package dev.racecheck.it.elements;

/**
 * Waits of the programs of this package that order events in time only: they poll {@code Thread.getState()}, which
 * racecheck does not model as synchronization (JLS 17.4.4 names {@code join} and {@code isAlive} as the ways to
 * detect that a thread ended), so a Race program that waits with them still has its two accesses unordered.
 */
final class Waits {
    private Waits() {
    }

    /** Waits until {@code t} has ended, polling getState(): no happens-before edge. */
    static void awaitEnd(Thread t) {
        awaitState(t, Thread.State.TERMINATED);
    }

    /** Waits until {@code t} is in {@code state}, polling getState(): no happens-before edge. */
    static void awaitState(Thread t, Thread.State state) {
        while (t.getState() != state) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new IllegalStateException("unexpected interrupt", e);
            }
        }
    }
}
