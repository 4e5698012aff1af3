package dev.racecheck.it.reachability;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reachability probe drops, and whether the GC collects it. A probe makes each object in a method of its own
 * (so no local of a live frame keeps it), lets racecheck meet it, drops every reference and {@link #track}s it; then
 * {@link #await} makes the GC work and prints one line per pattern: {@code <pattern>: collected} or
 * {@code <pattern>: STILL REACHABLE}.
 *
 * <p>The kind of reference is the probe's first argument: {@code weak} (default; GC until cleared, a few seconds at
 * most), {@code phantom} (GC until enqueued on a {@link ReferenceQueue}) or {@code soft} (run with a small
 * {@code -Xmx}: fill the heap until the soft references are cleared, which the JVM must do before it throws
 * {@link OutOfMemoryError}; a reference still set after that names an object something keeps strongly reachable).
 */
final class Tracker {
    /** GC rounds for weak and phantom references; each sleeps {@value #ROUND_MILLIS} ms. */
    private static final int ROUNDS = 60;
    private static final long ROUND_MILLIS = 50;

    private final String kind;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final List<String> names = new ArrayList<>();
    private final List<Reference<Object>> refs = new ArrayList<>();
    private final Map<Reference<?>, Boolean> enqueued = new IdentityHashMap<>();

    Tracker(String[] args) {
        kind = args.length > 0 ? args[0] : "weak";
        if (!kind.equals("weak") && !kind.equals("soft") && !kind.equals("phantom")) {
            throw new IllegalArgumentException("reference kind: weak, soft or phantom, not " + kind);
        }
    }

    /** {@code o} must become unreachable once the caller returns. */
    void track(String pattern, Object o) {
        names.add(pattern);
        switch (kind) {
            case "soft" -> refs.add(new SoftReference<>(o, queue));
            case "phantom" -> refs.add(new PhantomReference<>(o, queue));
            default -> refs.add(new WeakReference<>(o, queue));
        }
    }

    /** Makes the GC collect what it can, then prints a line per pattern. */
    void await() throws InterruptedException {
        if (kind.equals("soft")) fillHeap();
        for (int round = 0; round < ROUNDS && !allGone(); round++) {
            System.gc();
            Thread.sleep(ROUND_MILLIS);
        }
        for (int i = 0; i < refs.size(); i++) {
            System.out.println(names.get(i) + ": " + (gone(refs.get(i)) ? "collected" : "STILL REACHABLE"));
        }
        System.out.println("tracked " + refs.size() + " (" + kind + ")");
    }

    /**
     * Allocates 1 MB blocks, held, until every soft reference is cleared or the heap is full (the JVM clears soft
     * references before it throws OutOfMemoryError). The holder's slots are written once before the loop, so that
     * nothing but the blocks is allocated while memory runs out.
     */
    private void fillHeap() {
        byte[][] blocks = new byte[4096][];
        for (int i = 0; i < blocks.length; i++) blocks[i] = null;
        try {
            for (int i = 0; i < blocks.length && !allGone(); i++) blocks[i] = new byte[1 << 20];
        } catch (OutOfMemoryError expected) {
            blocks = null;
        }
        blocks = null;
    }

    private boolean allGone() {
        for (Reference<?> r; (r = queue.poll()) != null; ) enqueued.put(r, Boolean.TRUE);
        for (Reference<Object> r : refs) {
            if (!gone(r)) return false;
        }
        return true;
    }

    private boolean gone(Reference<Object> r) {
        return kind.equals("phantom") ? enqueued.containsKey(r) : r.get() == null;
    }
}
