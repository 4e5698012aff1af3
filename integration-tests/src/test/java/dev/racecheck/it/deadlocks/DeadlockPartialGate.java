package dev.racecheck.it.deadlocks;

/**
 * Only one of the two orders is under the gate: t1 G { A { B } }, t2 B { A } without G. t2 can hold B while t1 holds G
 * and A: the gate protects nothing here.
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.lang.Object
 */
public class DeadlockPartialGate {
    static final Object G = new Object();
    static final Object A = new Object();
    static final Object B = new Object();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (G) {
                synchronized (A) { // lock order
                    synchronized (B) { // lock order
                        work++;
                    }
                }
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (B) { // lock order
                synchronized (A) { // lock order
                    work++;
                }
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
