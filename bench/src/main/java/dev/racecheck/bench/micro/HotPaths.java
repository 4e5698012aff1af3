package dev.racecheck.bench.micro;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The agent's hot paths, as JMH benchmarks. This class is application code: in the fork that runs with the agent it
 * is instrumented like any program (JMH's own classes and the generated ones are excluded), in the plain fork it is
 * not; {@link MicroRunner} runs both and reports the difference. Each benchmark makes one call into
 * {@link Variables} with a known number of tracked accesses, so the time the agent adds per access is
 * (added per op - added per op of the reference) / accesses, where the reference is {@link #baseline} (the same call
 * with no access) or, for the first-access benchmarks, {@link #monitorEnterExit} (the release that starts each new
 * epoch, and the call).
 *
 * <p>The objects the benchmarks reach are in final fields, which the agent does not track, so the only tracked
 * accesses are the ones counted. In the plain fork the JIT may fold repeated reads or writes of one field into one;
 * that only makes plain faster, and the difference the whole cost of the instrumented accesses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HotPaths {
    private final Variables vars = new Variables();
    private final Object lock = new Object();
    private volatile int flag;
    private static final Runnable NOTHING = () -> { };

    /** Variables read by every benchmark thread: they become read-shared. */
    @State(Scope.Benchmark)
    public static class Shared {
        final Variables vars = new Variables();
    }

    /** The reference: the one call every access benchmark makes, without a tracked access. */
    @Benchmark
    public int baseline() {
        return vars.nothing();
    }

    // ---- same epoch: the fast path inline in RaceEvents (16 accesses of one variable) -------------------------

    @Benchmark
    public int fieldReadSameEpoch() {
        return vars.readOneField();
    }

    @Benchmark
    public void fieldWriteSameEpoch() {
        vars.writeOneField(1);
    }

    // ---- array elements, same epoch (16 elements, each accessed again in the same epoch every op) -------------

    @Benchmark
    public int arrayReadSameEpoch() {
        return vars.readElements();
    }

    @Benchmark
    public void arrayWriteSameEpoch() {
        vars.writeElements(1);
    }

    // ---- first access in a new epoch: each op releases a monitor, then touches 16 variables -------------------

    @Benchmark
    public int fieldReadNewEpoch() {
        synchronized (lock) {
            // empty: the release at its end starts a new epoch
        }
        return vars.readFields();
    }

    @Benchmark
    public void fieldWriteNewEpoch() {
        synchronized (lock) {
            // empty: the release at its end starts a new epoch
        }
        vars.writeFields(2);
    }

    @Benchmark
    public int arrayReadNewEpoch() {
        synchronized (lock) {
            // empty: the release at its end starts a new epoch
        }
        return vars.readElements();
    }

    @Benchmark
    public void arrayWriteNewEpoch() {
        synchronized (lock) {
            // empty: the release at its end starts a new epoch
        }
        vars.writeElements(2);
    }

    // ---- read-shared variables: two threads read the same fields ------------------------------------------------

    @Benchmark
    @Threads(2)
    public int sharedReadSameEpoch(Shared shared) {
        return shared.vars.readOneField();
    }

    @Benchmark
    @Threads(2)
    public int sharedReadNewEpoch(Shared shared) {
        synchronized (lock) {
            // empty: a lock of this thread's own; its release starts a new epoch
        }
        return shared.vars.readFields();
    }

    // ---- synchronization: per op, against baseline --------------------------------------------------------------

    @Benchmark
    public int monitorEnterExit() {
        synchronized (lock) {
            // empty: acquire and release only
        }
        return vars.nothing();
    }

    @Benchmark
    public int volatileWrite() {
        flag = 1;
        return vars.nothing();
    }

    @Benchmark
    public int volatileRead() {
        return flag + vars.nothing();
    }

    @Benchmark
    public int threadStartJoin() throws InterruptedException {
        Thread t = new Thread(NOTHING);
        t.start();
        t.join();
        return vars.nothing();
    }
}
