package dev.racecheck.it.reachability;

import java.util.concurrent.CountDownLatch;

/** Threads: the Thread objects and their Runnables after they ended, and what two threads touched. */
public final class ReachThreads {
    static final class Worker extends Thread {
        final Box box = new Box();
        int runs;

        @Override
        public void run() {
            synchronized (this) {
                runs++;
            }
            box.sync();
        }
    }

    static final class Job implements Runnable {
        final Box box;

        Job(Box box) {
            this.box = box;
        }

        @Override
        public void run() {
            box.plain++;
            box.flag = 1;
        }
    }

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        joined(t);
        subclass(t);
        endedNotJoined(t);
        isAliveLoop(t);
        neverStarted(t);
        t.await();
    }

    static void joined(Tracker t) throws InterruptedException {
        Box b = new Box();
        Job job = new Job(b);
        Thread th = new Thread(job);
        th.start();
        th.join();
        b.plain++;
        t.track("thread: a Thread after it ended and was joined", th);
        t.track("thread: its Runnable", job);
        t.track("thread: an object touched by two threads, joined", b);
    }

    static void subclass(Tracker t) throws InterruptedException {
        Worker w = new Worker();
        w.start();
        w.join();
        synchronized (w) {
            w.runs++;
        }
        t.track("thread: a Thread subclass that synchronized on itself", w);
        t.track("thread: an object in a field of a Thread subclass", w.box);
    }

    static void endedNotJoined(Tracker t) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Box b = new Box();
        Thread th = new Thread(() -> {
            b.sync();
            ran.countDown();
        });
        th.start();
        ran.await();
        t.track("thread: a Thread that ended, never joined", th);
        t.track("thread: an object touched by a thread never joined", b);
    }

    static void isAliveLoop(Tracker t) throws InterruptedException {
        Box b = new Box();
        Thread th = new Thread(new Job(b));
        th.start();
        while (th.isAlive()) Thread.sleep(1);
        t.track("thread: a Thread waited for with isAlive()", th);
    }

    static void neverStarted(Tracker t) {
        Thread th = new Thread(() -> { });
        synchronized (th) {
            th.setName("never started");
        }
        t.track("thread: a Thread never started, used as a monitor", th);
    }
}
