package dev.racecheck.agent.runtime.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;

/**
 * Runs an abstract trace ({@link TraceOracle.Event}) through a detector in-process, one thread state per trace thread,
 * and says which races it reported, as pairs of event indexes. Each event has a site of its own whose line is its index,
 * so a report's previous access names its event; the current one is the event that was running when it was reported.
 *
 * <p>Besides the oracle's events: {@code "t vw v"} / {@code "t vr v"} (volatile write / read of v), {@code "t fork u"}
 * (t starts u, which must not have run yet), {@code "t join u"}, {@code "t qput q"} / {@code "t qtake q"} (a modelled
 * synchronizer's release and acquire: a queue element handed over), {@code "t jacq m"} / {@code "t jrel m"} (a lock
 * taken by JDK code for itself: no call path).
 */
final class TraceRun {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A race found: the events of the previous and current access, and whether it was predicted. */
    record Found(int previous, int current, boolean predicted) {
    }

    private final Detector detector;
    private final String field = "tr" + NAMES.incrementAndGet() + "_" + System.nanoTime();
    private final Map<String, ThreadState> threads = new HashMap<>();
    private final Map<String, Shadow> shadows = new HashMap<>();
    private final Map<String, Object> owners = new HashMap<>();
    private final Map<String, VarState> vars = new HashMap<>();
    private final Object target = new Object();

    TraceRun(Detector detector) {
        this.detector = detector;
    }

    static TraceRun predictive() {
        return new TraceRun(new PredictiveDetector(new FastTrack()));
    }

    private ThreadState thread(String name) {
        return threads.computeIfAbsent(name, n -> Threads.create(new Thread(n), null, 0));
    }

    private Shadow shadow(String name) {
        return shadows.computeIfAbsent(name, n -> TestShadows.newShadow());
    }

    private VarState var(String name) {
        return vars.computeIfAbsent(name, n -> TestShadows.newVarState(Sites.fieldKey(field + "_" + n, "I")));
    }

    private int site(int index) {
        return Sites.register("test.Trace", "e" + index, "Trace.java", index, "test.Trace", field);
    }

    /** Runs the trace; returns the races reported, in order. */
    List<Found> run(List<TraceOracle.Event> trace) {
        List<Found> found = new ArrayList<>();
        int[] sites = new int[trace.size()];
        Races.listener = (site, previousSite, predicted) -> {
            int previous = -1;
            for (int i = 0; i < sites.length; i++) if (sites[i] == previousSite) previous = i;
            int current = -1;
            for (int i = 0; i < sites.length; i++) if (sites[i] == site) current = i;
            if (current >= 0) found.add(new Found(previous, current, predicted));
        };
        try {
            for (int k = 0; k < trace.size(); k++) {
                sites[k] = site(k);
                step(trace.get(k), k, sites[k]);
            }
        } finally {
            Races.listener = null;
        }
        return found;
    }

    private void step(TraceOracle.Event e, int k, int site) {
        ThreadState t = thread(e.thread());
        switch (e.op()) {
            case "r" -> {
                VarState v = var(e.target());
                if (v.r != t.epoch) detector.read(t, v, site, 0, target, Detector.FIELD);
            }
            case "w" -> {
                VarState v = var(e.target());
                if (v.w != t.epoch) detector.write(t, v, site, 0, target, Detector.FIELD);
            }
            case "acq" -> detector.lock(t, shadow(e.target()), Detector.MONITOR, CallPaths.leaf(t, 0, site),
                    owners.computeIfAbsent(e.target(), n -> new Object()));
            case "rel" -> detector.unlock(t, shadow(e.target()), Detector.MONITOR, CallPaths.leaf(t, 0, site));
            case "jacq" -> detector.lock(t, shadow(e.target()), Detector.WRITE_LOCK, Detector.NO_PATH, null);
            case "jrel" -> detector.unlock(t, shadow(e.target()), Detector.WRITE_LOCK, Detector.NO_PATH);
            case "vw" -> detector.releaseField(t, shadow(e.target()), 1);
            case "vr" -> detector.acquireField(t, shadow(e.target()), 1);
            case "qput" -> detector.release(t, shadow(e.target()));
            case "qtake" -> detector.acquire(t, shadow(e.target()));
            case "fork" -> {
                ThreadState child = Threads.create(new Thread(e.target()), t.clock, 0);
                threads.put(e.target(), child);
                detector.fork(t, child);
            }
            case "join" -> {
                ThreadState child = thread(e.target());
                detector.ended(child);
                detector.join(t, child);
            }
            default -> throw new IllegalArgumentException(e.op());
        }
    }
}
