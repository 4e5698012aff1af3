package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle plain set() is a write of the field like the field's own putfield: ordered by join(), it races with
 * nothing.
 * Expected: no race
 */
public final class NoRaceVarHandlePlainField {
    static final class Counter {
        int value;
    }

    static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Counter counter = new Counter();
        VALUE.set(new Counter(), 0); // warm-up (see Edges)
        Thread writer = Edges.thread("writer", () -> VALUE.set(counter, 42));
        writer.start();
        writer.join();
        System.out.println("NoRaceVarHandlePlainField: " + counter.value);
    }
}
