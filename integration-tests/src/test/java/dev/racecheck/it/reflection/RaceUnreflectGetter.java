package dev.racecheck.it.reflection;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A getter handle made by unreflectGetter from a Field reads the plain field: it races with an unordered plain write.
 * Expected: race on field dev.racecheck.it.reflection.RaceUnreflectGetter.name
 */
public final class RaceUnreflectGetter {
    String name = "ada";
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        RaceUnreflectGetter person = new RaceUnreflectGetter();
        MethodHandle get = MethodHandles.lookup().unreflectGetter(RaceUnreflectGetter.class.getDeclaredField("name"));
        Thread writer = new Thread(() -> person.name = "bob", "writer"); // racy access
        Thread getter = new Thread(() -> {
            try {
                sink = (String) get.invokeExact(person); // racy access
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, "getter");
        writer.start();
        getter.start();
        writer.join();
        getter.join();
        System.out.println("RaceUnreflectGetter: done");
    }
}
