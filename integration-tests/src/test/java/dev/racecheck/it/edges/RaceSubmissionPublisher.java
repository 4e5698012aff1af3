package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * SubmissionPublisher, edge broken: main writes the item after submitting it; onNext reads it.
 * Expected: race on field dev.racecheck.it.edges.RaceSubmissionPublisher$Item.value
 */
public final class RaceSubmissionPublisher {
    static final class Item {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Edges.Signal written = new Edges.Signal();
        Edges.Signal read = new Edges.Signal();
        SubmissionPublisher<Item> publisher = new SubmissionPublisher<>(pool, 8);
        publisher.subscribe(new Flow.Subscriber<Item>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Item item) {
                written.await("main wrote the item");
                System.out.println("RaceSubmissionPublisher: " + item.value); // racy access
                read.raise();
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onComplete() {
            }
        });
        Item item = new Item();
        publisher.submit(item);
        item.value = 42; // racy access
        written.raise();
        read.await("the subscriber read the item");
        publisher.close();
        pool.shutdown();
    }
}
