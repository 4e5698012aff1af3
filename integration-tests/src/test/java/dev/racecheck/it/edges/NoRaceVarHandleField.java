package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle on an instance field (findVarHandle): actions before setRelease(box, v) happen-before actions after a
 * getAcquire(box) of the same object that reads v.
 * Expected: no race
 */
public final class NoRaceVarHandleField {
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
        Box box = new Box();
        // Warm-up (see Edges): link both access modes before the writer starts.
        READY.setRelease(new Box(), false);
        boolean unused = (boolean) READY.getAcquire(new Box());
        Thread writer = Edges.thread("writer", () -> {
            box.data = 42;
            READY.setRelease(box, true);
        });
        writer.start();
        while (!(boolean) READY.getAcquire(box)) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceVarHandleField: " + box.data);
        writer.join();
    }
}
