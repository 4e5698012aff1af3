package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * {@link NoRaceCryptHalvesJoined} where main awaits a latch that only the first thread counts down once its half is
 * done, reads that half, and reads element 750,000 of the second half before joining the second thread (it waits for
 * that thread's end in time only): the second thread's write of it is unordered with the read.
 * Expected: race on array element byte[750000]
 */
public final class RaceCryptHalvesReadBeforeSecondJoin {
    static final int N = 1_000_000;

    public static void main(String[] args) throws Exception {
        byte[] text = new byte[N];
        for (int i = 0; i < N; i++) text[i] = (byte) i;
        CountDownLatch firstDone = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            crypt(text, 0, N / 2, 0x5a);
            firstDone.countDown();
        }, "first-half");
        Thread second = new Thread(() -> {
            for (int i = N / 2; i < N; i++) text[i] = (byte) (text[i] ^ 0x3c ^ (i * 31)); // racy access
        }, "second-half");
        first.start();
        second.start();
        firstDone.await();
        long sum = 0;
        for (int i = 0; i < N / 2; i++) sum += text[i];
        Waits.awaitEnd(second); // in time only: the second half's writes are still unordered with the read below
        sum += text[750_000]; // racy access
        first.join();
        second.join();
        System.out.println("RaceCryptHalvesReadBeforeSecondJoin: " + sum);
    }

    static void crypt(byte[] text, int from, int to, int key) {
        for (int i = from; i < to; i++) text[i] = (byte) (text[i] ^ key ^ (i * 31));
    }
}
