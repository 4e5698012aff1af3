package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * The ArrayList of RaceArrayList, each add under the same lock; main reads it after joining both threads.
 * Expected: no race
 */
public final class NoRaceArrayListLocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = new ArrayList<>();
        Object lock = new Object();
        Thread a = Programs.thread("logger-a", () -> {
            synchronized (lock) {
                log.add("a");
            }
        });
        Thread b = Programs.thread("logger-b", () -> {
            Programs.sleep(100);
            synchronized (lock) {
                log.add("b");
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceArrayListLocked: " + log.size());
    }
}
