package dev.racecheck.agent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Several threads read and write one field through {@link RaceEvents}, each access inside a real lock that is also
 * modelled ({@code monitorEnter}/{@code monitorExit}). Run in-process by {@link RaceEventsConcurrencyTest} and, as a
 * {@code main}, in a fresh JVM. Prints {@code races=<n> value=<v>}.
 */
final class LockedHammer {
    private LockedHammer() {
    }

    /** Runs the hammer; returns the final value of the (really) shared counter. */
    static int run(String field, int threads, int iterations) throws Exception {
        int key = Sites.fieldKey(field, "I");
        int readSite = Sites.register("test.Hammer", "run", "Hammer.java", 20, "test.Hammer", field);
        int writeSite = Sites.register("test.Hammer", "run", "Hammer.java", 21, "test.Hammer", field);
        Object owner = new Object();
        Object lock = new Object();
        int[] value = new int[1];
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                ThreadState ts = RaceEvents.thread();
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int n = 0; n < iterations; n++) {
                    synchronized (lock) {
                        RaceEvents.monitorEnter(lock, ts);
                        RaceEvents.read(owner, key, readSite, ts, 0);
                        int x = value[0];
                        RaceEvents.write(owner, key, writeSite, ts, 0);
                        value[0] = x + 1;
                        RaceEvents.monitorExit(lock, ts);
                    }
                }
            }, "locked-" + i);
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        if (!failures.isEmpty()) throw new AssertionError("worker failed", failures.get(0));
        return value[0];
    }

    public static void main(String[] args) throws Exception {
        Config.logPath = args.length > 0 ? args[0] : null;
        int value = run("hammered", 4, 20_000);
        System.out.println("races=" + Reporter.count() + " value=" + value);
    }
}
