package dev.racecheck.it.reflection;

import java.lang.reflect.Field;

/**
 * Field.setInt writes a plain field: it races with an unordered plain read of it.
 * Expected: race on field dev.racecheck.it.reflection.RaceFieldSetInt.value
 */
public final class RaceFieldSetInt {
    int value;
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        RaceFieldSetInt counter = new RaceFieldSetInt();
        Field field = RaceFieldSetInt.class.getDeclaredField("value");
        Thread setter = new Thread(() -> {
            try {
                field.setInt(counter, 1); // racy access
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }, "setter");
        Thread reader = new Thread(() -> sink = counter.value, "reader"); // racy access
        setter.start();
        reader.start();
        setter.join();
        reader.join();
        System.out.println("RaceFieldSetInt: done");
    }
}
