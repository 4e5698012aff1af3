package dev.racecheck.agent.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.ThreadInfo;
import dev.racecheck.reports.text.TextRenderer;

/**
 * The cold path: turns a race the detector found into a report, prints it at once (a later crash loses
 * nothing), and keeps it for the summary at exit. Each distinct pair of access sites is reported once; repeats
 * only raise its count, as Go's detector does.
 */
final class Reporter {
    private static final Object LOCK = new Object();
    /** Unordered pair of access sites to number of occurrences. Guarded by LOCK. */
    private static final Map<Long, long[]> SEEN = new HashMap<>();
    private static final List<Race> RACES = new ArrayList<>();
    private static final List<long[]> COUNTS = new ArrayList<>();
    /** Per race: its text and the test tag of the thread that found it; text set to null once taken. */
    private static final List<String> TEXTS = new ArrayList<>();
    private static final List<String> TESTS = new ArrayList<>();
    private static PrintStream log;
    /** Races left out by the suppressions, and races reported that are in the baseline. Guarded by LOCK. */
    private static int suppressed;
    private static int knownRaces;

    private Reporter() {
        // no instances
    }

    /**
     * Reports a race between the current access and an earlier one, unless the same pair of sites was reported
     * already. Never throws: a failure here must not reach the program.
     */
    static void race(ThreadState t, int site, boolean write, Object target, int kind, int key,
                     long previousEpoch, boolean previousWrite, int previousPath) {
        race(t, site, write, target, kind, key, previousEpoch, previousWrite, previousPath, -1);
    }

    /**
     * The same, for an access made earlier than now (a StampedLock optimistic read, checked at validate): its stack is
     * that of call path {@code currentPath}, not the thread's stack at the time of the report; -1 for the latter.
     */
    static void race(ThreadState t, int site, boolean write, Object target, int kind, int key,
                     long previousEpoch, boolean previousWrite, int previousPath, int currentPath) {
        t.ignore++;
        try {
            int previousSite = CallPaths.site(previousPath);
            long pair = site < previousSite
                    ? ((long) site << 32) | previousSite
                    : ((long) previousSite << 32) | site;
            long[] count;
            synchronized (LOCK) {
                long[] seen = SEEN.get(pair);
                if (seen != null) {
                    seen[0]++;
                    return;
                }
                count = new long[] {1};
                SEEN.put(pair, count);
            }
            List<Frame> stack = currentPath < 0 ? CallPaths.captureStack() : CallPaths.frames(currentPath);
            List<Frame> previousStack = CallPaths.frames(previousPath);
            if (kind == Detector.CONTAINER) {
                stack = Containers.withOperation(target, site, stack);
                previousStack = Containers.withOperation(target, previousSite, previousStack);
            }
            ThreadRecord current = t.record;
            ThreadRecord previous = Threads.record(Epoch.slot(previousEpoch), Epoch.clock(previousEpoch));
            List<ThreadInfo> threads = new ArrayList<>(2);
            threads.add(info(current));
            if (previous != null && previous != current) threads.add(info(previous));
            Race race = new Race(
                    target(target, kind, key, site),
                    new Access(write ? AccessKind.WRITE : AccessKind.READ, current.serial, stack),
                    new Access(previousWrite ? AccessKind.WRITE : AccessKind.READ,
                            previous == null ? -1 : previous.serial, previousStack),
                    threads, 1);
            if (Config.suppressions.suppresses(race)) {
                synchronized (LOCK) {
                    suppressed++;
                }
                return;
            }
            boolean known = Config.baseline.contains(race);
            // The JUnit integration gets the default text: its attribution keys must match the check goal's renders.
            String text = TextRenderer.render(race);
            String printed = Config.testFrames ? TextRenderer.render(race, TestFrames.KEEP) : text;
            synchronized (LOCK) {
                RACES.add(race);
                COUNTS.add(count);
                // A known race fails no test: the JUnit integration never sees it.
                TEXTS.add(known ? null : text);
                TESTS.add(t.testId);
                if (known) knownRaces++;
                print(printed);
                if (known) print("racecheck: (known race: in the baseline) the race above does not fail the run"
                        + System.lineSeparator());
            }
            if (Config.haltOnError && !known) {
                flushProgramStreams();
                Runtime.getRuntime().halt(Config.exitCode);
            }
        } catch (Throwable e) {
            Internal.error("reporting a race", e);
        } finally {
            t.ignore--;
        }
    }

