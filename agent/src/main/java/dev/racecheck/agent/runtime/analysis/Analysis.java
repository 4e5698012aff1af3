package dev.racecheck.agent.runtime.analysis;


import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.ShadowMap;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;

/**
 * The analysis of this JVM, shared by the entry points that instrumented code calls ({@code RaceEvents},
 * {@code VarHandles}) and the JDK models ({@code jdk}): its one {@link Detector}, the shadows of the objects it
 * tracks, each thread's state, and whether the agent has started.
 */
public final class Analysis {
    public static final ShadowMap SHADOWS = new ShadowMap();
    /**
     * Predictive mode (predict=1), fixed at start-up. A constant for the JIT: in happens-before mode every branch on it
     * folds away, and {@link #DETECTOR} is exactly a FastTrack.
     */
    public static final boolean PREDICT = dev.racecheck.agent.runtime.report.Config.predict;
    public static final Detector DETECTOR = PREDICT ? predictive() : new FastTrack();
    /**
     * Array elements keep their state in packed {@code ElementStates} pages: in happens-before mode with optimize=1.
     * The predictive detector reads a {@code VarState} per element, and optimize=0 keeps those too, so that the
     * optimize differential runs compare the two.
     */
    public static final boolean PACKED_ELEMENTS = !PREDICT && dev.racecheck.agent.runtime.report.Config.optimize;
    /** Set once the agent has started; hooks in JDK classes that run earlier are ignored. */
    public static volatile boolean enabled;

    /** The current thread's state; instrumented methods fetch it once, on entry ({@code RaceEvents.thread()}). */
    public static final ThreadLocal<ThreadState> CURRENT = new CurrentThreadState();

    /** A separate method: in happens-before mode the predictive detector's classes are never loaded. */
    private static Detector predictive() {
        return new PredictiveDetector(new FastTrack());
    }

    private Analysis() {
        // no instances
    }

    /** Stops reporting events of the current thread while racecheck's own work runs on it; see {@link #resume}. */
    public static Object suspend() {
        if (!enabled) return null;
        ThreadState ts = CURRENT.get();
        ts.ignore++;
        return ts;
    }

    public static void resume(Object token) {
        if (token != null) ((ThreadState) token).ignore--;
    }

    /** Creates a thread's state on its first event: the one its starter prepared, or a fresh one. */
    private static final class CurrentThreadState extends ThreadLocal<ThreadState> {
        @Override
        protected ThreadState initialValue() {
            Thread t = Thread.currentThread();
            if (isVirtualThreadScheduler(t)) {
                // Never analysed, and never given a slot or a shadow: both take racecheck monitors (see below).
                return Threads.unanalysed(t);
            }
            Shadow s = SHADOWS.get(t);
            ThreadState ts = s.thread;
            if (ts == null) {
                ts = Threads.create(t, null, 0);
                s.thread = ts;
            }
            return ts;
        }

        /**
         * The threads virtual threads need to make progress: carrier threads (when no virtual thread is mounted,
         * running the scheduler's own code) and, JDK 24+, the thread that resubmits virtual threads blocked on a
         * monitor. Since JDK 24 a virtual thread blocked on a monitor unmounts and waits for that unblocker to
         * resubmit it; if the unblocker or every carrier in turn waited for a racecheck monitor whose next owner
         * is such a virtual thread, nothing would move again (seen: 100,000 virtual threads, 10,000 alive). What
         * they do is scheduling, not the program's synchronization, so racecheck leaves them alone.
         */
        private static boolean isVirtualThreadScheduler(Thread t) {
            String type = t.getClass().getName();
            return type.equals("jdk.internal.misc.CarrierThread")
                    || type.equals("jdk.internal.misc.InnocuousThread") && t.getName().equals("VirtualThread-unblocker");
        }
    }
}
