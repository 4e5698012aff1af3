package dev.racecheck.it.edges;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * SubmissionPublisher: actions of a source thread before publishing an item (or a signal: close()) happen-before
 * the subscriber's actions after receiving it (onNext, onComplete). Main fills each item and submits it; onNext reads
 * it and adds it up; onComplete, after main's close(), counts a latch down; main reads the sum.
 * Expected: no race
 */
public final class NoRaceSubmissionPublisher {
    static final class Item {
        int value;
    }

    static int sum;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        CountDownLatch done = new CountDownLatch(1);
        SubmissionPublisher<Item> publisher = new SubmissionPublisher<>(pool, 8);
        publisher.subscribe(new Flow.Subscriber<Item>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Item item) {
                sum += item.value;
            }

            @Override
            public void onError(Throwable error) {
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        for (int i = 1; i <= 3; i++) {
            Item item = new Item();
            item.value = i;
            publisher.submit(item);
        }
        publisher.close();
        done.await();
        System.out.println("NoRaceSubmissionPublisher: " + sum);
        pool.shutdown();
    }
}