    private static ThreadInfo info(ThreadRecord r) {
        return new ThreadInfo(r.serial, r.name(), r.alive(), r.startedAt);
    }

    private static Target target(Object target, int kind, int key, int site) {
        switch (kind) {
            case Detector.STATIC:
                return new Target(Target.Kind.STATIC_FIELD, ((Class<?>) target).getName(), Sites.fieldName(site), null);
            case Detector.CONTAINER:
                return Containers.target(target);
            case Detector.ELEMENT:
                String type = target.getClass().getTypeName();
                return new Target(Target.Kind.ARRAY_ELEMENT, type, "[" + key + "]", identity(type, target));
            default:
                String owner = Sites.fieldOwner(site);
                return new Target(Target.Kind.FIELD, owner, Sites.fieldName(site),
                        identity(target.getClass().getName(), target));
        }
    }

    private static String identity(String type, Object o) {
        return type + "@" + Integer.toHexString(System.identityHashCode(o));
    }

    /** Number of distinct races reported so far. */
    static int count() {
        synchronized (LOCK) {
            return RACES.size();
        }
    }

    /** Distinct races that fail the run: reported and not in the baseline. */
    static int failing() {
        synchronized (LOCK) {
            return RACES.size() - knownRaces;
        }
    }

    static int suppressedCount() {
        synchronized (LOCK) {
            return suppressed;
        }
    }

    /** The races so far, each with its total number of occurrences. */
    static List<Race> races() {
        synchronized (LOCK) {
            List<Race> out = new ArrayList<>(RACES.size());
            for (int i = 0; i < RACES.size(); i++) {
                Race r = RACES.get(i);
                out.add(new Race(r.target(), r.current(), r.previous(), r.threads(), COUNTS.get(i)[0]));
            }
            return out;
        }
    }

    /** Texts of the races found by threads tagged {@code testId} (null: untagged) not taken before. */
    static List<String> takeTexts(String testId) {
        synchronized (LOCK) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < TEXTS.size(); i++) {
                String text = TEXTS.get(i);
                if (text != null && java.util.Objects.equals(TESTS.get(i), testId)) {
                    out.add(text);
                    TEXTS.set(i, null);
                }
            }
            return out;
        }
    }

    /** Prints a line of racecheck's own, such as the summary, where the reports go. */
    static void printLine(String line) {
        synchronized (LOCK) {
            print(line + System.lineSeparator());
        }
    }

    private static void print(String text) {
        if (log == null) log = openLog();
        log.print(text);
        log.flush();
    }

    private static PrintStream openLog() {
        String path = Config.logPath;
        OutputStream out;
        if (path == null || path.equals("stderr")) {
            out = new FileOutputStream(FileDescriptor.err);
        } else if (path.equals("stdout")) {
            out = new FileOutputStream(FileDescriptor.out);
        } else {
            try {
                out = new FileOutputStream(path + "." + ProcessHandle.current().pid(), true);
            } catch (IOException e) {
                Internal.warn("cannot open log_path " + path + ": " + e.getMessage() + "; reporting to stderr");
                out = new FileOutputStream(FileDescriptor.err);
            }
        }
        // Our own stream on the file descriptor: reports reach the terminal even if the program replaced System.err.
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** The program's own buffered output goes out before racecheck stops the JVM. */
    static void flushProgramStreams() {
        System.out.flush();
        System.err.flush();
    }
}
