package dev.racecheck.agent.runtime.locks;

import java.lang.ref.WeakReference;

import dev.racecheck.reports.LockInfo;

/**
 * One lock in the lock-order graph: an object's monitor, a {@code ReentrantLock}, or a read-write lock (a
 * {@code ReentrantReadWriteLock} or a {@code StampedLock}, whose read and write locks are two modes of one node).
 * It lives in its object's {@code Shadow} and refers to the object weakly: racecheck never keeps a lock alive. What
 * a report says of it (its class and identity hash) is copied in when the node is made, so a cycle stays printable
 * after its locks are gone; the graph is keyed by {@link #id}, never by the objects.
 *
 * <p>The key object is what the lock's operations meet on: the monitor's object, the lock's shared {@code Sync}
 * (so a read-write lock's two views and its conditions are one node), the {@code StampedLock}. The name is the
 * object the program knows: the {@code ReentrantLock} or {@code ReentrantReadWriteLock} that owns the sync, when
 * racecheck saw it made ({@link Locks#created}).
 */
public final class LockNode extends WeakReference<Object> {
    final long id;
    /** {@code HeldLocks.mix(id)}, kept: an acquisition made holding this lock hashes it for the thread's edge cache. */
    final long mix;
    final int family;
    /** The named object's class and identity hash; set once (an owner seen later may replace the key's own). */
    volatile String typeName;
    volatile int identity;

    /** Out edges, guarded by {@link LockGraph}'s lock. */
    Edge[] out;
    int outCount;
    /** Whether the node is in the graph's list of nodes with edges. Guarded by the graph's lock. */
    boolean inGraph;
    /** The node of the other family on the same object (a StampedLock's monitor), or null. */
    volatile LockNode sibling;

    LockNode(Object key, int family, long id) {
        super(key);
        this.id = id;
        this.mix = HeldLocks.mix(id);
        this.family = family;
        this.typeName = typeName(key);
        this.identity = System.identityHashCode(key);
    }

    /** {@code com.example.Account}, or for a class's monitor {@code com.example.Account.class}. */
    static String typeName(Object o) {
        if (o instanceof Class<?> c) return c.getName() + ".class";
        String name = o.getClass().getName();
        // A lock's Sync seen before racecheck knew its owner: name the owner's class.
        int sync = name.indexOf("$NonfairSync");
        if (sync < 0) sync = name.indexOf("$FairSync");
        if (sync < 0 && name.endsWith("$Sync")) sync = name.length() - "$Sync".length();
        return sync > 0 && name.startsWith("java.util.concurrent.locks.") ? name.substring(0, sync) : name;
    }

    /** As reports name the object: {@code com.example.Account@1b6d3586}, or {@code com.example.Account.class}. */
    String instance() {
        String t = typeName;
        return t.endsWith(".class") ? t : t + "@" + Integer.toHexString(identity);
    }

    /** The lock as reports name it, acquired or held in {@code mode}. */
    LockInfo info(int mode) {
        LockInfo.Kind kind;
        switch (family) {
            case Locks.MONITOR:
                kind = LockInfo.Kind.MONITOR;
                break;
            case Locks.LOCK:
                kind = LockInfo.Kind.LOCK;
                break;
            default:
                kind = mode == Locks.SHARED ? LockInfo.Kind.READ_LOCK : LockInfo.Kind.WRITE_LOCK;
                break;
        }
        return new LockInfo(kind, instance());
    }

    @Override
    public String toString() {
        return "LockNode[" + id + " " + instance() + "]";
    }
}
