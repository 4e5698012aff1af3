package dev.racecheck.agent.runtime.report;

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

import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.text.TextRenderer;

/**
 * The cold path: records the races the detector found ({@code analysis.Races} describes them), prints
 * each at once (a later crash loses nothing), and keeps it for the summary at exit. Each distinct pair of access sites
 * is reported once; repeats only raise its count, as Go's detector does.
 */
public final class Reporter {
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
    /** Deadlocks by kind and fingerprint, in the order found, with their counts, texts and tests as for races. */
    private static final Map<String, long[]> SEEN_DEADLOCKS = new HashMap<>();
    private static final List<Deadlock> DEADLOCKS = new ArrayList<>();
    private static final List<long[]> DEADLOCK_COUNTS = new ArrayList<>();
    private static final List<String> DEADLOCK_TEXTS = new ArrayList<>();
    private static final List<String> DEADLOCK_TESTS = new ArrayList<>();
    private static int suppressedDeadlocks;
    private static int knownDeadlocks;

    /** What {@link #recordDeadlock} did. */
    public static final int REPORTED = 0;
    public static final int KNOWN = 1;
    public static final int REPEATED = 2;
    public static final int SUPPRESSED = 3;

    private Reporter() {
        // no instances
    }

    /**
     * The count of the pair of access sites {@code site} and {@code previousSite}, new, when this is the pair's first
     * race; null when the pair was reported already (its count is raised, and that is all).
     */
    public static long[] firstOccurrence(int site, int previousSite) {
        long pair = site < previousSite
                ? ((long) site << 32) | previousSite
                : ((long) previousSite << 32) | site;
        long[] count;
        synchronized (LOCK) {
            long[] seen = SEEN.get(pair);
            if (seen != null) {
                seen[0]++;
                return null;
            }
            count = new long[] {1};
            SEEN.put(pair, count);
        }
        return count;
    }

    /** Whether a race of the pair of access sites {@code site} and {@code previousSite} was reported already. */
    public static boolean reported(int site, int previousSite) {
        long pair = site < previousSite
                ? ((long) site << 32) | previousSite
                : ((long) previousSite << 32) | site;
        synchronized (LOCK) {
            return SEEN.containsKey(pair);
        }
    }

