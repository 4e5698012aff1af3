package dev.racecheck.it.reachability;

import java.lang.ref.WeakReference;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic tasks that reach an object through a WeakReference and keep running while the program drops it: the
 * object must be collected (the report of issue #11: an object pool's weak reference never cleared).
 */
public final class ReachScheduled {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        Timer timer = new Timer("reach-timer", true);
        scheduledMonitor(t, scheduler);
        scheduledVolatile(t, scheduler);
        scheduledArray(t, scheduler);
        timer(t, timer);
        t.await();
        scheduler.shutdownNow();
        timer.cancel();
    }

    static void scheduledMonitor(Tracker t, ScheduledExecutorService scheduler) throws InterruptedException {
        Box b = new Box();
        WeakReference<Box> ref = new WeakReference<>(b);
        scheduler.scheduleAtFixedRate(() -> {
            Box x = ref.get();
            if (x != null) x.sync();
        }, 0, 5, TimeUnit.MILLISECONDS);
        while (b.syncGet() < 2) Thread.sleep(1);
        t.track("scheduled: synchronized method of an object a periodic task reaches weakly", b);
    }

    static void scheduledVolatile(Tracker t, ScheduledExecutorService scheduler) throws InterruptedException {
        Box b = new Box();
        WeakReference<Box> ref = new WeakReference<>(b);
        scheduler.scheduleWithFixedDelay(() -> {
            Box x = ref.get();
            if (x != null) x.flag++;
        }, 0, 5, TimeUnit.MILLISECONDS);
        while (b.flag < 2) Thread.sleep(1);
        t.track("scheduled: volatile field of an object a periodic task reaches weakly", b);
    }

    static void scheduledArray(Tracker t, ScheduledExecutorService scheduler) throws InterruptedException {
        long[] a = new long[4];
        Box seen = new Box();
        WeakReference<long[]> ref = new WeakReference<>(a);
        scheduler.scheduleAtFixedRate(() -> {
            long[] x = ref.get();
            if (x != null) {
                x[0]++;
                seen.flag = 1;
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        while (seen.flag == 0) Thread.sleep(1);
        t.track("scheduled: array a periodic task reaches weakly", a);
    }

    static void timer(Tracker t, Timer timer) throws InterruptedException {
        Box b = new Box();
        WeakReference<Box> ref = new WeakReference<>(b);
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                Box x = ref.get();
                if (x != null) {
                    x.sync();
                    x.cells[0]++;
                }
            }
        }, 0, 5);
        while (b.syncGet() < 2) Thread.sleep(1);
        t.track("scheduled: object a Timer task reaches weakly", b);
    }
}
