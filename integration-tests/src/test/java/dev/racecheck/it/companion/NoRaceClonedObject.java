package dev.racecheck.it.companion;

/**
 * Object.clone() copies every field, racecheck's companion fields (which hold each field's race state) included.
 * The copy is a different object: the original's owner keeps writing the original while another thread writes
 * the copy, and nothing is shared.
 * Expected: no race
 */
public final class NoRaceClonedObject {
    static final class Counter implements Cloneable {
        int hits;

        Counter copy() throws CloneNotSupportedException {
            return (Counter) clone();
        }
    }

    public static void main(String[] args) throws Exception {
        Counter original = new Counter();
        original.hits = 1; // the original's hits now has a race state, which clone() copies
        Counter copy = original.copy();
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 1000; i++) copy.hits++;
        }, "worker");
        worker.start();
        for (int i = 0; i < 1000; i++) original.hits++;
        worker.join();
        System.out.println("NoRaceClonedObject: " + original.hits + " " + copy.hits);
    }
}
