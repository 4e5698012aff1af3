package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A method reference to a container's method ({@code log::add}) is a call of that method: one thread adds through
 * it, another calls add directly, nothing orders them.
 * Expected: race on java.util.ArrayList (ArrayList.add vs ArrayList.add)
 */
public final class RaceArrayListMethodReference {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = new ArrayList<>();
        Thread a = Programs.thread("logger-a", () -> Stream.of("a").forEach(log::add)); // racy access
        Thread b = Programs.thread("logger-b", () -> log.add("b")); // racy access
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceArrayListMethodReference: " + log.size());
    }
}
