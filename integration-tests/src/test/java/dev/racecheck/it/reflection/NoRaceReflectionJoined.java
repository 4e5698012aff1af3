package dev.racecheck.it.reflection;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.lang.reflect.Field;

/**
 * Every reflective write of the Race programs of this package, made by a thread that main then joins before reading
 * the same variables, plainly and reflectively; then a Field.setInt and getInt under one monitor in two threads.
 * Expected: no race
 */
public final class NoRaceReflectionJoined {
    int value;
    String name = "ada";
    static String mode = "slow";
    static int total;
    static final Object LOCK = new Object();

    public static void main(String[] args) throws Throwable {
        NoRaceReflectionJoined box = new NoRaceReflectionJoined();
        int[] counts = new int[2];
        Field value = NoRaceReflectionJoined.class.getDeclaredField("value");
        Field name = NoRaceReflectionJoined.class.getDeclaredField("name");
        Field mode = NoRaceReflectionJoined.class.getDeclaredField("mode");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle setValue = lookup.findSetter(NoRaceReflectionJoined.class, "value", int.class);
        MethodHandle getName = lookup.unreflectGetter(name);
        MethodHandle getTotal = lookup.findStaticGetter(NoRaceReflectionJoined.class, "total", int.class);
        Thread writer = new Thread(() -> {
            try {
                value.setInt(box, 1);
                name.set(box, "bob");
                mode.set(null, "fast");
                setValue.invokeExact(box, 2);
                total = 3;
                Array.setInt(counts, 0, 4);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        writer.start();
        writer.join();
        String seen = box.value + value.getInt(box) + (String) name.get(box) + (String) getName.invokeExact(box)
                + NoRaceReflectionJoined.mode + (int) getTotal.invokeExact() + counts[0] + Array.getInt(counts, 0);
        Thread locked = new Thread(() -> {
            synchronized (LOCK) {
                try {
                    value.setInt(box, 5);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "locked");
        locked.start();
        synchronized (LOCK) {
            seen += value.getInt(box);
        }
        locked.join();
        System.out.println("NoRaceReflectionJoined: " + seen);
    }
}
