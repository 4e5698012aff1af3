package dev.racecheck.samples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An ArrayBlockingQueue is a buffered channel: each put() happens before the take() that receives that element.
 * Expected: no race
 */
public class NoRaceBufferedChannel {
    static final class Message {
        String text;
        int number;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Message> channel = new ArrayBlockingQueue<>(2); // make(chan *Message, 2)
        StringBuilder log = new StringBuilder(); // only the consumer touches it until main joins
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 5; i++) {
                    Message m = new Message();
                    m.text = "m" + i;
                    m.number = i;
                    channel.put(m); // blocks while the buffer is full
                }
                Message end = new Message(); // close(ch)
                end.number = -1;
                channel.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        Thread consumer = new Thread(() -> {
            try {
                int sum = 0;
                for (Message m = channel.take(); m.number >= 0; m = channel.take()) {
                    log.append(m.text).append(' ');
                    sum += m.number;
                }
                log.append("sum=").append(sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("received: " + log);
    }
}
