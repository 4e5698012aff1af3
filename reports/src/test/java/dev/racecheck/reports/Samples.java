package dev.racecheck.reports;

import java.util.List;

/** Races shared by the tests; the first is the example from the README and the renderer's Javadoc. */
public final class Samples {
    private Samples() {}

    public static final Frame THREAD_RUN = new Frame("java.lang.Thread", "run", "Thread.java", 840, "java.base");

    /** The counter race: worker-2 writes what worker-1 read. Lines shifted by {@code shift}. */
    public static Race counterRace(int shift) {
        Frame lambda = new Frame("demo.RaceCounter", "lambda$main$0", "RaceCounter.java", 21 + shift);
        List<Frame> start = List.of(new Frame("demo.RaceCounter", "main", "RaceCounter.java", 24 + shift));
        return new Race(
                new Target(Target.Kind.FIELD, "demo.Counter", "value", "demo.Counter@1b6d3586"),
                new Access(AccessKind.WRITE, 3,
                        List.of(new Frame("demo.Counter", "next", "Counter.java", 12 + shift), lambda, THREAD_RUN)),
                new Access(AccessKind.READ, 2,
                        List.of(new Frame("demo.Counter", "next", "Counter.java", 11 + shift), lambda, THREAD_RUN)),
                List.of(new ThreadInfo(3, "worker-2", true, start), new ThreadInfo(2, "worker-1", false, start)),
                1);
    }

    public static Race counterRace() {
        return counterRace(0);
    }

    /** A race on a static field between the main thread and a thread started before the agent. */
    public static Race staticRace() {
        return new Race(
                new Target(Target.Kind.STATIC_FIELD, "demo.Main", "total", null),
                new Access(AccessKind.WRITE, 1, List.of(new Frame("demo.Main", "main", "Main.java", 7))),
                new Access(AccessKind.WRITE, 5, List.of(new Frame("demo.Main", "lambda$main$0", "Main.java", 4))),
                List.of(new ThreadInfo(1, "main", true, List.of()), new ThreadInfo(5, "pool-1", false, List.of())),
                3);
    }

    /**
     * A race on a container: the writer's HashMap.put against main's earlier HashMap.get, each stack starting with the
     * frame that names the operation. Lines shifted by {@code shift}.
     */
    public static Race containerRace(int shift) {
        Frame put = new Frame("java.util.HashMap", "put", "HashMap.java", -1);
        Frame get = new Frame("java.util.HashMap", "get", "HashMap.java", -1);
        return new Race(
                new Target(Target.Kind.CONTAINER, "java.util.HashMap", Target.STATE, "java.util.HashMap@5e2de80c"),
                new Access(AccessKind.WRITE, 2, List.of(put,
                        new Frame("demo.Registry", "add", "Registry.java", 14 + shift),
                        new Frame("demo.Registry", "lambda$main$0", "Registry.java", 25 + shift), THREAD_RUN)),
                new Access(AccessKind.READ, 1, List.of(get,
                        new Frame("demo.Registry", "find", "Registry.java", 18 + shift),
                        new Frame("demo.Registry", "main", "Registry.java", 28 + shift))),
                List.of(new ThreadInfo(2, "writer", false,
                                List.of(new Frame("demo.Registry", "main", "Registry.java", 26 + shift))),
                        new ThreadInfo(1, "main", true, List.of())),
                1);
    }

    public static Race containerRace() {
        return containerRace(0);
    }

    /** A race on an array element, with an unknown line, a frame without a source file and an empty stack. */
    public static Race arrayRace() {
        return new Race(
                new Target(Target.Kind.ARRAY_ELEMENT, "int[]", "[3]", "int[]@1b6d"),
                new Access(AccessKind.READ, 4, List.of(
                        new Frame("demo.Hist", "get", null, -1),
                        new Frame("demo.Hist", "run", "Hist.java", -1))),
                new Access(AccessKind.WRITE, 2, List.of()),
                List.of(new ThreadInfo(4, "reader", true, List.of(new Frame("demo.Hist", "main", "Hist.java", 30))),
                        new ThreadInfo(2, "writer", true, List.of(new Frame("demo.Hist", "main", "Hist.java", 29)))),
                1);
    }
}
