package dev.racecheck.it.scale;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Scale: starts TOTAL virtual threads, ALIVE of them waiting at once (a sliding window: before starting thread i,
 * main lets thread i - ALIVE finish, and waits, with a semaphore of ALIVE + ALIVE/4 permits, for thread
 * i - ALIVE - ALIVE/4 to have finished). Each thread adds to one shared AtomicLong, waits for its turn, touches its
 * own array once more and gives its permit back. Threads TOTAL/2 and TOTAL/2 + 1 write one field without
 * synchronization (the planted race), and then wait for each other, so that neither ends before both have written.
 * Prints one line: threads, the time, the heap in use after the run (after a GC) and the peak RSS (Linux). JDK 21+
 * (virtual threads; reached by reflection so this compiles for 17).
 *
 * <p>With a third argument {@code acceptor}, there is no semaphore: main waits for a thread to have ended by polling
 * its state, which is no happens-before edge, so main never learns of anything the thread did after it started, as a
 * server's acceptor never learns what its handler threads did: racecheck can then give the thread's slot to a later
 * thread only once no variable holds an epoch of it (see {@code Threads.retireCollected}), here once the thread's array has
 * been collected.
 *
 * <pre>
 *   java [-javaagent:agent/target/racecheck.jar] -cp integration-tests/target/test-classes \
 *       dev.racecheck.it.scale.ManyVirtualThreads 1000000 10000 [acceptor]
 * </pre>
 *
 * Expected: race on static field dev.racecheck.it.scale.ManyVirtualThreads.planted
 */
public class ManyVirtualThreads {
    static int planted;

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        int alive = Integer.parseInt(args[1]);
        boolean acceptor = args.length > 2 && args[2].equals("acceptor");
        AtomicLong sum = new AtomicLong();
        CountDownLatch bothWritten = new CountDownLatch(2);
        CountDownLatch[] window = new CountDownLatch[alive];
        Thread[] started = new Thread[alive + alive / 4];
        Semaphore permits = new Semaphore(started.length);
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Method startVirtual = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int w = i % alive;
            if (window[w] != null) window[w].countDown(); // thread i - alive may finish
            if (acceptor) {
                // Wait for thread i - started.length to end without learning anything from it: getState is no
                // happens-before edge (join and isAlive are).
                Thread oldest = started[i % started.length];
                while (oldest != null && oldest.getState() != Thread.State.TERMINATED) LockSupport.parkNanos(20_000);
            } else {
                permits.acquire();
            }
            CountDownLatch turn = new CountDownLatch(1);
            window[w] = turn;
            int n = i;
            Runnable task = () -> {
                int[] work = new int[4];
                work[n & 3] = n;
                sum.addAndGet(work[n & 3]);
                if (n == total / 2 || n == total / 2 + 1) {
                    planted = n; // racy access
                    // Neither ends before both have written: however late the scheduler runs the second one, no
                    // chain of hand-offs through the end of the first can order the two writes.
                    bothWritten.countDown();
                    await(bothWritten);
                }
                await(turn);
                work[0] = -1;
                if (!acceptor) permits.release();
            };
            started[i % started.length] = (Thread) startVirtual.invoke(builder, task);
        }
        for (CountDownLatch l : window) {
            if (l != null) l.countDown();
        }
        for (Thread t : started) {
            if (t != null) t.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapMb = heapAfterGcMb();
        System.out.println("threads=" + total + " alive=" + alive + (acceptor ? " acceptor" : "") + " sum=" + sum.get()
                + " ms=" + millis + " heapAfterGcMb=" + heapMb + " peakRssMb=" + peakRssMb());
        Thread.sleep(Long.getLong("scale.holdMs", 0)); // time for a heap histogram (jcmd PID GC.class_histogram)
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The heap in use after GCs, once one frees nothing more: objects a GC finds dead can stay reachable from
     * racecheck's weak map until its cleaner thread unlinks them, right after that GC.
     */
    private static long heapAfterGcMb() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            long now = rt.totalMemory() - rt.freeMemory();
            if (now > used - (1 << 20)) break;
            used = now;
            Thread.sleep(250);
        }
        return used >> 20;
    }

    /** VmHWM of this process in MB, or -1 where /proc is not there. */
    private static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
