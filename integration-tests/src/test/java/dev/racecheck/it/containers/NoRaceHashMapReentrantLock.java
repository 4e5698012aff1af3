package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The HashMap of RaceHashMap, both calls under one ReentrantLock.
 * Expected: no race
 */
public final class NoRaceHashMapReentrantLock {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>();
        ReentrantLock lock = new ReentrantLock();
        Thread writer = Programs.thread("writer", () -> {
            lock.lock();
            try {
                scores.put("ada", 42);
            } finally {
                lock.unlock();
            }
        });
        writer.start();
        Programs.sleep(100);
        Integer score;
        lock.lock();
        try {
            score = scores.get("ada");
        } finally {
            lock.unlock();
        }
        writer.join();
        System.out.println("NoRaceHashMapReentrantLock: " + score);
    }
}
