package dev.racecheck.agent.runtime.predict;

import java.util.Arrays;

/**
 * The call sites in application code of the JDK's lock methods ({@code Lock.lock()}, {@code unlock()},
 * {@code tryLock}, the {@code StampedLock} lock and unlock methods), marked by the instrumenter in predictive mode.
 *
 * <p>A JDK lock method's hook cannot tell who called it: the program, or JDK code locking for itself (a
 * {@code LinkedBlockingQueue}'s internal lock, whose critical sections carry the queue's state, which racecheck does
 * not see). Only the first are the program's critical sections, which the predictive detector may reorder. The hook
 * looks at the innermost application frame's current call site: JDK frames push none, so while the program's
 * {@code lock.lock()} runs, that site is the call, and while a {@code queue.put(x)} runs, it is the put. Every call
 * instruction has a site of its own ({@code Sites.register}), so two calls on one line are told apart.
 */
public final class LockCalls {
    /** Bit i: site i is a lock call. Replaced, never changed in place after publication, so reads need no lock. */
    private static volatile long[] marked = new long[64];

    private LockCalls() {
        // no instances
    }

    /** The instrumenter registered {@code site} for a call of a lock method. */
    public static synchronized void mark(int site) {
        long[] m = marked;
        int word = site >>> 6;
        if (word >= m.length) m = Arrays.copyOf(m, Math.max(word + 1, m.length * 2));
        else m = m.clone();
        m[word] |= 1L << site;
        marked = m;
    }

    public static boolean isLockCall(int site) {
        long[] m = marked;
        int word = site >>> 6;
        return site > 0 && word < m.length && (m[word] & (1L << site)) != 0;
    }

    /**
     * Whether a call instruction calls a JDK lock method: by name and descriptor, on {@code Lock},
     * {@code ReentrantLock} (or a subclass), a read-write lock's read or write lock, or {@code StampedLock}.
     * {@code lockType} says whether the owner named in the instruction is one of those types.
     */
    public static boolean isLockMethod(String name, String desc, boolean lockType, boolean stampedLock) {
        if (lockType) {
            switch (name + desc) {
                case "lock()V": case "lockInterruptibly()V": case "tryLock()Z":
                case "tryLock(JLjava/util/concurrent/TimeUnit;)Z": case "unlock()V":
                    return true;
                default:
                    return false;
            }
        }
        if (stampedLock) {
            switch (name) {
                case "writeLock": case "writeLockInterruptibly": case "readLock": case "readLockInterruptibly":
                case "tryWriteLock": case "tryReadLock": case "unlockWrite": case "unlockRead": case "unlock":
                case "tryUnlockWrite": case "tryUnlockRead": case "tryConvertToWriteLock": case "tryConvertToReadLock":
                case "tryConvertToOptimisticRead":
                    return true;
                default:
                    return false;
            }
        }
        return false;
    }
}
