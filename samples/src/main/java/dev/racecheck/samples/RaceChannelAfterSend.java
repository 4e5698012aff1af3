package dev.racecheck.samples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Sending an object hands it over: a producer that modifies it after put() races with the consumer.
 * Expected: race on field dev.racecheck.samples.RaceChannelAfterSend$Message.text
 */
public class RaceChannelAfterSend {
    static final class Message {
        String text;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Message> channel = new ArrayBlockingQueue<>(1);
        String[] received = new String[1];
        Thread producer = new Thread(() -> {
            Message m = new Message();
            m.text = "draft"; // fine: happens before put(), so before the consumer's take()
            try {
                channel.put(m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // BUG: the message was already sent; the consumer may be reading it right now.
            m.text = "final"; // racy access
        }, "producer");
        Thread consumer = new Thread(() -> {
            try {
                Message m = channel.take();
                received[0] = m.text; // racy access
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("consumer received: " + received[0] + " (draft or final)");
    }
}
