package dev.racecheck.it.reachability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** java.util.concurrent locks and synchronizers, and what they guard. */
public final class ReachLocks {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        reentrant(t);
        readWrite(t);
        stamped(t);
        optimisticValidated(t);
        optimisticNeverValidated(t);
        condition(t);
        latchAndSemaphore(t);
        t.await();
    }

    static void reentrant(Tracker t) {
        ReentrantLock lock = new ReentrantLock();
        Box b = new Box();
        lock.lock();
        try {
            b.plain++;
        } finally {
            lock.unlock();
        }
        t.track("lock: ReentrantLock", lock);
        t.track("lock: what a ReentrantLock guards", b);
    }

    static void readWrite(Tracker t) throws InterruptedException {
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        Box b = new Box();
        rw.writeLock().lock();
        b.plain = 1;
        rw.writeLock().unlock();
        Thread r = new Thread(() -> {
            rw.readLock().lock();
            int seen = b.plain;
            rw.readLock().unlock();
        });
        r.start();
        r.join();
        t.track("lock: ReentrantReadWriteLock", rw);
        t.track("lock: what a read-write lock guards", b);
    }

    static void stamped(Tracker t) {
        StampedLock sl = new StampedLock();
        Box b = new Box();
        long w = sl.writeLock();
        b.plain = 2;
        sl.unlockWrite(w);
        long r = sl.readLock();
        int seen = b.plain;
        sl.unlockRead(r);
        t.track("lock: StampedLock write and read", sl);
        t.track("lock: what a StampedLock guards", b);
    }

    static void optimisticValidated(Tracker t) {
        StampedLock sl = new StampedLock();
        Box b = new Box();
        long stamp = sl.tryOptimisticRead();
        int seen = b.plain;
        int[] cells = b.cells;
        int cell = cells[0];
        sl.validate(stamp);
        t.track("lock: StampedLock optimistic read, validated", sl);
        t.track("lock: what an optimistic read read, validated", b);
        t.track("lock: array an optimistic read read, validated", cells);
    }

    static void optimisticNeverValidated(Tracker t) {
        StampedLock sl = new StampedLock();
        Box b = new Box();
        long stamp = sl.tryOptimisticRead();
        int seen = b.plain;
        int cell = b.cells[1];
        t.track("lock: StampedLock optimistic read, never validated", sl);
        t.track("lock: what an optimistic read read, never validated", b);
    }

    static void condition(Tracker t) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        Box b = new Box();
        Thread w = new Thread(() -> {
            lock.lock();
            try {
                while (b.plain == 0) ready.awaitUninterruptibly();
            } finally {
                lock.unlock();
            }
        });
        w.start();
        lock.lock();
        try {
            b.plain = 1;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        w.join();
        t.track("lock: Condition await/signal", ready);
        t.track("lock: the lock of a Condition", lock);
    }

    static void latchAndSemaphore(Tracker t) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        Semaphore sem = new Semaphore(0);
        Box b = new Box();
        Thread w = new Thread(() -> {
            b.plain = 5;
            latch.countDown();
            sem.release();
        });
        w.start();
        latch.await();
        sem.acquire();
        int seen = b.plain;
        w.join();
        t.track("lock: CountDownLatch", latch);
        t.track("lock: Semaphore", sem);
    }
}
