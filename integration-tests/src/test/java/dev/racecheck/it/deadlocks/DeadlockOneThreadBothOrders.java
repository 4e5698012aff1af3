package dev.racecheck.it.deadlocks;

/**
 * One thread takes A then B, and later B then A: the two code paths are an inversion whichever threads run them
 * (ThreadSanitizer reports it too). Two tests of one suite run on one thread look like this.
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.lang.Object
 */
public class DeadlockOneThreadBothOrders {
    static final Object A = new Object();
    static final Object B = new Object();
    static int work;

    static void deposit() {
        synchronized (A) { // lock order
            synchronized (B) { // lock order
                work++;
            }
        }
    }

    static void audit() {
        synchronized (B) { // lock order
            synchronized (A) { // lock order
                work--;
            }
        }
    }

    public static void main(String[] args) {
        deposit();
        audit();
        System.out.println("work=" + work);
    }
}
