package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle on array elements (arrayElementVarHandle): actions before setVolatile(flags, i, v) happen-before
 * actions after a getVolatile(flags, i) that reads v.
 * Expected: no race
 */
public final class NoRaceVarHandleArrayElement {
    static int data;

    static final VarHandle FLAGS = MethodHandles.arrayElementVarHandle(int[].class);

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        int[] flags = new int[8];
        // Warm-up (see Edges): link both access modes before the writer starts.
        FLAGS.setVolatile(new int[1], 0, 0);
        int unused = (int) FLAGS.getVolatile(new int[1], 0);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            FLAGS.setVolatile(flags, 5, 1);
        });
        writer.start();
        while ((int) FLAGS.getVolatile(flags, 5) == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceVarHandleArrayElement: " + data);
        writer.join();
    }
}
