package dev.racecheck.it.predict;

/**
 * Double-checked locking done right: the instance field is volatile, the object's plain field is written in the
 * constructor before the volatile publication. Four threads get() at once and read the plain field. Whoever reads
 * a non-null instance (inside or outside the lock) is ordered after its construction. Data-race free.
 * Expected: no race
 */
public class NoPredictDoubleCheckedVolatile {
    static final class Service {
        int port; // plain, written once in the constructor

        Service() {
            port = 8080;
        }
    }

    static final Object LOCK = new Object();
    static volatile Service instance;

    static Service get() {
        Service s = instance;
        if (s == null) {
            synchronized (LOCK) {
                s = instance;
                if (s == null) {
                    s = new Service();
                    instance = s;
                }
            }
        }
        return s;
    }

    public static void main(String[] args) {
        int[] ports = new int[4];
        Thread[] threads = new Thread[4];
        for (int i = 0; i < 4; i++) {
            final int me = i;
            threads[i] = new Thread(() -> ports[me] = get().port, "t" + i);
        }
        for (Thread t : threads) t.start();
        Probe.join(threads);
        System.out.println(ports[0] + ports[1] + ports[2] + ports[3]);
    }
}
