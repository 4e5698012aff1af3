package dev.racecheck.agent.runtime;

import java.util.List;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.schedule.Schedule;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * racecheck's public API for test frameworks (the JUnit extension, build plugins): which races and deadlocks
 * happened during which test. Lives in the agent jar, on the boot class path; callers must first check that the agent is there,
 * e.g. {@code Class.forName("dev.racecheck.agent.runtime.RaceCheck", false, null)}.
 *
 * <p>A test is a tag on threads: {@link #enterTest} tags the current thread, and every thread it starts while
 * tagged inherits the tag, so a race in a thread the test started but did not join is still that test's.
 */
public final class RaceCheck {
    private RaceCheck() {
        // no instances
    }

    /** True once the agent has started in this JVM. */
    public static boolean active() {
        return Analysis.enabled;
    }

    /** Tags the current thread, and the threads it starts from now on, with a test id. */
    public static void enterTest(String testId) {
        ThreadState ts = RaceEvents.thread();
        ts.testId = testId;
    }

    /** Removes the current thread's tag (threads it started keep theirs). */
    public static void exitTest() {
        RaceEvents.thread().testId = null;
    }

    /**
     * The reports, in Go-style text, of the races found so far in threads tagged {@code testId}, removed from
     * what later calls return. Each report is also printed as usual when found.
     */
    public static List<String> takeRaces(String testId) {
        return Reporter.takeTexts(testId);
    }

    /** Like {@link #takeRaces} for races found in threads that no test tagged. */
    public static List<String> takeUntaggedRaces() {
        return Reporter.takeTexts(null);
    }

    /** Number of distinct races found so far in the whole run. */
    public static int raceCount() {
        return Reporter.count();
    }

    /**
     * Whether this JVM can explore schedules: the agent was started with {@code explore=1} (or {@code explore_seed}),
     * so the instrumentation has put schedule points at the synchronization operations.
     */
    public static boolean canExplore() {
        return Schedule.ARMED;
    }

    /**
     * The current thread, and the threads it starts from now on, explore the schedule with {@code seed} (see the
     * README, "Schedule exploration"): at synchronization points they wait for one another as the seed decides, and
     * the races they find carry the seed. One call per repetition of a test, before it runs.
     *
     * @throws IllegalStateException if the agent was not started with {@code explore=1}
     */
    public static void exploreSchedule(long seed) {
        Schedule.begin(RaceEvents.thread(), Thread.currentThread(), seed);
    }

    /** The current thread stops exploring (the threads it started keep their part until they end). */
    public static void endScheduleExploration() {
        Schedule.end(RaceEvents.thread());
    }

    /**
     * The reports, as text, of the deadlocks found so far in threads tagged {@code testId}, removed from what later
     * calls return: a potential deadlock (lock-order inversion) belongs to the test whose thread closed the cycle.
     * Each report is also printed as usual when found.
     */
    public static List<String> takeDeadlocks(String testId) {
        return Reporter.takeDeadlockTexts(testId);
    }

    /** Like {@link #takeDeadlocks} for deadlocks found in threads that no test tagged. */
    public static List<String> takeUntaggedDeadlocks() {
        return Reporter.takeDeadlockTexts(null);
    }

    /** Number of distinct deadlocks (potential and actual) found so far in the whole run. */
    public static int deadlockCount() {
        return Reporter.deadlockCount();
    }
}
