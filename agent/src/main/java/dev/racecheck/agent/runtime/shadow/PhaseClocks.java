package dev.racecheck.agent.runtime.shadow;

/**
 * A phaser's arrivals, per phase (kept in the shadow of the tree's root): {@code Phaser}'s memory consistency
 * orders the arrivals of a phase before its advance and the advance before what follows it, so a party that awaits
 * the advance of phase p acquires the arrivals of phase p and of the phases before it, not those of later phases.
 *
 * <p>Each phase's clock starts as a copy of the previous phase's when its first arrival releases into it (a party
 * arrives at phase p+1 only once phase p has advanced, so that clock is complete by then): awaiting phase p is one
 * join. The last {@value #KEPT} phases are kept; older ones are forgotten, and a party that awaits a phase older than
 * all those kept acquires the oldest one kept (more than it should: an edge too many, never one too few).
 */
public final class PhaseClocks {
    static final int KEPT = 4;

    /** Phase numbers of the clocks kept (ring by phase), -1 for none. Guarded by this. */
    private final int[] phases = {-1, -1, -1, -1};
    private final SyncClock[] clocks = new SyncClock[KEPT];
    /** The highest phase with a clock, -1 before the first arrival. Guarded by this. */
    private int newest = -1;

    /** The clock arrivals at {@code phase} release into (phases are never negative here). */
    public synchronized SyncClock arrival(int phase) {
        int i = phase & (KEPT - 1);
        if (phases[i] == phase) return clocks[i];
        // A party arrives at a phase only once the one before has advanced, so arrivals come in phase order; one that
        // comes late anyway (it read the phase before the advance it is no party of) goes to the newest phase.
        if (newest >= 0 && before(phase, newest)) return clocks[newest & (KEPT - 1)];
        SyncClock previous = newest >= 0 ? clocks[newest & (KEPT - 1)] : null;
        SyncClock c = previous != null ? new SyncClock(previous) : new SyncClock();
        phases[i] = phase;
        clocks[i] = c;
        newest = phase;
        return c;
    }

    /**
     * The clock of the arrivals up to the advance of {@code phase}: that phase's, else the newest kept before it,
     * else (a phase older than all kept) the oldest kept; null when nothing arrived yet.
     */
    public synchronized SyncClock upTo(int phase) {
        SyncClock best = null;
        int bestPhase = -1;
        SyncClock oldest = null;
        int oldestPhase = -1;
        for (int i = 0; i < KEPT; i++) {
            int p = phases[i];
            if (p < 0) continue;
            if (p == phase) return clocks[i];
            if (before(p, phase) && (best == null || before(bestPhase, p))) {
                best = clocks[i];
                bestPhase = p;
            }
            if (oldest == null || before(p, oldestPhase)) {
                oldest = clocks[i];
                oldestPhase = p;
            }
        }
        return best != null ? best : oldest;
    }

    /** The clock of the newest phase (a terminated phaser: every arrival). */
    public synchronized SyncClock newest() {
        return newest < 0 ? null : clocks[newest & (KEPT - 1)];
    }

    /** Phase a comes before phase b (phase numbers wrap around at Integer.MAX_VALUE to 0). */
    public static boolean before(int a, int b) {
        int d = (b - a) & Integer.MAX_VALUE;
        return d != 0 && d < (1 << 30);
    }
}
