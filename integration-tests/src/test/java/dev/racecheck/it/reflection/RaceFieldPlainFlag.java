package dev.racecheck.it.reflection;

import java.lang.reflect.Field;

/**
 * NoRaceFieldVolatileFlag with a plain flag: Field.setBoolean and getBoolean of a plain field order nothing, so the
 * data written before the flag races with the read after it (the flag itself races too).
 * Expected: race on field dev.racecheck.it.reflection.RaceFieldPlainFlag.data
 */
public final class RaceFieldPlainFlag {
    int data;
    boolean ready;
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        RaceFieldPlainFlag box = new RaceFieldPlainFlag();
        Field ready = RaceFieldPlainFlag.class.getDeclaredField("ready");
        Thread writer = new Thread(() -> {
            box.data = 42; // racy access
            try {
                ready.setBoolean(box, true); // racy access
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            try {
                while (!ready.getBoolean(box)) { // racy access
                    Thread.onSpinWait();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            sink = box.data; // racy access
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceFieldPlainFlag: done");
    }
}
