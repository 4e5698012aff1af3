package dev.racecheck.it.reflection;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A findStaticGetter method handle reads a plain static field: it races with an unordered plain write of it.
 * Expected: race on static field dev.racecheck.it.reflection.RaceMethodHandleStaticGetter.total
 */
public final class RaceMethodHandleStaticGetter {
    static int total;
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        MethodHandle get = MethodHandles.lookup().findStaticGetter(RaceMethodHandleStaticGetter.class, "total",
                int.class);
        Thread writer = new Thread(() -> total = 42, "writer"); // racy access
        Thread getter = new Thread(() -> {
            try {
                sink = (int) get.invokeExact(); // racy access
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, "getter");
        writer.start();
        getter.start();
        writer.join();
        getter.join();
        System.out.println("RaceMethodHandleStaticGetter: done");
    }
}
