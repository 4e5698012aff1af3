package dev.racecheck.bench.workloads;

import java.util.List;
import java.util.Optional;

/**
 * The workloads the runner knows: their names, main classes and sizes. Default sizes make a run without the agent
 * take roughly 0.5 to 2 s on a 2-core machine (see bench/README.md); quick sizes are for a smoke run; tiny sizes for
 * the unit tests.
 */
public enum Workload {
    SERIES("series", Series.class, Series.DEFAULT_SIZE, 500, 20, false, Series::run),
    SOR("sor", Sor.class, Sor.DEFAULT_SIZE, 100, 20, false, Sor::run),
    CRYPT("crypt", Crypt.class, Crypt.DEFAULT_SIZE, 1_000_000, 4096, false, Crypt::run),
    LUFACT("lufact", LuFact.class, LuFact.DEFAULT_SIZE, 200, 40, false, LuFact::run),
    SPARSEMATMULT("sparsematmult", SparseMatMult.class, SparseMatMult.DEFAULT_SIZE, 5_000, 200, false, SparseMatMult::run),
    MONTECARLO("montecarlo", MonteCarlo.class, MonteCarlo.DEFAULT_SIZE, 1_000, 200, false, MonteCarlo::run),
    RAYTRACER("raytracer", RayTracer.class, RayTracer.DEFAULT_SIZE, 60, 16, false, RayTracer::run),
    MOLDYN("moldyn", MolDyn.class, MolDyn.DEFAULT_SIZE, 4, 4, false, MolDyn::run),
    PRODUCERCONSUMER("producerconsumer", ProducerConsumer.class, ProducerConsumer.DEFAULT_SIZE, 20_000, 500, false,
            ProducerConsumer::run),
    EXECUTORFANOUT("executorfanout", ExecutorFanOut.class, ExecutorFanOut.DEFAULT_SIZE, 10_000, 600, false,
            ExecutorFanOut::run),
    CONCURRENTMAP("concurrentmap", ConcurrentMapCount.class, ConcurrentMapCount.DEFAULT_SIZE, 100_000, 2_000, false,
            ConcurrentMapCount::run),
    VIRTUALTHREADS("virtualthreads", VirtualThreadFanOut.class, VirtualThreadFanOut.DEFAULT_SIZE, 5_000, 300, true,
            VirtualThreadFanOut::run);

    /** The Java Grande kernels, in the order of the original suite. */
    public static final List<Workload> GRANDE = List.of(SERIES, SOR, CRYPT, LUFACT, SPARSEMATMULT, MONTECARLO, RAYTRACER,
            MOLDYN);

    public final String id;
    public final Class<?> mainClass;
    public final int defaultSize;
    public final int quickSize;
    public final int tinySize;
    /** Needs JDK 21 or later (virtual threads). */
    public final boolean needsJdk21;
    /** The workload body, for running it in this JVM (tests). */
    public final Harness.Body body;

    Workload(String id, Class<?> mainClass, int defaultSize, int quickSize, int tinySize, boolean needsJdk21,
            Harness.Body body) {
        this.id = id;
        this.mainClass = mainClass;
        this.defaultSize = defaultSize;
        this.quickSize = quickSize;
        this.tinySize = tinySize;
        this.needsJdk21 = needsJdk21;
        this.body = body;
    }

    public static Optional<Workload> byId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) return Optional.of(w);
        }
        return Optional.empty();
    }
}
