package dev.racecheck.it.reflection;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * NoRaceFieldVolatileFlag through method handles: a findSetter handle of the volatile flag releases, a findGetter handle
 * that sees it acquires; a static volatile flag through findStaticSetter, polled with a plain volatile read.
 * Expected: no race
 */
public final class NoRaceMethodHandleVolatileFlag {
    int data;
    volatile boolean ready;
    static int staticData;
    static volatile boolean staticReady;
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        NoRaceMethodHandleVolatileFlag box = new NoRaceMethodHandleVolatileFlag();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle setReady = lookup.findSetter(NoRaceMethodHandleVolatileFlag.class, "ready", boolean.class);
        MethodHandle getReady = lookup.findGetter(NoRaceMethodHandleVolatileFlag.class, "ready", boolean.class);
        MethodHandle setStaticReady = lookup.findStaticSetter(NoRaceMethodHandleVolatileFlag.class, "staticReady",
                boolean.class);
        Thread writer = new Thread(() -> {
            box.data = 42;
            staticData = 7;
            try {
                setReady.invokeExact(box, true);
                setStaticReady.invokeExact(true);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            try {
                while (!(boolean) getReady.invokeExact(box)) {
                    Thread.onSpinWait();
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            sink = box.data;
            while (!staticReady) {
                Thread.onSpinWait();
            }
            sink = staticData;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("NoRaceMethodHandleVolatileFlag: done");
    }
}
