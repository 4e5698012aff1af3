package dev.racecheck.bench.workloads;

/** The start-up measurement: a JVM that prints one line, timed without and with the agent. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
