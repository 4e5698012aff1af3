package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields, guarantee not covering the write: the second node is changed after the constructor returned, then
 * the owner is published by a data race.
 * Expected: race on field dev.racecheck.it.edges.RaceFinalFieldDeep$Node.value
 */
public final class RaceFinalFieldDeep {
    static final class Node {
        int value;
        Node next;
    }

    static final class Chain {
        final Node head;

        Chain() {
            head = new Node();
            head.next = new Node();
        }
    }

    static final AtomicReference<Chain> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            Chain c = new Chain();
            c.head.next.value = 2; // racy access
            slot.setPlain(c); // racy publication: no edge
        }, "writer");
        writer.start();
        Chain c;
        while ((c = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("RaceFinalFieldDeep: " + c.head.next.value); // racy access
        writer.join();
    }
}
