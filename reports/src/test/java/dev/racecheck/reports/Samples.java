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

    // --- deadlocks ---

    public static final LockInfo ACCOUNT_A = new LockInfo(LockInfo.Kind.MONITOR, "bank.Account@1b6d3586");
    public static final LockInfo ACCOUNT_B = new LockInfo(LockInfo.Kind.MONITOR, "bank.Account@4554617c");

    /**
     * The bank transfer's lock-order inversion: t1 (T2) locks A then B, t2 (T3) locks B then A. Lines shifted by
     * {@code shift}.
     */
    public static Deadlock potentialDeadlock(int shift) {
        Frame run = new Frame("bank.Bank", "lambda$main$0", "Bank.java", 9 + shift);
        Frame run2 = new Frame("bank.Bank", "lambda$main$1", "Bank.java", 10 + shift);
        return new Deadlock(Deadlock.Kind.POTENTIAL, List.of(
                new Deadlock.Edge(2, ACCOUNT_B,
                        List.of(new Frame("bank.Account", "transfer", "Account.java", 14 + shift), run, THREAD_RUN),
                        ACCOUNT_A,
                        List.of(new Frame("bank.Account", "transfer", "Account.java", 12 + shift), run, THREAD_RUN)),
                new Deadlock.Edge(3, ACCOUNT_A,
                        List.of(new Frame("bank.Account", "transfer", "Account.java", 14 + shift), run2, THREAD_RUN),
                        ACCOUNT_B,
                        List.of(new Frame("bank.Account", "transfer", "Account.java", 12 + shift), run2, THREAD_RUN))),
                List.of(new ThreadInfo(2, "t1", false, List.of(new Frame("bank.Bank", "main", "Bank.java", 11 + shift))),
                        new ThreadInfo(3, "t2", false, List.of(new Frame("bank.Bank", "main", "Bank.java", 12 + shift)))),
                1);
    }

    public static Deadlock potentialDeadlock() {
        return potentialDeadlock(0);
    }

    public static final LockInfo CACHE_LOCK =
            new LockInfo(LockInfo.Kind.LOCK, "java.util.concurrent.locks.ReentrantLock@6d06d69c");
    public static final LockInfo INDEX_WRITE_LOCK =
            new LockInfo(LockInfo.Kind.WRITE_LOCK, "java.util.concurrent.locks.ReentrantReadWriteLock@7852e922");

    /**
     * Two threads blocked right now: "loader" (T4) holds the cache's ReentrantLock and waits for the index's write
     * lock, which "indexer" (T5) holds while it waits for the cache lock; the loader's hold has no known stack.
     */
    public static Deadlock actualDeadlock() {
        Frame lock = new Frame("java.util.concurrent.locks.ReentrantLock", "lock", "ReentrantLock.java", 322,
                "java.base");
        return new Deadlock(Deadlock.Kind.ACTUAL, List.of(
                new Deadlock.Edge(4, INDEX_WRITE_LOCK,
                        List.of(new Frame("demo.Index", "put", "Index.java", 40), new Frame("demo.Cache", "load",
                                "Cache.java", 21)),
                        CACHE_LOCK, List.of()),
                new Deadlock.Edge(5, CACHE_LOCK,
                        List.of(lock, new Frame("demo.Cache", "evict", "Cache.java", 33),
                                new Frame("demo.Index", "rebuild", "Index.java", 52)),
                        INDEX_WRITE_LOCK,
                        List.of(new Frame("demo.Index", "rebuild", "Index.java", 50)))),
                List.of(new ThreadInfo(4, "loader", true, List.of()),
                        new ThreadInfo(5, "indexer", true, List.of(new Frame("demo.Main", "main", "Main.java", 8)))),
                1);
    }

    // --- predicted races and seeds ---

    public static final LockInfo BANK_MONITOR = new LockInfo(LockInfo.Kind.MONITOR, "demo.Bank@4554617c");

    /**
     * The counter race, predicted: worker-1's read and worker-2's write were ordered only because worker-1 released,
     * and worker-2 then acquired, the bank's monitor in audit(); found with schedule seed 42.
     */
    public static Race predictedRace() {
        Race r = counterRace();
        Prediction p = new Prediction(BANK_MONITOR,
                List.of(new Frame("demo.Bank", "audit", "Bank.java", 30), new Frame("demo.Counter", "next",
                        "Counter.java", 11)),
                List.of(new Frame("demo.Bank", "audit", "Bank.java", 28), new Frame("demo.Counter", "next",
                        "Counter.java", 12)));
        return new Race(r.target(), r.current(), r.previous(), r.threads(), 2, p, 42L);
    }

    // --- stacks under a test framework ---

    public static Frame jdk(String cls, String method, String file, int line) {
        return new Frame(cls, method, file, line, "java.base");
    }

    public static Frame lib(String cls, String method, String file, int line) {
        return new Frame(cls, method, file, line);
    }

    /** The reflection frames through which JUnit calls a test method (JDK 17). */
    public static List<Frame> reflection() {
        return List.of(
                jdk("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, Frame.NATIVE_METHOD),
                jdk("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke", "NativeMethodAccessorImpl.java", 77),
                jdk("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", "DelegatingMethodAccessorImpl.java", 43),
                jdk("java.lang.reflect.Method", "invoke", "Method.java", 568));
    }

    /**
     * What sits below a Jupiter test method under Maven Surefire: reflection, JUnit Platform with the JDK's collection
     * frames between its own, the Surefire provider and booter. 20 frames.
     */
    public static List<Frame> junitPlatformUnderSurefire() {
        List<Frame> f = new java.util.ArrayList<>(reflection());
        f.addAll(List.of(
                lib("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 728),
                lib("org.junit.jupiter.engine.execution.MethodInvocation", "proceed", "MethodInvocation.java", 60),
                lib("org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor", "lambda$invokeTestMethod$7",
                        "TestMethodTestDescriptor.java", 218),
                lib("org.junit.platform.engine.support.hierarchical.ThrowableCollector", "execute",
                        "ThrowableCollector.java", 73),
                lib("org.junit.platform.engine.support.hierarchical.NodeTestTask", "executeRecursively",
                        "NodeTestTask.java", 138),
                jdk("java.util.ArrayList", "forEach", "ArrayList.java", 1511),
                lib("org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService",
                        "invokeAll", "SameThreadHierarchicalTestExecutorService.java", 41),
                lib("org.junit.platform.launcher.core.EngineExecutionOrchestrator", "execute",
                        "EngineExecutionOrchestrator.java", 147),
                jdk("java.util.Optional", "ifPresent", "Optional.java", 178),
                lib("org.junit.platform.launcher.core.DefaultLauncher", "execute", "DefaultLauncher.java", 86),
                lib("org.apache.maven.surefire.junitplatform.LazyLauncher", "execute", "LazyLauncher.java", 56),
                lib("org.apache.maven.surefire.junitplatform.JUnitPlatformProvider", "invoke",
                        "JUnitPlatformProvider.java", 124),
                lib("org.apache.maven.surefire.booter.ForkedBooter", "runSuitesInProcess", "ForkedBooter.java", 385),
                lib("org.apache.maven.surefire.booter.ForkedBooter", "execute", "ForkedBooter.java", 162),
                lib("org.apache.maven.surefire.booter.ForkedBooter", "run", "ForkedBooter.java", 507),
                lib("org.apache.maven.surefire.booter.ForkedBooter", "main", "ForkedBooter.java", 495)));
        return f;
    }

    /** {@code program} then {@code tail}, as one stack. */
    @SafeVarargs
    public static List<Frame> stack(List<Frame>... parts) {
        List<Frame> all = new java.util.ArrayList<>();
        for (List<Frame> p : parts) all.addAll(p);
        return all;
    }

    /**
     * A race found in a JUnit test run under Surefire: the test method writes, a thread it started reads; the main
     * thread's access stack and the worker's start stack end in the framework's 20 frames.
     */
    public static Race raceInATest() {
        List<Frame> test = List.of(new Frame("demo.Counter", "next", "Counter.java", 12),
                new Frame("demo.CounterTest", "counts", "CounterTest.java", 20));
        List<Frame> worker = List.of(new Frame("demo.Counter", "next", "Counter.java", 11),
                new Frame("demo.CounterTest", "lambda$counts$0", "CounterTest.java", 17), THREAD_RUN);
        List<Frame> start = stack(List.of(new Frame("demo.CounterTest", "counts", "CounterTest.java", 18)),
                junitPlatformUnderSurefire());
        return new Race(new Target(Target.Kind.FIELD, "demo.Counter", "value", "demo.Counter@1b6d3586"),
                new Access(AccessKind.WRITE, 1, stack(test, junitPlatformUnderSurefire())),
                new Access(AccessKind.READ, 2, worker),
                List.of(new ThreadInfo(1, "main", true, List.of()), new ThreadInfo(2, "worker", false, start)),
                1);
    }
}