    /**
     * Records and prints the first race of a pair of access sites ({@code count} from {@link #firstOccurrence}), found
     * by a thread of test {@code testId} (or null), unless a suppression leaves it out; stops the JVM if told to
     * (halt_on_error). The caller keeps racecheck's events off and catches what this throws.
     */
    public static void record(Race race, long[] count, String testId) {
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
            TESTS.add(testId);
            if (known) knownRaces++;
            print(printed);
            if (known) print("racecheck: (known race: in the baseline) the race above does not fail the run"
                    + System.lineSeparator());
        }
        if (Config.haltOnError && !known) {
            flushProgramStreams();
            Runtime.getRuntime().halt(Config.exitCode);
        }
    }

    /**
     * Records and prints a deadlock, potential or actual, found by a thread of test {@code testId} (or null), unless a
     * suppression leaves it out or one with the same kind and fingerprint (the same locks' classes, taken in the same
     * methods) was reported already, which only raises its count; stops the JVM if told to (halt_on_error) and it is
     * not in the baseline. Returns {@link #REPORTED}, {@link #KNOWN} (reported, in the baseline), {@link #REPEATED} or
     * {@link #SUPPRESSED}. The caller keeps racecheck's events off and catches what this throws.
     */
    public static int recordDeadlock(Deadlock deadlock, String testId) {
        if (Config.suppressions.suppresses(deadlock)) {
            synchronized (LOCK) {
                suppressedDeadlocks++;
            }
            return SUPPRESSED;
        }
        String key = deadlock.kind() + " " + Fingerprint.of(deadlock);
        synchronized (LOCK) {
            long[] seen = SEEN_DEADLOCKS.get(key);
            if (seen != null) {
                seen[0]++;
                return REPEATED;
            }
            SEEN_DEADLOCKS.put(key, new long[] {1});
        }
        boolean known = Config.baseline.contains(deadlock);
        String text = TextRenderer.render(deadlock);
        String printed = Config.testFrames ? TextRenderer.render(deadlock, TestFrames.KEEP) : text;
        synchronized (LOCK) {
            DEADLOCKS.add(deadlock);
            DEADLOCK_COUNTS.add(SEEN_DEADLOCKS.get(key));
            DEADLOCK_TEXTS.add(known ? null : text);
            DEADLOCK_TESTS.add(testId);
            if (known) knownDeadlocks++;
            print(printed);
            if (known) print("racecheck: (known deadlock: in the baseline) the deadlock above does not fail the run"
                    + System.lineSeparator());
        }
        // An actual deadlock's halt is the watchdog's: the program's streams may be locked by the deadlocked threads.
        if (Config.haltOnError && !known && deadlock.kind() == Deadlock.Kind.POTENTIAL) {
            flushProgramStreams();
            Runtime.getRuntime().halt(Config.exitCode);
        }
        return known ? KNOWN : REPORTED;
    }

    /** Number of distinct deadlocks (potential and actual) reported so far. */
    public static int deadlockCount() {
        synchronized (LOCK) {
            return DEADLOCKS.size();
        }
    }

    /** Distinct deadlocks that fail the run: reported and not in the baseline. */
    public static int failingDeadlocks() {
        synchronized (LOCK) {
            return DEADLOCKS.size() - knownDeadlocks;
        }
    }

    public static int suppressedDeadlockCount() {
        synchronized (LOCK) {
            return suppressedDeadlocks;
        }
    }

    /** The deadlocks so far, each with its total number of occurrences. */
    public static List<Deadlock> deadlocks() {
        synchronized (LOCK) {
            List<Deadlock> out = new ArrayList<>(DEADLOCKS.size());
            for (int i = 0; i < DEADLOCKS.size(); i++) out.add(DEADLOCKS.get(i).withOccurrences(DEADLOCK_COUNTS.get(i)[0]));
            return out;
        }
    }

    /** Texts of the deadlocks found by threads tagged {@code testId} (null: untagged) not taken before. */
    public static List<String> takeDeadlockTexts(String testId) {
        synchronized (LOCK) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < DEADLOCK_TEXTS.size(); i++) {
                String text = DEADLOCK_TEXTS.get(i);
                if (text != null && java.util.Objects.equals(DEADLOCK_TESTS.get(i), testId)) {
                    out.add(text);
                    DEADLOCK_TEXTS.set(i, null);
                }
            }
            return out;
        }
    }

    /** Number of distinct races reported so far. */
    public static int count() {
        synchronized (LOCK) {
            return RACES.size();
        }
    }

    /** Distinct races that fail the run: reported and not in the baseline. */
    public static int failing() {
        synchronized (LOCK) {
            return RACES.size() - knownRaces;
        }
    }

    public static int suppressedCount() {
        synchronized (LOCK) {
            return suppressed;
        }
    }

    /** The races so far, each with its total number of occurrences. */
    public static List<Race> races() {
        synchronized (LOCK) {
            List<Race> out = new ArrayList<>(RACES.size());
            for (int i = 0; i < RACES.size(); i++) {
                Race r = RACES.get(i);
                out.add(r.withOccurrences(COUNTS.get(i)[0]));
            }
            return out;
        }
    }

    /** The race reported {@code index}-th (from 0), as reported (tests). */
    public static Race race(int index) {
        synchronized (LOCK) {
            return RACES.get(index);
        }
    }

    /** Texts of the races found by threads tagged {@code testId} (null: untagged) not taken before. */
    public static List<String> takeTexts(String testId) {
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
    public static void printLine(String line) {
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
    public static void flushProgramStreams() {
        System.out.flush();
        System.err.flush();
    }
}
