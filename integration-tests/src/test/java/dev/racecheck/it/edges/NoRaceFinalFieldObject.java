package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields (JLS 17.5), what they reach: an object a final field refers to, set up by the constructor, is seen
 * at least as the constructor left it by every thread that sees the owner, even through a racy publication.
 * Expected: no race
 */
public final class NoRaceFinalFieldObject {
    static final class Settings {
        int level;
        String name;
    }

    static final class Service {
        final Settings settings;

        Service() {
            settings = new Settings();
            settings.level = 3;
            configure(settings); // a helper the constructor calls: still before the freeze
        }

        private static void configure(Settings s) {
            s.name = "fast";
        }
    }

    static final AtomicReference<Service> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> slot.setPlain(new Service()), "writer"); // racy publication: no edge
        writer.start();
        Service s;
        while ((s = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceFinalFieldObject: " + s.settings.level + " " + s.settings.name);
        writer.join();
    }
}
