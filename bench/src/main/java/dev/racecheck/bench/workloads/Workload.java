package dev.racecheck.bench.workloads;

import java.util.List;
import java.util.Optional;

/**
 * The workloads the runner knows: their names, main classes and sizes. The Java Grande kernels' default sizes are
 * the published JGF 2.0 sizes of the class in {@link #jgfClass} (see bench/README.md for the tables and where they
 * come from); the other workloads' defaults make a run without the agent take roughly 0.5 to 2 s on a 2-core
 * machine. Quick sizes are for a smoke run, tiny sizes for the unit tests.
 */
public enum Workload {
    SERIES("series", Series.class, "A", Series.DEFAULT_SIZE, 500, 20, false, true, Series::run),
    SOR("sor", Sor.class, "C", Sor.DEFAULT_SIZE, 200, 20, false, true, Sor::run),
    CRYPT("crypt", Crypt.class, "B", Crypt.DEFAULT_SIZE, 1_000_000, 4096, false, true, Crypt::run),
    LUFACT("lufact", LuFact.class, "B", LuFact.DEFAULT_SIZE, 200, 40, false, false, LuFact::run),
    SPARSEMATMULT("sparsematmult", SparseMatMult.class, "B", SparseMatMult.DEFAULT_SIZE, 5_000, 200, false, true,
            SparseMatMult::run),
    MONTECARLO("montecarlo", MonteCarlo.class, "A", MonteCarlo.DEFAULT_SIZE, 1_000, 200, false, false, MonteCarlo::run),
    RAYTRACER("raytracer", RayTracer.class, "A", RayTracer.DEFAULT_SIZE, 60, 16, false, false, RayTracer::run),
    MOLDYN("moldyn", MolDyn.class, "A", MolDyn.DEFAULT_SIZE, 4, 4, false, false, MolDyn::run),
    COUNTER("counter", Counter.class, null, Counter.DEFAULT_SIZE, 200_000, 1_000, false, true, Counter::run),
    PRODUCERCONSUMER("producerconsumer", ProducerConsumer.class, null, ProducerConsumer.DEFAULT_SIZE, 20_000, 500,
            false, false, ProducerConsumer::run),
    EXECUTORFANOUT("executorfanout", ExecutorFanOut.class, null, ExecutorFanOut.DEFAULT_SIZE, 10_000, 600, false,
            false, ExecutorFanOut::run),
    CONCURRENTMAP("concurrentmap", ConcurrentMapCount.class, null, ConcurrentMapCount.DEFAULT_SIZE, 100_000, 2_000,
            false, false, ConcurrentMapCount::run),
    VIRTUALTHREADS("virtualthreads", VirtualThreadFanOut.class, null, VirtualThreadFanOut.DEFAULT_SIZE, 5_000, 300,
            true, false, VirtualThreadFanOut::run);

    /** The Java Grande kernels, in the order of the original suite. */
    public static final List<Workload> GRANDE = List.of(SERIES, SOR, CRYPT, LUFACT, SPARSEMATMULT, MONTECARLO, RAYTRACER,
            MOLDYN);

    public final String id;
    public final Class<?> mainClass;
    /** The JGF size class ("A", "B", "C") {@link #defaultSize} is, or null for a workload not from Java Grande. */
    public final String jgfClass;
    public final int defaultSize;
    public final int quickSize;
    public final int tinySize;
    /** Needs JDK 21 or later (virtual threads). */
    public final boolean needsJdk21;
    /** Has a Go port in bench/go/{@link #id} (same algorithm, size argument and check). */
    public final boolean goPort;
    /** The workload body, for running it in this JVM (tests). */
    public final Harness.Body body;

    Workload(String id, Class<?> mainClass, String jgfClass, int defaultSize, int quickSize, int tinySize,
            boolean needsJdk21, boolean goPort, Harness.Body body) {
        this.id = id;
        this.mainClass = mainClass;
        this.jgfClass = jgfClass;
        this.defaultSize = defaultSize;
        this.quickSize = quickSize;
        this.tinySize = tinySize;
        this.needsJdk21 = needsJdk21;
        this.goPort = goPort;
        this.body = body;
    }

    public boolean grande() {
        return jgfClass != null;
    }

    /**
     * Threads of a default run: 2 and 4 for the Java Grande kernels and the workloads with a Go port (the published
     * measurements used 2), 4 for the concurrency-style workloads, whose sizes were chosen for 4.
     */
    public List<Integer> defaultThreads() {
        return grande() || goPort ? List.of(2, 4) : List.of(Harness.DEFAULT_THREADS);
    }

    /** The name of a table row: {@code sor-C/2t} at the JGF size, {@code sor/2t} at another. */
    public String rowName(int size, int threads) {
        return id + (grande() && size == defaultSize ? "-" + jgfClass : "") + "/" + threads + "t";
    }

    public static Optional<Workload> byId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) return Optional.of(w);
        }
        return Optional.empty();
    }
}
