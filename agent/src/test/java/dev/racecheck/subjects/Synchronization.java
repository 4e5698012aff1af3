package dev.racecheck.subjects;

/** synchronized methods and blocks that return wide values, nest, and throw; wait and join replaced by racecheck's. */
public class Synchronization {
    private int count;
    private static int staticCount;
    private final Object lock = new Object();

    synchronized void fail(String why) {
        count++;
        throw new IllegalStateException(why + count);
    }

    static synchronized void staticFail() {
        staticCount++;
        throw new UnsupportedOperationException("static " + staticCount);
    }

    synchronized long wide() {
        count++;
        return 1L << 40 | count;
    }

    synchronized double wideDouble() {
        return count / 4.0;
    }

    synchronized int nested() {
        synchronized (lock) {
            synchronized (this) {
                return ++count;
            }
        }
    }

    int blockThatThrows() {
        synchronized (lock) {
            count++;
            if (count > 0) throw new ArithmeticException("in block " + count);
            return count;
        }
    }

    synchronized int catchesItsOwn() {
        try {
            fail("inner");
            return -1;
        } catch (IllegalStateException e) {
            return count * 100;
        }
    }

    public static String run() throws Exception {
        Synchronization s = new Synchronization();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            try {
                s.fail("x");
            } catch (IllegalStateException e) {
                out.append(e.getMessage()).append(' ').append(Thread.holdsLock(s)).append(' ');
            }
            try {
                staticFail();
            } catch (UnsupportedOperationException e) {
                out.append(e.getMessage()).append(' ').append(Thread.holdsLock(Synchronization.class)).append(' ');
            }
            try {
                s.blockThatThrows();
            } catch (ArithmeticException e) {
                out.append(e.getMessage()).append(' ').append(Thread.holdsLock(s.lock)).append(' ');
            }
        }
        out.append(s.wide()).append(' ').append(s.wideDouble()).append(' ').append(s.nested()).append(' ')
                .append(s.catchesItsOwn()).append(' ');
        synchronized (s.lock) {
            s.lock.wait(1); // becomes RaceEvents.wait(Object, long)
        }
        int[] box = new int[1];
        Thread t = new Thread(() -> box[0] = 42);
        t.start();
        t.join(); // becomes RaceEvents.join(Thread)
        out.append(box[0]).append(' ').append(t.isAlive());
        try {
            s.lock.wait(); // without the monitor: IllegalMonitorStateException, as without racecheck
        } catch (IllegalMonitorStateException e) {
            out.append(" IMSE");
        }
        return out.toString();
    }
}
