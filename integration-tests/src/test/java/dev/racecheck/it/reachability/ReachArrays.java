package dev.racecheck.it.reachability;

import java.util.Arrays;

/** Arrays, primitive and reference: element accesses, System.arraycopy, Arrays.fill, clone, many arrays at once. */
public final class ReachArrays {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        Idle idle = new Idle();
        primitive(t);
        reference(t);
        twoThreads(t);
        copyAndFill(t);
        cloned(t);
        many(t);
        idleThread(t, idle);
        t.await();
        idle.release();
    }

    static void primitive(Tracker t) {
        int[] a = new int[16];
        for (int i = 0; i < a.length; i++) a[i] = i;
        int sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i];
        t.track("array: int[] elements written and read", a);
    }

    static void reference(Tracker t) {
        Object[] a = new Object[4];
        Box b = new Box();
        a[0] = a;
        a[1] = b;
        Object x = a[1];
        t.track("array: Object[] whose element refers to itself", a);
        t.track("array: object held in a reference array", b);
    }

    static void twoThreads(Tracker t) throws InterruptedException {
        long[] a = new long[8];
        Thread w = new Thread(() -> a[3] = 9);
        w.start();
        w.join();
        a[3]++;
        t.track("array: written by a thread, joined, read", a);
    }

    static void copyAndFill(Tracker t) {
        int[] src = new int[32];
        int[] dst = new int[32];
        Arrays.fill(src, 5);
        System.arraycopy(src, 0, dst, 0, src.length);
        t.track("array: System.arraycopy source / Arrays.fill", src);
        t.track("array: System.arraycopy destination", dst);
    }

    static void cloned(Tracker t) {
        byte[] a = new byte[8];
        a[0] = 1;
        byte[] c = a.clone();
        c[1] = a[0];
        t.track("array: clone()d", a);
        t.track("array: a clone", c);
    }

    static void many(Tracker t) {
        int[][] rows = new int[40][8];
        for (int pass = 0; pass < 2; pass++) {
            for (int[] row : rows) row[pass] = pass;
        }
        for (int i = 0; i < rows.length; i += 13) t.track("array: one of 40 rows touched in turn (" + i + ")", rows[i]);
        t.track("array: the rows' array", rows);
    }

    static void idleThread(Tracker t, Idle idle) throws InterruptedException {
        double[] a = new double[4];
        Box done = new Box();
        idle.start(() -> {
            a[0] = 1.5;
            done.flag = 1;
        });
        while (done.flag == 0) Thread.sleep(1);
        t.track("array: written by a thread that stays alive", a);
    }
}
