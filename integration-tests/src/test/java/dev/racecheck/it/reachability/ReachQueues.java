package dev.racecheck.it.reachability;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** Hand-offs: queues, an exchanger, concurrent maps; consumers stay alive afterwards. */
public final class ReachQueues {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        Idle idle = new Idle();
        blocking(t, idle, "ArrayBlockingQueue", new ArrayBlockingQueue<>(4));
        blocking(t, idle, "LinkedBlockingQueue", new LinkedBlockingQueue<>());
        blocking(t, idle, "SynchronousQueue", new SynchronousQueue<>());
        concurrentLinked(t, idle);
        exchanger(t, idle);
        concurrentMap(t, idle);
        copyOnWrite(t, idle);
        t.await();
        idle.release();
    }

    static void blocking(Tracker t, Idle idle, String name, BlockingQueue<Box> queue) throws InterruptedException {
        Box b = new Box();
        Box done = new Box();
        idle.start(() -> {
            try {
                Box got = queue.poll(10, TimeUnit.SECONDS);
                got.plain++;
                done.flag = 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        queue.put(b);
        while (done.flag == 0) Thread.sleep(1);
        t.track("queue: " + name, queue);
        t.track("queue: element handed off through a " + name, b);
    }

    static void concurrentLinked(Tracker t, Idle idle) throws InterruptedException {
        ConcurrentLinkedQueue<Box> queue = new ConcurrentLinkedQueue<>();
        Box b = new Box();
        Box done = new Box();
        idle.start(() -> {
            Box got;
            while ((got = queue.poll()) == null) Thread.onSpinWait();
            got.plain++;
            done.flag = 1;
        });
        queue.offer(b);
        while (done.flag == 0) Thread.sleep(1);
        t.track("queue: ConcurrentLinkedQueue", queue);
        t.track("queue: element handed off through a ConcurrentLinkedQueue", b);
    }

    static void exchanger(Tracker t, Idle idle) throws Exception {
        Exchanger<Box> ex = new Exchanger<>();
        Box mine = new Box();
        Box theirs = new Box();
        Box[] got = new Box[1];
        Thread w = new Thread(() -> {
            try {
                ex.exchange(theirs).plain++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        w.start();
        ex.exchange(mine).plain++;
        w.join();
        t.track("queue: Exchanger", ex);
        t.track("queue: object given to an Exchanger", mine);
        t.track("queue: object taken from an Exchanger", theirs);
    }

    static void concurrentMap(Tracker t, Idle idle) throws InterruptedException {
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        Box b = new Box();
        Box done = new Box();
        idle.start(() -> {
            Box got;
            while ((got = map.get("k")) == null) Thread.onSpinWait();
            got.plain++;
            map.remove("k");
            done.flag = 1;
        });
        map.put("k", b);
        while (done.flag == 0) Thread.sleep(1);
        t.track("queue: ConcurrentHashMap", map);
        t.track("queue: value handed off through a ConcurrentHashMap", b);
    }

    static void copyOnWrite(Tracker t, Idle idle) throws InterruptedException {
        CopyOnWriteArrayList<Box> list = new CopyOnWriteArrayList<>();
        Box b = new Box();
        Box done = new Box();
        idle.start(() -> {
            while (list.isEmpty()) Thread.onSpinWait();
            list.get(0).plain++;
            list.clear();
            done.flag = 1;
        });
        list.add(b);
        while (done.flag == 0) Thread.sleep(1);
        t.track("queue: CopyOnWriteArrayList", list);
        t.track("queue: element handed off through a CopyOnWriteArrayList", b);
    }
}
