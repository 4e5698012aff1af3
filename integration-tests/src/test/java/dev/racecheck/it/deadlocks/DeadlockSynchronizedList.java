package dev.racecheck.it.deadlocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A lock taken inside the JDK: t1 holds REGISTRY and adds to a synchronized list (the JDK takes the list's mutex,
 * the wrapper itself); later t2 iterates the list holding its monitor, as its documentation demands, and takes
 * REGISTRY inside.
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.util.Collections$SynchronizedRandomAccessList
 */
public class DeadlockSynchronizedList {
    static final Object REGISTRY = new Object();
    static final List<String> LIST = Collections.synchronizedList(new ArrayList<>());
    static int registered;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (REGISTRY) { // lock order
                registered++;
                LIST.add("one"); // lock order
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (LIST) { // lock order
                for (String s : LIST) {
                    synchronized (REGISTRY) { // lock order
                        registered += s.length();
                    }
                }
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("registered=" + registered);
    }
}
