package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle plain set() and a direct read of the same field in another thread, not ordered (a sleep): the handle's
 * write and the getfield are accesses of one variable, and they race.
 * Expected: race on field dev.racecheck.it.edges.RaceVarHandlePlainField$Counter.value
 */
public final class RaceVarHandlePlainField {
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
        Thread writer = Edges.thread("writer", () -> VALUE.set(counter, 42)); // racy access
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceVarHandlePlainField: " + counter.value); // racy access
        writer.join();
    }
}
