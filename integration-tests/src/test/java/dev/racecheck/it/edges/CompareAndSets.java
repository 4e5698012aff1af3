package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.atomic.AtomicStampedReference;
import java.util.function.BooleanSupplier;

/**
 * The compare-and-sets of {@code NoRaceCompareAndSet} and {@code RaceCompareAndSetFailed}, one per kind of atomic
 * variable: the writer's compare-and-set, given the value the variable holds ({@code succeed}) or another one, and the
 * reader's read of the variable. A compare-and-set writes, and releases, only when it succeeds.
 */
final class CompareAndSets {
    static final class Holder {
        volatile int count;
        volatile Object ref;
    }

    static final VarHandle COUNT;
    static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Holder.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<BooleanSupplier> writes = new ArrayList<>();
    private final List<Runnable> reads = new ArrayList<>();

    CompareAndSets(boolean succeed) {
        int wrong = succeed ? 0 : 5;
        AtomicInteger i = new AtomicInteger();
        path(() -> i.compareAndSet(wrong, 1), i::get);
        AtomicLong l = new AtomicLong();
        path(() -> l.compareAndSet(wrong, 1), l::get);
        AtomicBoolean b = new AtomicBoolean();
        path(() -> b.compareAndSet(!succeed, true), b::get);
        Object initial = new Object();
        Object other = new Object();
        Object expected = succeed ? initial : other;
        AtomicReference<Object> r = new AtomicReference<>(initial);
        path(() -> r.compareAndSet(expected, "set"), r::get);
        AtomicReference<Object> exchanged = new AtomicReference<>(initial);
        path(() -> exchanged.compareAndExchange(expected, "set") == expected, exchanged::get);
        AtomicStampedReference<Object> stamped = new AtomicStampedReference<>(initial, 0);
        path(() -> stamped.compareAndSet(initial, "set", wrong, 1), stamped::getReference);
        AtomicMarkableReference<Object> marked = new AtomicMarkableReference<>(initial, false);
        path(() -> marked.compareAndSet(expected, "set", false, true), marked::isMarked);
        AtomicIntegerArray ia = new AtomicIntegerArray(2);
        path(() -> ia.compareAndSet(1, wrong, 1), () -> ia.get(1));
        AtomicReferenceArray<Object> ra = new AtomicReferenceArray<>(new Object[] {initial});
        path(() -> ra.compareAndSet(0, expected, "set"), () -> ra.get(0));
        Holder h1 = new Holder();
        AtomicIntegerFieldUpdater<Holder> counts = AtomicIntegerFieldUpdater.newUpdater(Holder.class, "count");
        path(() -> counts.compareAndSet(h1, wrong, 1), () -> counts.get(h1));
        Holder h2 = new Holder();
        h2.ref = initial;
        AtomicReferenceFieldUpdater<Holder, Object> refs =
                AtomicReferenceFieldUpdater.newUpdater(Holder.class, Object.class, "ref");
        path(() -> refs.compareAndSet(h2, expected, "set"), () -> refs.get(h2));
        Holder h3 = new Holder();
        path(() -> COUNT.compareAndSet(h3, wrong, 1), () -> COUNT.getVolatile(h3));
        Object[] array = {initial};
        path(() -> ELEMENTS.compareAndSet(array, 0, expected, "set"), () -> ELEMENTS.getVolatile(array, 0));
    }

    private void path(BooleanSupplier write, Runnable read) {
        writes.add(write);
        reads.add(read);
    }

    int size() {
        return writes.size();
    }

    /** The writer's compare-and-set of path {@code i}: whether it succeeded. */
    boolean write(int i) {
        return writes.get(i).getAsBoolean();
    }

    void read(int i) {
        reads.get(i).run();
    }
}
