package dev.racecheck.it.reflection;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A findSetter method handle writes a plain field: it races with an unordered plain read of it.
 * Expected: race on field dev.racecheck.it.reflection.RaceMethodHandleSetter.value
 */
public final class RaceMethodHandleSetter {
    long value;
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        RaceMethodHandleSetter counter = new RaceMethodHandleSetter();
        MethodHandle set = MethodHandles.lookup().findSetter(RaceMethodHandleSetter.class, "value", long.class);
        Thread setter = new Thread(() -> {
            try {
                set.invokeExact(counter, 7L); // racy access
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, "setter");
        Thread reader = new Thread(() -> sink = counter.value, "reader"); // racy access
        setter.start();
        reader.start();
        setter.join();
        reader.join();
        System.out.println("RaceMethodHandleSetter: done");
    }
}
