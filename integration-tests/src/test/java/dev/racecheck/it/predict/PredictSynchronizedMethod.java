package dev.racecheck.it.predict;

/**
 * The critical sections are synchronized methods of a Config object that only READ its field (set before the
 * threads start). t1: x = 1; config.limit(). t2 (after t1): config.limit(); x = 2. Predictable.
 * Expected: race on static field dev.racecheck.it.predict.PredictSynchronizedMethod.x
 */
public class PredictSynchronizedMethod {
    static final class Config {
        private int limit;

        synchronized void setLimit(int limit) {
            this.limit = limit;
        }

        synchronized int limit() {
            return limit;
        }
    }

    static int x;

    public static void main(String[] args) {
        Config config = new Config();
        config.setLimit(10);
        int[] seen = new int[2];
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            seen[0] = config.limit();
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            seen[1] = config.limit();
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(x + seen[0] + seen[1]);
    }
}
