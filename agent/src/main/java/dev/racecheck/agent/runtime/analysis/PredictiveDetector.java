package dev.racecheck.agent.runtime.analysis;

import dev.racecheck.agent.runtime.predict.Candidate;
import dev.racecheck.agent.runtime.predict.Predictor;
import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.SyncClock;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Predictive mode (predict=1): happens-before as {@link FastTrack} computes it, every race it finds reported as
 * before, and besides them the races happens-before saw ordered only by critical sections that have nothing to do
 * with the variable, each confirmed by a witness before it is reported.
 *
 * <p>For each access, the previous conflicting accesses that happens-before orders before it are checked against a
 * weaker relation, the predictive clock ({@link Predictor}): happens-before without the order between the program's
 * own critical sections, except where two critical sections on one lock conflict (weak DC, Roemer et al.; SmartTrack,
 * PLDI 2020). A previous access that happens-before orders and the predictive clock does not is a candidate; the
 * witness check ({@code predict.Vindication}) decides whether a correct reordering of the run puts the two accesses
 * side by side. Only then is the race reported, as predicted: the relation alone is not sound (DC is not), the check
 * is.
 *
 * <p>This class is the glue: the happens-before half is a {@link FastTrack} it calls, so races happens-before sees are
 * reported exactly as in happens-before mode; the predictive half is {@link Predictor}, which keeps its state in
 * {@code ThreadState.predictive} and {@code Shadow.predictive} and reads the variable states without changing them.
 */
final class PredictiveDetector implements Detector {
    private final FastTrack hb;

    PredictiveDetector(FastTrack hb) {
        this.hb = hb;
        Predictor.install();
    }

    // ---- accesses ---------------------------------------------------------------------------------------------

    @Override
    public void read(ThreadState t, VarState v, int site, int base, Object target, int kind) {
        Candidate c = Predictor.read(t, v);
        if (c != null) predicted(t, v, site, target, kind, false, c);
        hb.read(t, v, site, base, target, kind);
        Predictor.afterRead(t, v);
    }

    @Override
    public void write(ThreadState t, VarState v, int site, int base, Object target, int kind) {
        Candidate c = Predictor.write(t, v);
        if (c != null) predicted(t, v, site, target, kind, true, c);
        hb.write(t, v, site, base, target, kind);
    }

    /**
     * Candidates found, the first is checked (and reported when a witness exists); the others of the same access
     * wait for the next one of that pair of sites. Stack captures and the check run with events off.
     */
    private static void predicted(ThreadState t, VarState v, int site, Object target, int kind, boolean write,
                                  Candidate first) {
        t.ignore++;
        try {
            for (Candidate c = first; c != null; c = c.next) {
                int previousPath = Predictor.pathOf(v, c.epoch, c.write);
                if (previousPath <= 0) continue;
                int previousSite = CallPaths.site(previousPath);
                if (!Predictor.worthChecking(site, previousSite)) continue;
                dev.racecheck.reports.Prediction why = Predictor.vindicate(t, c, site, previousSite);
                if (why == null) continue;
                Races.report(t, site, write, target, kind, v.key, c.epoch, c.write, previousPath, -1, why);
            }
        } catch (Throwable e) {
            dev.racecheck.agent.runtime.report.Internal.error("checking a predicted race", e);
        } finally {
            t.ignore--;
        }
    }

    /*
     * Packed element states are for happens-before mode: here RaceEvents gives every element a VarState, which the
     * predictor reads. Were one used anyway, happens-before would still see its races.
     */
    @Override
    public int readElement(ThreadState t, ElementStates.Page p, int index, int site, int base, int path,
                           Object array) {
        return hb.readElement(t, p, index, site, base, path, array);
    }

    @Override
    public int writeElement(ThreadState t, ElementStates.Page p, int index, int site, int base, int path,
                            Object array) {
        return hb.writeElement(t, p, index, site, base, path, array);
    }

