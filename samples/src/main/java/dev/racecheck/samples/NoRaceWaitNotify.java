package dev.racecheck.samples;

/**
 * A guarded block: the consumer waits on a monitor until the producer, holding the same monitor, sets the condition and notifies.
 * Expected: no race
 */
public class NoRaceWaitNotify {
    private final Object lock = new Object();
    private boolean ready;  // guarded by lock
    private String payload; // guarded by lock

    void produce(String value) {
        synchronized (lock) {
            payload = value;
            ready = true;
            lock.notifyAll();
        }
    }

    String consume() throws InterruptedException {
        synchronized (lock) {
            while (!ready) { // always wait in a loop: wake-ups can be spurious
                lock.wait(); // releases the monitor while waiting, takes it again before returning
            }
            return payload;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceWaitNotify box = new NoRaceWaitNotify();
        String[] received = new String[1];
        Thread consumer = new Thread(() -> {
            try {
                received[0] = box.consume();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        Thread producer = new Thread(() -> box.produce("the payload"), "producer");
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
        System.out.println("consumer received: " + received[0]);
    }
}
