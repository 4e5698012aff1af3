package dev.racecheck.reports;

/**
 * A lock as reports name it: an object's monitor ({@code synchronized}), a {@link java.util.concurrent.locks.Lock}
 * such as a {@code ReentrantLock}, or the read or write lock of a read-write lock.
 *
 * @param kind     which of the object's locks
 * @param instance the object as {@code Type@hexIdentity} ({@code bank.Account@1b6d3586}, binary class name and
 *                 identity hash as {@link Target#instance()} writes them); for a read or write lock, the read-write
 *                 lock that owns it ({@code java.util.concurrent.locks.ReentrantReadWriteLock@4554617c})
 */
public record LockInfo(Kind kind, String instance) {

    /** Which lock of the object. */
    public enum Kind {
        /** The object's monitor, taken by {@code synchronized}. */
        MONITOR,
        /** The object itself is the lock: a {@code ReentrantLock} or another {@code Lock}. */
        LOCK,
        /** The read lock of a {@code ReentrantReadWriteLock} or {@code StampedLock}. */
        READ_LOCK,
        /** The write lock of a {@code ReentrantReadWriteLock} or {@code StampedLock}. */
        WRITE_LOCK
    }

    /**
     * As text names it inside a sentence: {@code monitor bank.Account@1b6d3586},
     * {@code java.util.concurrent.locks.ReentrantLock@4554617c},
     * {@code write lock of java.util.concurrent.locks.ReentrantReadWriteLock@5e2de80c}.
     */
    public String describe() {
        return switch (kind) {
            case MONITOR -> "monitor " + instance;
            case LOCK -> instance;
            case READ_LOCK -> "read lock of " + instance;
            case WRITE_LOCK -> "write lock of " + instance;
        };
    }

    /**
     * As text names it at the start of a sentence: {@code Monitor bank.Account@1b6d3586},
     * {@code Lock java.util.concurrent.locks.ReentrantLock@4554617c}, {@code Write lock of ...}.
     */
    public String title() {
        return switch (kind) {
            case MONITOR -> "Monitor " + instance;
            case LOCK -> "Lock " + instance;
            case READ_LOCK -> "Read lock of " + instance;
            case WRITE_LOCK -> "Write lock of " + instance;
        };
    }

    /**
     * The lock object's class, {@code bank.Account}: {@link #instance()} without its identity hash; the whole
     * instance when it has no {@code @}.
     */
    public String className() {
        if (instance == null) return null;
        int at = instance.lastIndexOf('@');
        return at < 0 ? instance : instance.substring(0, at);
    }
}
