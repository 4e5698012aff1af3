package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ArrayList of RaceArrayList behind Collections.synchronizedList.
 * Expected: no race
 */
public final class NoRaceArrayListSynchronizedList {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread a = Programs.thread("logger-a", () -> log.add("a"));
        Thread b = Programs.thread("logger-b", () -> {
            Programs.sleep(100);
            log.add("b");
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceArrayListSynchronizedList: " + log.size());
    }
}
