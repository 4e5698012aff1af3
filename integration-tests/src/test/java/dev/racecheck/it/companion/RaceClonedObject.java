package dev.racecheck.it.companion;

/**
 * The pair of NoRaceClonedObject: the copy made by clone() is itself shared without synchronization.
 * Expected: race on field dev.racecheck.it.companion.RaceClonedObject$Counter.hits
 */
public final class RaceClonedObject {
    static final class Counter implements Cloneable {
        int hits;

        Counter copy() throws CloneNotSupportedException {
            return (Counter) clone();
        }
    }

    public static void main(String[] args) throws Exception {
        Counter original = new Counter();
        original.hits = 1;
        Counter copy = original.copy();
        Thread worker = new Thread(() -> {
            copy.hits = 2; // racy access
        }, "worker");
        worker.start();
        int seen = copy.hits; // racy access
        worker.join();
        System.out.println("RaceClonedObject: " + (seen > 0 ? "read" : "?"));
    }
}
