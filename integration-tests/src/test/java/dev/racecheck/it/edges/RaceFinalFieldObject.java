package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields, guarantee not covering the write: the object the final field refers to is changed after the
 * constructor returned, then the owner is published by a data race. JLS 17.5 guarantees only what the constructor
 * left.
 * Expected: race on field dev.racecheck.it.edges.RaceFinalFieldObject$Settings.level
 */
public final class RaceFinalFieldObject {
    static final class Settings {
        int level;
    }

    static final class Service {
        final Settings settings;

        Service() {
            settings = new Settings();
            settings.level = 3;
        }
    }

    static final AtomicReference<Service> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            Service s = new Service();
            s.settings.level = 4; // racy access
            slot.setPlain(s); // racy publication: no edge
        }, "writer");
        writer.start();
        Service s;
        while ((s = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("RaceFinalFieldObject: " + s.settings.level); // racy access
        writer.join();
    }
}
