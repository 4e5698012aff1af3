package dev.racecheck.it.edges;

import java.util.concurrent.locks.LockSupport;

/**
 * No edge: LockSupport.unpark and the park it ends do not synchronize (park may also return spuriously).
 * Expected: race on static field dev.racecheck.it.edges.RaceParkUnpark.data
 */
public final class RaceParkUnpark {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread main = Thread.currentThread();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            LockSupport.unpark(main);
        }, "writer");
        writer.start();
        LockSupport.park();
        System.out.println("RaceParkUnpark: " + data); // racy access
        writer.join();
    }
}
