package dev.racecheck.it.edges;

/**
 * Class initialization, edge removed: a static field written after initialization (outside the static initializer)
 * is an ordinary write.
 * Expected: race on static field dev.racecheck.it.edges.RaceClassInit$Config.port
 */
public final class RaceClassInit {
    static final class Config {
        static int port;
        static int[] table;

        static {
            table = new int[] {1, 2, 3};
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Edges.Signal written = new Edges.Signal();
        Thread reader = new Thread(() -> {
            written.await("main wrote Config.port");
            System.out.println("RaceClassInit: reader " + Config.port + " " + Config.table[1]); // racy access
        }, "reader");
        reader.start();
        Config.port = 8080; // racy access
        written.raise();
        reader.join();
    }
}
