package dev.racecheck.it.reflection;

import java.lang.reflect.Field;

/**
 * A volatile flag set with Field.setBoolean and polled with Field.getBoolean, as reflection's own volatile accesses:
 * the set releases, the get that sees it acquires, so the data written before the flag is read safely after it. A
 * second reader polls the same flag with a plain volatile read: one variable, whichever way it is reached.
 * Expected: no race
 */
public final class NoRaceFieldVolatileFlag {
    int data;
    volatile boolean ready;
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        NoRaceFieldVolatileFlag box = new NoRaceFieldVolatileFlag();
        Field ready = NoRaceFieldVolatileFlag.class.getDeclaredField("ready");
        Thread writer = new Thread(() -> {
            box.data = 42;
            try {
                ready.setBoolean(box, true);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            try {
                while (!ready.getBoolean(box)) {
                    Thread.onSpinWait();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            sink = box.data;
        }, "reader");
        Thread plainReader = new Thread(() -> {
            while (!box.ready) {
                Thread.onSpinWait();
            }
            sink = box.data;
        }, "plain-reader");
        writer.start();
        reader.start();
        plainReader.start();
        writer.join();
        reader.join();
        plainReader.join();
        System.out.println("NoRaceFieldVolatileFlag: done");
    }
}
