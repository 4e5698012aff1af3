package dev.racecheck.it.reachability;

/** An object of the program's, with what racecheck can meet: plain, volatile and array fields, a monitor. */
final class Box {
    int plain;
    volatile int flag;
    Object ref;
    final int[] cells = new int[4];

    synchronized void sync() {
        plain++;
    }

    int syncGet() {
        synchronized (this) {
            return plain;
        }
    }
}
