package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * No edge: one VarHandle, two receivers. setRelease(mine, v) and getAcquire(other) access two variables.
 * Expected: race on field dev.racecheck.it.edges.RaceVarHandleFieldOtherObject$Box.data
 */
public final class RaceVarHandleFieldOtherObject {
    static final class Box {
        int data;
        boolean ready; // accessed only through READY
    }

    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findVarHandle(Box.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Box mine = new Box();
        Box other = new Box();
        // Warm-up (see Edges): link both access modes before the writer starts.
        READY.setRelease(new Box(), false);
        boolean unused = (boolean) READY.getAcquire(new Box());
        Thread writer = Edges.thread("writer", () -> {
            mine.data = 42; // racy access
            READY.setRelease(mine, true);
        });
        writer.start();
        Edges.sleep(100);
        boolean seen = (boolean) READY.getAcquire(other); // another object: no edge from setRelease(mine)
        System.out.println("RaceVarHandleFieldOtherObject: " + mine.data + " " + seen); // racy access
        writer.join();
    }
}
