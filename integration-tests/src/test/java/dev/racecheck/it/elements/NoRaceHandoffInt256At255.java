package dev.racecheck.it.elements;

/**
 * {@link RaceHandoffInt256At255} with a monitor: main sets a flag under it after its write and read-back, the reader
 * takes it until it sees the flag, then reads.
 * Expected: no race
 */
public final class NoRaceHandoffInt256At255 {
    static final Object lock = new Object();
    static boolean ready; // guarded by lock
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[256];
        Thread reader = new Thread(() -> {
            synchronized (lock) {
                while (!ready) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            seen = a[255];
        }, "reader");
        reader.start();
        a[255] = 42;
        int back = a[255];
        synchronized (lock) {
            ready = true;
            lock.notifyAll();
        }
        reader.join();
        if (seen != 42) throw new AssertionError(seen);
        System.out.println("NoRaceHandoffInt256At255: " + back + " " + seen);
    }
}
