package dev.racecheck.it.reachability;

import java.util.ArrayList;
import java.util.List;

/** Plain fields: every object dropped is collected, with and without racecheck. */
public final class ReachFields {
    /** What the program keeps: the clones, which must not keep their originals alive. */
    static final List<Object> KEPT = new ArrayList<>();

    static final class Cell implements Cloneable {
        int value;
        Object next;

        @Override
        public Cell clone() {
            try {
                return (Cell) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        oneThread(t);
        twoThreadsJoined(t);
        selfReference(t);
        cloneKept(t);
        t.await();
    }

    static void oneThread(Tracker t) {
        Box b = new Box();
        b.plain = 1;
        b.plain += b.plain;
        t.track("field: written and read by one thread", b);
    }

    static void twoThreadsJoined(Tracker t) throws InterruptedException {
        Box b = new Box();
        Thread w = new Thread(() -> b.plain = 42);
        w.start();
        w.join();
        b.plain++;
        t.track("field: written by a thread, joined, read", b);
    }

    static void selfReference(Tracker t) {
        Cell c = new Cell();
        c.next = c;
        c.value = 7;
        t.track("field: an object whose field refers to itself", c);
    }

    static void cloneKept(Tracker t) {
        Cell original = new Cell();
        original.value = 3;
        original.next = "x";
        Cell copy = original.clone();
        KEPT.add(copy);
        t.track("field: original of a clone the program keeps", original);
    }
}
