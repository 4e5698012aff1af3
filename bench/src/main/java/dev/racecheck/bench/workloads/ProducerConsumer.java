package dev.racecheck.bench.workloads;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Lock-heavy pipeline: producers make {@code size} item objects and hand them through a bounded buffer guarded by a
 * {@link ReentrantLock} with two conditions to relay threads, which transform each item (plain field writes) and
 * pass it on through a second bounded buffer guarded by {@code synchronized}, {@code wait} and {@code notifyAll} to
 * consumers. Each item's fields are written by one thread and read by the next: ownership moves with the lock.
 * Both buffers hold 64 items; each stage has {@code max(1, threads / 2)} threads.
 *
 * <p>Check: every item arrives exactly once, transformed, and the consumers' sums match the closed form.
 */
public final class ProducerConsumer {
    public static final int DEFAULT_SIZE = 300_000;
    private static final int CAPACITY = 64;

    private ProducerConsumer() {
    }

    /** One unit of work; its fields are plain, owned by whichever thread holds it. */
    static final class Item {
        int id;
        long value;
        int hops;
    }

    private static final Item END = new Item();

    /** A ring buffer with a lock and two conditions. */
    static final class LockBuffer {
        private final Item[] slots = new Item[CAPACITY];
        private int head;
        private int count;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();

        void put(Item item) throws InterruptedException {
            lock.lock();
            try {
                while (count == slots.length) notFull.await();
                slots[(head + count) % slots.length] = item;
                count++;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        Item take() throws InterruptedException {
            lock.lock();
            try {
                while (count == 0) notEmpty.await();
                Item item = slots[head];
                slots[head] = null;
                head = (head + 1) % slots.length;
                count--;
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A ring buffer on the buffer's own monitor. */
    static final class MonitorBuffer {
        private final Item[] slots = new Item[CAPACITY];
        private int head;
        private int count;

        synchronized void put(Item item) throws InterruptedException {
            while (count == slots.length) wait();
            slots[(head + count) % slots.length] = item;
            count++;
            notifyAll();
        }

        synchronized Item take() throws InterruptedException {
            while (count == 0) wait();
            Item item = slots[head];
            slots[head] = null;
            head = (head + 1) % slots.length;
            count--;
            notifyAll();
            return item;
        }
    }

    public static void main(String[] args) {
        Harness.main("producerconsumer", args, DEFAULT_SIZE, ProducerConsumer::run);
    }

    public static Check run(int items, int threads) throws InterruptedException {
        int perStage = Math.max(1, threads / 2);
        LockBuffer first = new LockBuffer();
        MonitorBuffer second = new MonitorBuffer();
        long[] consumerSums = new long[perStage];
        int[] consumerCounts = new int[perStage];
        boolean[] seen = new boolean[items];
        Object seenLock = new Object();

        Thread[] all = new Thread[3 * perStage];
        for (int p = 0; p < perStage; p++) {
            int part = p;
            all[p] = new Thread(() -> {
                try {
                    int to = Harness.from(part + 1, perStage, items);
                    for (int id = Harness.from(part, perStage, items); id < to; id++) {
                        Item item = new Item();
                        item.id = id;
                        item.value = 3L * id + 1;
                        first.put(item);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "producer-" + p);
            all[perStage + p] = new Thread(() -> {
                try {
                    for (Item item = first.take(); item != END; item = first.take()) {
                        item.value = item.value * 2 + item.id % 7;
                        item.hops++;
                        second.put(item);
                    }
                    second.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "relay-" + p);
            all[2 * perStage + p] = new Thread(() -> {
                try {
                    long sum = 0;
                    int count = 0;
                    for (Item item = second.take(); item != END; item = second.take()) {
                        if (item.hops != 1) throw new IllegalStateException("item " + item.id + " has " + item.hops + " hops");
                        sum += item.value;
                        count++;
                        synchronized (seenLock) {
                            if (seen[item.id]) throw new IllegalStateException("item " + item.id + " arrived twice");
                            seen[item.id] = true;
                        }
                    }
                    consumerSums[part] = sum;
                    consumerCounts[part] = count;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "consumer-" + p);
        }
        for (Thread t : all) t.start();
        for (int p = 0; p < perStage; p++) all[p].join();
        for (int p = 0; p < perStage; p++) first.put(END); // one end mark per relay
        for (Thread t : all) t.join();

        long sum = 0;
        long count = 0;
        for (int p = 0; p < perStage; p++) {
            sum += consumerSums[p];
            count += consumerCounts[p];
        }
        long expected = 0;
        for (int id = 0; id < items; id++) expected += (3L * id + 1) * 2 + id % 7;
        for (int id = 0; id < items; id++) {
            if (!seen[id]) return Check.of(false, "item " + id + " never arrived");
        }
        return Check.of(count == items && sum == expected, count + " items, sum " + sum + ", expected " + expected);
    }
}
