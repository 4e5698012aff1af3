package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields (JLS 17.5), what they reach through more than one reference: the guarantee covers every object
 * reachable through the final field, here the second node of a list the constructor built.
 * Expected: no race
 */
public final class NoRaceFinalFieldDeep {
    static final class Node {
        int value;
        Node next;
    }

    static final class Chain {
        final Node head;

        Chain() {
            head = new Node();
            head.value = 1;
            head.next = new Node();
            head.next.value = 2;
        }
    }

    static final AtomicReference<Chain> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> slot.setPlain(new Chain()), "writer"); // racy publication: no edge
        writer.start();
        Chain c;
        while ((c = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceFinalFieldDeep: " + c.head.value + " " + c.head.next.value);
        writer.join();
    }
}
