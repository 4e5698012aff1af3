package dev.racecheck.it.containers;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The TreeMap of RaceTreeMap, the update under the write lock and the lookup under the read lock.
 * Expected: no race
 */
public final class NoRaceTreeMapReadWriteLock {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        NavigableMap<Integer, String> schedule = new TreeMap<>();
        schedule.put(10, "ten");
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        Thread writer = Programs.thread("writer", () -> {
            lock.writeLock().lock();
            try {
                schedule.put(5, "five");
            } finally {
                lock.writeLock().unlock();
            }
        });
        writer.start();
        Programs.sleep(100);
        Integer next;
        lock.readLock().lock();
        try {
            next = schedule.ceilingKey(3);
        } finally {
            lock.readLock().unlock();
        }
        writer.join();
        System.out.println("NoRaceTreeMapReadWriteLock: " + next);
    }
}
