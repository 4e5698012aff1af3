package dev.racecheck.junit;

import java.util.List;


/**
 * The only class that links against the agent's public API ({@code dev.racecheck.agent.runtime.RaceCheck}, which
 * the agent puts on the boot class path). Everything here is a no-op unless {@link #ACTIVE}: the class is then never
 * resolved, so a test run without the agent works exactly as without this module.
 */
final class Agent {
    private static final String API = "dev.racecheck.agent.runtime.RaceCheck";

    /** True when the agent runs in this JVM. */
    static final boolean ACTIVE = detect();

    private Agent() {
        // no instances
    }

    private static boolean detect() {
        try {
            // The bootstrap loader only: a racecheck.jar on the ordinary class path is not a running agent.
            Class.forName(API, false, null);
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
        try {
            return Api.active();
        } catch (LinkageError e) {
            return false;
        }
    }

    static void enterTest(String id) {
        if (ACTIVE) Api.enterTest(id);
    }

    static void exitTest() {
        if (ACTIVE) Api.exitTest();
    }

    static List<String> takeRaces(String id) {
        return ACTIVE ? Api.takeRaces(id) : List.of();
    }

    static List<String> takeUntaggedRaces() {
        return ACTIVE ? Api.takeUntaggedRaces() : List.of();
    }

    /** Whether the agent can explore schedules (started with explore=1); false for an agent too old to know how. */
    static boolean canExplore() {
        if (!ACTIVE) return false;
        try {
            return Api.canExplore();
        } catch (LinkageError older) {
            return false;
        }
    }

    /** The current thread, and the threads it starts from now on, explore the schedule with {@code seed}. */
    static void exploreSchedule(long seed) {
        if (ACTIVE) Api.exploreSchedule(seed);
    }

    static void endScheduleExploration() {
        if (ACTIVE) Api.endScheduleExploration();
    }

    static List<String> takeDeadlocks(String id) {
        if (!ACTIVE) return List.of();
        try {
            return Api.takeDeadlocks(id);
        } catch (LinkageError olderAgent) {
            return List.of(); // an agent without deadlock detection
        }
    }

    static List<String> takeUntaggedDeadlocks() {
        if (!ACTIVE) return List.of();
        try {
            return Api.takeUntaggedDeadlocks();
        } catch (LinkageError olderAgent) {
            return List.of();
        }
    }

    /** Direct calls, in a class of their own: it is loaded (and RaceCheck resolved) only once the agent is known to be there. */
    private static final class Api {
        static boolean active() {
            return dev.racecheck.agent.runtime.RaceCheck.active();
        }

        static void enterTest(String id) {
            dev.racecheck.agent.runtime.RaceCheck.enterTest(id);
        }

        static void exitTest() {
            dev.racecheck.agent.runtime.RaceCheck.exitTest();
        }

        static List<String> takeRaces(String id) {
            return dev.racecheck.agent.runtime.RaceCheck.takeRaces(id);
        }

        static List<String> takeUntaggedRaces() {
            return dev.racecheck.agent.runtime.RaceCheck.takeUntaggedRaces();
        }

        static boolean canExplore() {
            return dev.racecheck.agent.runtime.RaceCheck.canExplore();
        }

        static void exploreSchedule(long seed) {
            dev.racecheck.agent.runtime.RaceCheck.exploreSchedule(seed);
        }

        static void endScheduleExploration() {
            dev.racecheck.agent.runtime.RaceCheck.endScheduleExploration();
        }

        static List<String> takeDeadlocks(String id) {
            return dev.racecheck.agent.runtime.RaceCheck.takeDeadlocks(id);
        }

        static List<String> takeUntaggedDeadlocks() {
            return dev.racecheck.agent.runtime.RaceCheck.takeUntaggedDeadlocks();
        }
    }
}
