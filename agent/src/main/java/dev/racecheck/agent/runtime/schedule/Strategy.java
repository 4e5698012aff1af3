package dev.racecheck.agent.runtime.schedule;

/** How an explored run perturbs the schedule at synchronization points (agent option {@code explore_strategy}). */
public enum Strategy {
    /**
     * PCT (Burckhardt et al., ASPLOS 2010) on real threads: each thread gets a random priority, and at a schedule point
     * a thread waits while a thread of higher priority is runnable and making progress; some threads drop below all
     * others at a random change point.
     */
    PCT,
    /**
     * As PCT, but a thread draws a new random priority at a point with a chance the run's seed picks (1/2 to 1/64),
     * in the spirit of partial-order sampling (Yuan et al., CAV 2018).
     */
    POS,
    /** Noise making (as IBM ConTest's): at a point, a seeded coin decides a short sleep of up to 2 ms. */
    NOISE;

    /** The strategy named {@code name} (lower case), or null. */
    public static Strategy named(String name) {
        for (Strategy s : values()) {
            if (s.name().equalsIgnoreCase(name)) return s;
        }
        return null;
    }
}
