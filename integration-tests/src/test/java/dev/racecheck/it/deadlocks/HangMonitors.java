package dev.racecheck.it.deadlocks;

/**
 * A real deadlock: t1 holds A and wants B, t2 holds B and wants A (they meet holding their first lock). Without
 * racecheck the JVM hangs; with it, the deadlock is reported and the JVM ends with status 66.
 * Expected: deadlock: monitor java.lang.Object => monitor java.lang.Object
 */
public class HangMonitors {
    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) {
        Deadlocks.Meet meet = new Deadlocks.Meet();
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (A) { // lock order
                meet.arrive();
                synchronized (B) { // lock order
                    System.out.println("unreachable");
                }
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            synchronized (B) { // lock order
                meet.arrive();
                synchronized (A) { // lock order
                    System.out.println("unreachable");
                }
            }
        });
        Deadlocks.announceWhenBlocked(t1, t2);
        Deadlocks.join(t1, t2);
    }
}
