package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * No edge: each element of an array is a variable of its own; getVolatile(flags, 4) does not synchronize with
 * setVolatile(flags, 5, v).
 * Expected: race on static field dev.racecheck.it.edges.RaceVarHandleArrayElementOther.data
 */
public final class RaceVarHandleArrayElementOther {
    static int data;

    static final VarHandle FLAGS = MethodHandles.arrayElementVarHandle(int[].class);

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        int[] flags = new int[8];
        // Warm-up (see Edges): link both access modes before the writer starts.
        FLAGS.setVolatile(new int[1], 0, 0);
        int unused = (int) FLAGS.getVolatile(new int[1], 0);
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            FLAGS.setVolatile(flags, 5, 1);
        });
        writer.start();
        Edges.sleep(100);
        int other = (int) FLAGS.getVolatile(flags, 4); // another element: no edge from setVolatile(flags, 5, 1)
        System.out.println("RaceVarHandleArrayElementOther: " + data + " " + other); // racy access
        writer.join();
    }
}
