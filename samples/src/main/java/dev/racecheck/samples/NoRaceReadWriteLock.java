package dev.racecheck.samples;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A ReadWriteLock lets readers share the data while writers get it alone: writers take the write lock.
 * Expected: no race
 */
public class NoRaceReadWriteLock {
    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private int version;
    private String config = "v0";

    void update() {
        rw.writeLock().lock(); // exclusive: no reader and no other writer is inside
        try {
            version++;
            config = "v" + version;
        } finally {
            rw.writeLock().unlock();
        }
    }

    boolean check() {
        rw.readLock().lock(); // shared: other readers may be inside too, but no writer
        try {
            return config.equals("v" + version);
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceReadWriteLock store = new NoRaceReadWriteLock();
        boolean[] consistent = new boolean[2];
        Thread[] threads = {
            new Thread(store::update, "writer-1"),
            new Thread(store::update, "writer-2"),
            new Thread(() -> consistent[0] = store.check(), "reader-1"),
            new Thread(() -> consistent[1] = store.check(), "reader-2"),
        };
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("version = " + store.version + ", readers saw consistent data: "
                + (consistent[0] && consistent[1]));
    }
}
