package dev.racecheck.it.reflection;

import java.lang.reflect.Field;

/**
 * Field.set on a plain static field races with an unordered plain read of it.
 * Expected: race on static field dev.racecheck.it.reflection.RaceStaticFieldSet.mode
 */
public final class RaceStaticFieldSet {
    static String mode = "slow";
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        Field field = RaceStaticFieldSet.class.getDeclaredField("mode");
        Thread setter = new Thread(() -> {
            try {
                field.set(null, "fast"); // racy access
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }, "setter");
        Thread reader = new Thread(() -> sink = mode, "reader"); // racy access
        setter.start();
        reader.start();
        setter.join();
        reader.join();
        System.out.println("RaceStaticFieldSet: done");
    }
}
