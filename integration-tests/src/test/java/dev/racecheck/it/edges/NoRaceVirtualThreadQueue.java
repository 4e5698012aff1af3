package dev.racecheck.it.edges;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * A virtual thread parked in BlockingQueue.take(): actions before put(x) happen-before its actions after take()
 * returns x.
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceVirtualThreadQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingQueue<Box> queue = new LinkedBlockingQueue<>();
        Thread virtual = Edges.startVirtual(() -> {
            try {
                Box box = queue.take(); // parks until main puts
                System.out.println("NoRaceVirtualThreadQueue: " + box.value);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Edges.awaitState(virtual, Thread.State.WAITING); // parked in take() (getState() is no edge)
        Box box = new Box();
        box.value = 42;
        queue.put(box);
        virtual.join();
    }
}
