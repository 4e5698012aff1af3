package dev.racecheck.it.edges;

import java.util.concurrent.locks.LockSupport;

/**
 * LockSupport.park/unpark with the volatile flag its documentation asks for: the volatile write and read order the
 * data (park and unpark themselves do not).
 * Expected: no race
 */
public final class NoRaceParkUnpark {
    static volatile boolean ready;
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread main = Thread.currentThread();
        Thread writer = new Thread(() -> {
            data = 42;
            ready = true;
            LockSupport.unpark(main);
        }, "writer");
        writer.start();
        while (!ready) {
            LockSupport.park();
        }
        System.out.println("NoRaceParkUnpark: " + data);
        writer.join();
    }
}
