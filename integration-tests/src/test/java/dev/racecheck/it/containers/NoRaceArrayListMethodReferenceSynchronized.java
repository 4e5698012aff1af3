package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pair of RaceArrayListMethodReference: the list is wrapped by Collections.synchronizedList, whose methods lock
 * it, so adding through a method reference from one thread and directly from another is correct.
 * Expected: no race
 */
public final class NoRaceArrayListMethodReferenceSynchronized {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread a = Programs.thread("logger-a", () -> Stream.of("a").forEach(log::add));
        Thread b = Programs.thread("logger-b", () -> log.add("b"));
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceArrayListMethodReferenceSynchronized: " + log.size());
    }
}
