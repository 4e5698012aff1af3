package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle volatile mode: actions before setVolatile(v) happen-before actions after a getVolatile() that reads v.
 * Expected: no race
 */
public final class NoRaceVarHandleVolatile {
    static int data;

    static boolean ready; // accessed only through READY

    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findStaticVarHandle(
                    NoRaceVarHandleVolatile.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        // Warm-up (see Edges): link both access modes here, before the writer starts, so that the first-time linking
        // of its call site in the writer thread finds the JDK's method types already made.
        READY.setVolatile(false);
        boolean unused = (boolean) READY.getVolatile();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            READY.setVolatile(true);
        });
        writer.start();
        while (!(boolean) READY.getVolatile()) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceVarHandleVolatile: " + data);
        writer.join();
    }
}
