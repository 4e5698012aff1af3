package dev.racecheck.it.reflection;

import java.lang.reflect.Field;

/**
 * Field.get reads a plain field: it races with an unordered plain write of it.
 * Expected: race on field dev.racecheck.it.reflection.RaceFieldGet.name
 */
public final class RaceFieldGet {
    String name = "ada";
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        RaceFieldGet person = new RaceFieldGet();
        Field field = RaceFieldGet.class.getDeclaredField("name");
        Thread writer = new Thread(() -> person.name = "bob", "writer"); // racy access
        Thread getter = new Thread(() -> {
            try {
                sink = field.get(person); // racy access
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }, "getter");
        writer.start();
        getter.start();
        writer.join();
        getter.join();
        System.out.println("RaceFieldGet: done");
    }
}
