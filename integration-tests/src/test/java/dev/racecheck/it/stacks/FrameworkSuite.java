package dev.racecheck.it.stacks;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A test suite under a test framework, in miniature: a launcher, an engine and a tree of nodes (suite, classes, test
 * methods) executed the way JUnit does it, each node through a throwable collector, a chain of interceptors and
 * {@code children.forEach}, each test method by reflection. A test method runs under about 70 frames, most of them
 * the framework's and the same for every test. The test classes are given on the command line ({@link
 * GeneratedTests} writes them); their tests call {@link #touch} and, a few of them, {@link #race}.
 * <p>Expected: race on static field dev.racecheck.it.stacks.FrameworkSuite.racy
 *
 * <p>{@link #race} prints, once, the stack of its first racy write as a StackWalker sees it, one {@code STACK} line
 * per frame: the report's stack of that access (the earlier one of the race) must be the same.
 */
public final class FrameworkSuite {
    /** Shared state every test touches, so that each test makes new call paths. */
    static int hits;
    static long total;
    static int last;
    static int deepest;
    static int racy;
    private static boolean stackPrinted;

    private FrameworkSuite() {
    }

    /** {@code FrameworkSuite [--pause FILE] TestClass...}: with --pause, waits for FILE to exist before exiting. */
    public static void main(String[] args) throws Exception {
        int first = 0;
        Path pause = null;
        if (args.length > 1 && args[0].equals("--pause")) {
            pause = Path.of(args[1]);
            first = 2;
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : Arrays.copyOfRange(args, first, args.length)) classes.add(Class.forName(name));
        long start = System.nanoTime();
        int tests = new Launcher().execute(classes);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("tests=" + tests + " hits=" + hits + " millis=" + millis);
        if (pause != null) {
            System.out.println("paused");
            while (!Files.exists(pause)) Thread.sleep(50);
        }
    }

    /** What a test does to shared state: a few accesses here and a few levels below. */
    public static void touch(int test) {
        hits++;
        total += test;
        last = test;
        deeper(test, 3);
    }

    private static void deeper(int test, int levels) {
        if (levels == 0) return;
        if (deepest < levels) deepest = levels;
        deeper(test, levels - 1);
    }

    /**
     * A race under the framework's stack: main writes {@link #racy}, then a thread it started before writes it, and
     * nothing orders the two ({@link Signal} is not instrumented, so its volatile flag is no edge for racecheck).
     */
    public static void race() throws InterruptedException {
        Signal.lower();
        Thread other = new Thread(FrameworkSuite::raceOther, "racer");
        other.start();
        racy = printStackOnce(); // racy access
        Signal.raise();
        other.join();
    }

    private static void raceOther() {
        Signal.await();
        racy = 2; // racy access
    }

    /** Prints its caller's stack once, innermost frame first, as racecheck prints frames. */
    private static int printStackOnce() {
        if (stackPrinted) return 1;
        stackPrinted = true;
        StringBuilder sb = new StringBuilder();
        StackWalker.getInstance().walk(s -> s.skip(1).map(StackWalker.StackFrame::toStackTraceElement).toList())
                .forEach(e -> sb.append("STACK ").append(e.getModuleName() == null ? "" : e.getModuleName() + "/")
                        .append(e.getClassName()).append('.').append(e.getMethodName()).append('(')
                        .append(e.getFileName()).append(':').append(e.getLineNumber()).append(")\n"));
        System.out.print(sb);
        return 1;
    }

    // ---- the framework -------------------------------------------------------------------------------------

    /** A node of the test tree: the suite, a class or a test method. */
    static final class Node {
        final String name;
        final List<Node> children = new ArrayList<>();
        final Class<?> testClass;
        final Method test;

        Node(String name, Class<?> testClass, Method test) {
            this.name = name;
            this.testClass = testClass;
            this.test = test;
        }
    }

    static final class Launcher {
        int execute(List<Class<?>> classes) {
            Node suite = discover(classes);
            return new Session(suite).open();
        }

        private Node discover(List<Class<?>> classes) {
            Node suite = new Node("suite", null, null);
            for (Class<?> c : classes) {
                Node cls = new Node(c.getName(), c, null);
                Method[] methods = c.getDeclaredMethods();
                Arrays.sort(methods, Comparator.comparing(Method::getName));
                for (Method m : methods) {
                    if (m.getName().startsWith("test")) cls.children.add(new Node(m.getName(), c, m));
                }
                suite.children.add(cls);
            }
            return suite;
        }
    }

    static final class Session {
        private final Node suite;

        Session(Node suite) {
            this.suite = suite;
        }

        int open() {
            return new Orchestrator().execute(suite, 6);
        }
    }

    static final class Orchestrator {
        /** Layers of engine set-up between the session and the root node: each one more frame, as in a real engine. */
        int execute(Node suite, int layers) {
            if (layers > 0) return execute(suite, layers - 1);
            Listener.reset();
            new NodeTask(suite).execute();
            return Listener.finished;
        }
    }

    /** Executes one node the way JUnit's NodeTestTask does: collector, interceptor chain, then children or test. */
    static final class NodeTask {
        private final Node node;

        NodeTask(Node node) {
            this.node = node;
        }

        void execute() {
            ThrowableCollector collector = new ThrowableCollector();
            collector.execute(this::executeRecursively);
            collector.rethrow();
        }

        private void executeRecursively() {
            new InterceptorChain(node, 8).proceed(this::body);
        }

        private void body() {
            if (node.test != null) {
                Invoker.run(node);
            } else {
                node.children.forEach(child -> new NodeTask(child).execute());
            }
        }
    }

    /** Interceptors around a node, each a frame: the extensions JUnit calls around every test. */
    static final class InterceptorChain {
        private final Node node;
        private final int remaining;

        InterceptorChain(Node node, int remaining) {
            this.node = node;
            this.remaining = remaining;
        }

        void proceed(Runnable body) {
            if (remaining == 0) {
                body.run();
            } else if (remaining % 2 == 0) {
                Interceptor.around(new InterceptorChain(node, remaining - 1), body);
            } else {
                new InterceptorChain(node, remaining - 1).proceed(body);
            }
        }
    }

    static final class Interceptor {
        static void around(InterceptorChain next, Runnable body) {
            next.proceed(body);
        }
    }

    static final class ThrowableCollector {
        private Throwable thrown;

        void execute(Runnable r) {
            try {
                r.run();
            } catch (Throwable t) {
                thrown = t;
            }
        }

        void rethrow() {
            if (thrown instanceof RuntimeException e) throw e;
            if (thrown instanceof Error e) throw e;
            if (thrown != null) throw new IllegalStateException(thrown);
        }
    }

    static final class Invoker {
        static void run(Node test) {
            Listener.started(test.name);
            try {
                Object instance = test.testClass.getDeclaredConstructor().newInstance();
                test.test.invoke(instance);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(test.name, e);
            }
            Listener.finished(test.name);
        }
    }

    /** The framework's listener: synchronized, so each test starts a new epoch, as in a real runner. */
    static final class Listener {
        static int started;
        static int finished;

        static synchronized void reset() {
            started = 0;
            finished = 0;
        }

        static synchronized void started(String name) {
            started++;
        }

        static synchronized void finished(String name) {
            finished++;
        }
    }
}