    @Override
    public long[] lastWrite(ElementStates.Page p, int index) {
        return hb.lastWrite(p, index);
    }

    @Override
    public void freeze(ThreadState t, ElementStates es) {
        hb.freeze(t, es);
    }

    @Override
    public long[] lastWrite(VarState v) {
        return hb.lastWrite(v);
    }

    @Override
    public void checkRead(ThreadState t, int key, long[] write, int site, int path, Object target, int kind,
                          long since) {
        hb.checkRead(t, key, write, site, path, target, kind, since);
        Predictor.optimisticRead(t, write == null ? Epoch.NONE : write[0], since);
    }

    @Override
    public void freeze(ThreadState t, VarState v) {
        long w = v.w;
        hb.freeze(t, v);
        Predictor.frozen(t, v, w);
    }

    // ---- synchronization that carries data ------------------------------------------------------------------------

    @Override
    public void acquire(ThreadState t, Shadow s) {
        hb.acquire(t, s);
        Predictor.acquire(t, s, Predictor.OBJECT);
    }

    @Override
    public void release(ThreadState t, Shadow s) {
        Predictor.release(t, s, Predictor.OBJECT);
        hb.release(t, s);
    }

    @Override
    public void acquire(ThreadState t, SyncClock c) {
        hb.acquire(t, c);
        Predictor.acquire(t, c);
    }

    @Override
    public void release(ThreadState t, SyncClock c) {
        Predictor.release(t, c);
        hb.release(t, c);
    }

    @Override
    public void acquireField(ThreadState t, Shadow s, int key) {
        hb.acquireField(t, s, key);
        Predictor.acquire(t, s, key);
    }

    @Override
    public void releaseField(ThreadState t, Shadow s, int key) {
        Predictor.release(t, s, key);
        hb.releaseField(t, s, key);
    }

    @Override
    public void acquireElement(ThreadState t, Shadow s, int index) {
        hb.acquireElement(t, s, index);
        Predictor.acquireElement(t, s, index);
    }

    @Override
    public void releaseElement(ThreadState t, Shadow s, int index, int length) {
        Predictor.releaseElement(t, s, index);
        hb.releaseElement(t, s, index, length);
    }

    @Override
    public void classInitialized(ThreadState t, Shadow s) {
        Predictor.classInitialized(t, s);
        hb.classInitialized(t, s);
    }

    @Override
    public boolean classUse(ThreadState t, Shadow s) {
        boolean done = hb.classUse(t, s);
        if (done) Predictor.classUsed(t, s);
        return done;
    }

    @Override
    public void fork(ThreadState parent, ThreadState child) {
        Predictor.fork(parent, child);
        hb.fork(parent, child);
    }

    @Override
    public void join(ThreadState t, ThreadState child) {
        hb.join(t, child);
        Predictor.join(t, child);
    }

    @Override
    public void ended(ThreadState t) {
        Predictor.ended(t);
    }

    // ---- locks --------------------------------------------------------------------------------------------------

    @Override
    public void lock(ThreadState t, Shadow s, int mode, int path, Object owner) {
        hb.lock(t, s, mode, path, owner);
        Predictor.lock(t, s, mode, path, owner);
    }

    @Override
    public void unlock(ThreadState t, Shadow s, int mode, int path) {
        Predictor.unlock(t, s, path);
        hb.unlock(t, s, mode, path);
    }

    @Override
    public void waitRelease(ThreadState t, Shadow s, int mode) {
        Predictor.waitRelease(t, s);
        hb.waitRelease(t, s, mode);
    }

    @Override
    public void waitAcquire(ThreadState t, Shadow s, int mode) {
        hb.waitAcquire(t, s, mode);
        Predictor.waitAcquire(t, s, mode);
    }

    @Override
    public boolean holds(ThreadState t, Shadow s) {
        return Predictor.holds(t, s);
    }
}
