package dev.racecheck.samples;

/**
 * Class initialization is synchronized by the JVM, so the lazy holder idiom publishes its static fields safely.
 * Expected: no race
 */
public class NoRaceClassInit {
    /** Initialized on first use, by whichever thread gets there first; the other one waits for it (JLS 12.4.2). */
    static final class Holder {
        static final int[] TABLE = buildTable(); // a static final reference to a mutable array
        static String name = "squares";         // a plain static field written by the static initializer

        static int[] buildTable() {
            int[] table = new int[10];
            for (int i = 0; i < table.length; i++) {
                table[i] = i * i;
            }
            return table;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[2];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            int id = i;
            // Neither thread synchronizes with the other: the JVM's initialization lock is the only edge.
            threads[i] = new Thread(() -> seen[id] = Holder.name + " " + Holder.TABLE[3 + id], "user-" + (i + 1));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println(seen[0] + ", " + seen[1]);
    }
}
