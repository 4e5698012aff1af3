package dev.racecheck.it.scale;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale: starts TOTAL virtual threads, ALIVE of them waiting at once (a sliding window: before starting thread i,
 * main lets thread i - ALIVE finish, and a semaphore of ALIVE + ALIVE/4 permits keeps main from running ahead of the
 * threads that finish). Each thread adds to one shared AtomicLong, waits for its turn, touches its own array once
 * more and gives its permit back. Threads TOTAL/2 and TOTAL/2 + 1 write one field without synchronization (the
 * planted race), and then wait for each other, so that neither ends before both have written. Prints one line:
 * threads, the time, the heap in use after the run (after a GC) and the peak RSS (Linux). JDK 21+ (virtual threads;
 * reached by reflection so this compiles for 17).
 *
 * <p>With a third argument {@code acceptor}, a thread gives its permit back before its last access, so main never
 * learns of that access, as a server's acceptor never learns what its handler threads did last: racecheck can then
 * give the thread's slot to a later thread only once the thread's array has been collected.
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
        Semaphore permits = new Semaphore(alive + alive / 4);
        Method perTask = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        long start = System.nanoTime();
        ExecutorService executor = (ExecutorService) perTask.invoke(null);
        try {
            for (int i = 0; i < total; i++) {
                int w = i % alive;
                if (window[w] != null) window[w].countDown(); // thread i - alive may finish
                permits.acquire();
                CountDownLatch turn = new CountDownLatch(1);
                window[w] = turn;
                int n = i;
                executor.submit(() -> {
                    int[] work = new int[4];
                    work[n & 3] = n;
                    sum.addAndGet(work[n & 3]);
                    if (n == total / 2 || n == total / 2 + 1) {
                        planted = n; // racy access
                        // Neither ends before both have written: however late the scheduler runs the second one,
                        // no chain of hand-offs through the end of the first can order the two writes.
                        bothWritten.countDown();
                        bothWritten.await();
                    }
                    turn.await();
                    if (acceptor) {
                        permits.release();
                        work[0] = -1; // after the release: main never learns of it
                    } else {
                        work[0] = -1;
                        permits.release();
                    }
                    return null;
                });
            }
            for (CountDownLatch l : window) {
                if (l != null) l.countDown();
            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.MINUTES);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapMb = heapAfterGcMb();
        System.out.println("threads=" + total + " alive=" + alive + (acceptor ? " acceptor" : "") + " sum=" + sum.get() + " ms=" + millis
                + " heapAfterGcMb=" + heapMb + " peakRssMb=" + peakRssMb());
        Thread.sleep(Long.getLong("scale.holdMs", 0)); // time for a heap histogram (jcmd PID GC.class_histogram)
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
