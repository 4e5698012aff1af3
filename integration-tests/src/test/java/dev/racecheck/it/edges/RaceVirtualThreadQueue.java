package dev.racecheck.it.edges;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * A virtual thread parked in BlockingQueue.take(), edge broken: main writes after put(x).
 * Requires: JDK 21
 * Expected: race on field dev.racecheck.it.edges.RaceVirtualThreadQueue$Box.value
 */
public final class RaceVirtualThreadQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingQueue<Box> queue = new LinkedBlockingQueue<>();
        Thread virtual = Edges.startVirtual(() -> {
            try {
                Box box = queue.take(); // parks until main puts
                Edges.sleep(100);
                System.out.println("RaceVirtualThreadQueue: " + box.value); // racy access
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Edges.awaitState(virtual, Thread.State.WAITING); // parked in take() (getState() is no edge)
        Box box = new Box();
        queue.put(box);
        box.value = 42; // racy access
        virtual.join();
    }
}
