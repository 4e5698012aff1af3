package dev.racecheck.agent.runtime.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.ContainerClasses;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.ContainerState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadRecord;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Prediction;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;

/**
 * Turns a race the detector found into a report for the {@link Reporter}: what raced, both accesses' stacks (the
 * earlier one rebuilt from its call path, see {@link CallPaths}) and threads. The first race of each pair of access
 * sites only: the stacks are not built for a repeat.
 */
final class Races {
    /** Tests' view of the races reported, by access site (a report's stacks are the real ones, not the sites'). */
    interface Listener {
        void reported(int site, int previousSite, boolean predicted);
    }

    static volatile Listener listener;

    private Races() {
        // no instances
    }

    /**
     * Reports a race between the current access and an earlier one, unless the same pair of sites was reported
     * already. Never throws: a failure here must not reach the program.
     */
    static void report(ThreadState t, int site, boolean write, Object target, int kind, int key,
                       long previousEpoch, boolean previousWrite, int previousPath) {
        report(t, site, write, target, kind, key, previousEpoch, previousWrite, previousPath, -1);
    }

    /**
     * The same, for an access made earlier than now (a StampedLock optimistic read, checked at validate): its stack is
     * that of call path {@code currentPath}, not the thread's stack at the time of the report; -1 for the latter.
     */
    static void report(ThreadState t, int site, boolean write, Object target, int kind, int key,
                       long previousEpoch, boolean previousWrite, int previousPath, int currentPath) {
        report(t, site, write, target, kind, key, previousEpoch, previousWrite, previousPath, currentPath, null);
    }

    /**
     * The same, for a race the predictive detector found: {@code prediction} says why the run ordered the two
     * accesses (null for a race happens-before saw).
     */
    static void report(ThreadState t, int site, boolean write, Object target, int kind, int key,
                       long previousEpoch, boolean previousWrite, int previousPath, int currentPath,
                       Prediction prediction) {
        t.ignore++;
        try {
            int previousSite = CallPaths.site(previousPath);
            long[] count = Reporter.firstOccurrence(site, previousSite);
            if (count == null) return;
            Listener l = listener;
            if (l != null) l.reported(site, previousSite, prediction != null);
            List<Frame> stack = currentPath < 0 ? CallPaths.captureStack() : CallPaths.frames(currentPath);
            List<Frame> previousStack = CallPaths.frames(previousPath);
            if (kind == Detector.CONTAINER) {
                stack = ContainerClasses.withOperation(site, stack);
                previousStack = ContainerClasses.withOperation(previousSite, previousStack);
            } else {
                stack = ContainerClasses.programFrames(stack);
                previousStack = ContainerClasses.programFrames(previousStack);
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
                    threads, 1, prediction, null)
                    // Found while exploring schedules: the seed of this thread's exploration, else the run's.
                    .withSeed(t.exploreSeed != null ? t.exploreSeed : Config.exploreSeed);
            Reporter.record(race, count, t.testId);
        } catch (Throwable e) {
            Internal.error("reporting a race", e);
        } finally {
            t.ignore--;
        }
    }

    private static ThreadInfo info(ThreadRecord r) {
        return new ThreadInfo(r.serial, r.name(), r.alive(), r.startedAt());
    }

    private static Target target(Object target, int kind, int key, int site) {
        switch (kind) {
            case Detector.STATIC:
                return new Target(Target.Kind.STATIC_FIELD, ((Class<?>) target).getName(), Sites.fieldName(site), null);
            case Detector.CONTAINER:
                ContainerState state = (ContainerState) target;
                return ContainerClasses.target(state.type, state.instance);
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
}
