package dev.racecheck.it.edges;

/**
 * Class initialization (JLS 12.4.2): everything a static initializer did happens-before every use of the class by
 * another thread. Main initializes Config after starting the reader, so only this edge orders the reader's reads.
 * Expected: no race
 */
public final class NoRaceClassInit {
    static final class Config {
        static int port;
        static int[] table;

        static {
            port = 8080;
            table = new int[] {1, 2, 3};
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Edges.Signal initialized = new Edges.Signal();
        Thread reader = new Thread(() -> {
            initialized.await("main initialized Config");
            System.out.println("NoRaceClassInit: reader " + Config.port + " " + Config.table[1]);
        }, "reader");
        reader.start();
        System.out.println("NoRaceClassInit: main " + Config.port + " " + Config.table[1]);
        initialized.raise();
        reader.join();
    }
}
