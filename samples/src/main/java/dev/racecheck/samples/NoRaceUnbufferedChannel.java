package dev.racecheck.samples;

import java.util.concurrent.SynchronousQueue;

/**
 * A SynchronousQueue is an unbuffered channel: everything the producer did before put() happens before take() returns.
 * Expected: no race
 */
public class NoRaceUnbufferedChannel {
    static final class Message {
        String text; // plain fields: the hand-off alone makes them safe to read
        int number;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronousQueue<Message> channel = new SynchronousQueue<>(); // make(chan *Message)
        String[] received = new String[1];
        Thread producer = new Thread(() -> {
            Message m = new Message();
            m.text = "hello";
            m.number = 42;
            try {
                channel.put(m); // ch <- m: waits until the consumer takes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        Thread consumer = new Thread(() -> {
            try {
                Message m = channel.take(); // m := <-ch
                received[0] = m.text + " " + m.number;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("received: " + received[0]);
    }
}
