package dev.racecheck.it.predict;

/**
 * A holder whose synchronized setReady()/isReady() guard the flag; the payload is plain. t1: payload = 7;
 * h.setReady(). t2: until (h.isReady()) retry; reads payload, writes it. Data-race free.
 * Expected: no race
 */
public class NoPredictSynchronizedMethods {
    static final class Holder {
        private boolean ready;
        int payload;

        synchronized void setReady() {
            ready = true;
        }

        synchronized boolean isReady() {
            return ready;
        }
    }

    public static void main(String[] args) {
        Holder h = new Holder();
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            h.payload = 7;
            h.setReady();
        }, "t1");
        Thread t2 = new Thread(() -> {
            while (!h.isReady()) Probe.pause();
            seen[0] = h.payload;
            h.payload = 8;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(seen[0] + h.payload);
    }
}
